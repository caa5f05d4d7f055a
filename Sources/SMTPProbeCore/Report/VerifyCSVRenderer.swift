/// Verify results as CSV with a header row (RFC 4180).
///
/// Records end in CRLF (RFC 4180 2.1); a field holding a comma, a double quote, CR or LF is
/// enclosed in double quotes, and a double quote inside it is doubled (2.6, 2.7). A reply's
/// lines are joined with a space. Columns: DESIGN.md's JSON keys, with the reply flattened to
/// `reply_code, enhanced, reply_text` and the diagnosis to `category, fix` (for
/// `proxy-failed`, `fix` holds the proxy hop that failed).
public enum VerifyCSVRenderer {
  public static let columns = [
    "address", "verdict", "reason", "mx_host", "catch_all", "tls", "reply_code", "enhanced",
    "reply_text", "category", "fix", "attempts", "role_account", "disposable", "retry_after",
    "elapsed_ms", "session_note",
  ]

  /// The header record, CRLF-terminated.
  public static var header: String { record(columns) }

  /// The record for one result, CRLF-terminated.
  public static func row(_ result: VerifyResult) -> String {
    record([
      result.address, result.verdict.rawValue, result.reason.rawValue, result.mxHost ?? "",
      result.catchAll.rawValue, String(result.tls), result.reply.map { String($0.code) } ?? "",
      result.reply?.enhanced?.description ?? "", result.reply?.lines.joined(separator: " ") ?? "",
      (result.refusalCategory ?? result.diagnosis?.category)?.rawValue ?? "",
      result.syntaxError?.description ?? result.diagnosis?.fix ?? result.proxyFailure?.description
        ?? "", String(result.attempts),
      String(result.roleAccount), String(result.disposable), result.retryAfter?.iso8601 ?? "",
      String(result.elapsedMilliseconds), result.sessionNote?.rawValue ?? "",
    ])
  }

  /// The header and one record per result.
  public static func render(_ results: [VerifyResult]) -> String {
    header + results.map(row).joined()
  }

  /// One record of fields, quoted where RFC 4180 2.6 requires.
  static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, in double quotes with inner quotes doubled when it holds `,`, `"`, CR or LF.
  static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
      return value
    }
    var quoted = "\""
    for character in value {
      quoted.append(character)
      if character == "\"" { quoted.append("\"") }
    }
    return quoted + "\""
  }
}
