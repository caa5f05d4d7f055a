/// Finds the queue id in the final reply to a message, in the forms real servers use.
///
/// RFC 5321 does not define one; servers put it in the text of the 250 after the end of data.
/// Forms recognized (our own reading of each server's replies):
/// - Postfix: `250 2.0.0 Ok: queued as 4F2A1C`
/// - Exim: `250 OK id=1abc2d-0002ab-CD`
/// - Gmail: `250 2.0.0 OK  1700000000 a1-20020a05600c...si123 - gsmtp` (the token after the
///   Unix time)
/// - Microsoft 365 / Exchange: `250 2.6.0 <id@host> [InternalId=123, Hostname=...] Queued mail
///   for delivery` (the InternalId, else the message id in angle brackets)
/// - Sendmail: `250 2.0.0 4AMM1xyz012345 Message accepted for delivery`
/// - qmail: `250 ok 1700000000 qp 12345`
public enum QueueID {
  /// The queue id in `reply`, or nil when the text carries none we recognize.
  public static func extract(from reply: Reply) -> String? {
    let text = reply.text
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let lower = words.map { $0.lowercased() }

    // Microsoft first: its "InternalId=" would otherwise look like Exim's "id=".
    if let marker = words.first(where: { $0.lowercased().hasPrefix("[internalid=") }) {
      let value = trim(String(marker.dropFirst("[InternalId=".count)))
      if !value.isEmpty { return value }
    }
    if text.lowercased().contains("queued mail for delivery"),
      let id = words.first(where: { $0.hasPrefix("<") && $0.hasSuffix(">") && $0.count > 2 })
    {
      return String(id.dropFirst().dropLast())
    }
    // Postfix and many others: "queued as X".
    for index in lower.indices.dropLast(2)
    where lower[index] == "queued" && lower[index + 1] == "as" {
      let value = trim(words[index + 2])
      if !value.isEmpty { return value }
    }
    // Exim: "id=X".
    if let id = lower.firstIndex(where: { $0.hasPrefix("id=") }) {
      let value = trim(String(words[id].dropFirst(3)))
      if !value.isEmpty { return value }
    }
    // Gmail: "... <unix time> <id> - gsmtp" or "<id>- gsmtp".
    if let last = lower.last, last.hasSuffix("gsmtp"),
      let time = words.firstIndex(where: { $0.count >= 9 && $0.allSatisfy(\.isASCIIDigit) }),
      time + 1 < words.count
    {
      var value = words[time + 1]
      while value.hasSuffix("-") { value.removeLast() }
      if !value.isEmpty, value.lowercased() != "gsmtp" { return value }
    }
    // Sendmail: "<id> Message accepted for delivery".
    if let index = lower.firstIndex(of: "message"), index > 0, index + 1 < lower.count,
      lower[index + 1] == "accepted"
    {
      let value = trim(words[index - 1])
      if !value.isEmpty, value.lowercased() != "ok" { return value }
    }
    // qmail: "ok <time> qp <pid>".
    if let index = lower.firstIndex(of: "qp"), index + 1 < words.count {
      return trim(words[index + 1])
    }
    return nil
  }

  /// Drops punctuation a server puts around the id (`)`, `]`, `,`, `.`, `<`, `>`).
  private static func trim(_ value: String) -> String {
    let junk: Set<Character> = ["(", ")", "[", "]", ",", ";", ".", "<", ">", "\"", "'"]
    var result = Substring(value)
    while let first = result.first, junk.contains(first) { result = result.dropFirst() }
    while let last = result.last, junk.contains(last) { result = result.dropLast() }
    return String(result)
  }
}
