/// Every line sent and received in a session, with the time since the session started.
///
/// Secrets are never recorded: sent lines come from `Command.transcriptLine`, which shows AUTH
/// data as `<redacted>` and the message content as a one-line summary (DESIGN.md, STYLE rule
/// 10). A multi-line reply gives one entry per line.
public struct Transcript: Hashable, Sendable {
  /// Which way a line went; raw values are the JSON strings.
  public enum Direction: String, Hashable, Sendable {
    case send
    case recv
  }

  /// One line.
  public struct Entry: Hashable, Sendable {
    /// Milliseconds since the session started.
    public var milliseconds: Int
    public var direction: Direction
    /// The line without its line ending.
    public var line: String
    /// The index in `SessionResult.steps` of the step this line belongs to, when known.
    public var step: Int?

    public init(milliseconds: Int, direction: Direction, line: String, step: Int? = nil) {
      self.milliseconds = milliseconds
      self.direction = direction
      self.line = line
      self.step = step
    }
  }

  public private(set) var entries: [Entry] = []

  public init(entries: [Entry] = []) {
    self.entries = entries
  }

  /// Adds one line.
  public mutating func append(
    _ direction: Direction, _ line: String, at milliseconds: Int, step: Int? = nil
  ) {
    entries.append(Entry(milliseconds: milliseconds, direction: direction, line: line, step: step))
  }

  /// The lines with arrows, as a test or a log shows them (`-> EHLO x`, `<- 250 ok`).
  public var lines: [String] {
    entries.map { ($0.direction == .send ? "-> " : "<- ") + $0.line }
  }
}
