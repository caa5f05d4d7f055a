/// The progress line of a verify run on a terminal: done of total, rate, time left.
///
/// Written over itself with a carriage return on stderr, only when stderr is a terminal, so a
/// pipe or a log file never sees it.
public enum VerifyProgressLine {
  /// `checked 12 of 50 addresses, 3.2/s, about 12 s left`; no rate before a whole second
  /// has passed or anything is done.
  public static func text(done: Int, total: Int, elapsedMilliseconds: Int64) -> String {
    var text = "checked \(done) of \(total) addresses"
    guard done > 0, elapsedMilliseconds >= 1000 else { return text }
    let tenthsPerSecond = Int64(done) * 10_000 / elapsedMilliseconds
    text += ", \(tenthsPerSecond / 10).\(tenthsPerSecond % 10)/s"
    if done < total {
      let left = Int64(total - done) * elapsedMilliseconds / Int64(done) / 1000
      text += ", about \(max(1, left)) s left"
    }
    return text
  }
}
