/// verify's `--state FILE`: each finished address on a line of its own, so that a rerun with
/// the same file skips it and prints what was recorded.
///
/// The file is JSON Lines (RFC 8259, one object a line). The first line names the format,
/// `{"smtpprobe_verify_state":1}`; every other line is one address: `mailbox` (the local part
/// as written, `@`, the A-label domain: the key duplicates are found by) and the result's
/// fields (`verdict`, `reason`, `refusal_category`, `catch_all`, `mx_host`, `tls`, `reply`
/// as `{"code", "lines"}`, `after` (the command the reply answered, so the diagnosis is the
/// classifier's again), `attempts`, `role_account`, `disposable`, `retry_after` (Unix
/// seconds), `elapsed_ms`, `session_note`). A last line without its newline was cut while
/// being written and is ignored; anything else that does not read is a foreign or corrupt file.
public enum VerifyStateFile {
  /// The first line of every state file.
  public static let header = "{\"smtpprobe_verify_state\":1}\n"

  /// Why a file is not a verify state file.
  public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line that did not read.
    public var line: Int
    public var description: String {
      line == 1
        ? "line 1 is not a smtpprobe verify state header"
        : "line \(line) is not a smtpprobe verify state record"
    }
  }

  /// The line recording `result` for `mailbox`, with its newline.
  public static func line(mailbox: String, result: VerifyResult) -> String {
    let reply: JSONValue =
      result.reply.map { ["code": .int($0.code), "lines": JSONValue($0.lines)] } ?? .null
    let object: JSONValue = [
      "mailbox": .string(mailbox),
      "verdict": .string(result.verdict.rawValue),
      "reason": .string(result.reason.rawValue),
      "refusal_category": JSONValue(result.refusalCategory?.rawValue),
      "catch_all": .string(result.catchAll.rawValue),
      "mx_host": JSONValue(result.mxHost),
      "tls": .bool(result.tls),
      "reply": reply,
      "after": JSONValue(after(result)?.rawValue),
      "attempts": .int(result.attempts),
      "role_account": .bool(result.roleAccount),
      "disposable": .bool(result.disposable),
      "retry_after": result.retryAfter.map { .int(Int($0.seconds)) } ?? .null,
      "elapsed_ms": .int(result.elapsedMilliseconds),
      "session_note": JSONValue(result.sessionNote?.rawValue),
    ]
    return object.compact + "\n"
  }

  /// The command whose reply `result.diagnosis` read: the one the classifier agrees with.
  private static func after(_ result: VerifyResult) -> CommandKind? {
    guard let reply = result.reply, let diagnosis = result.diagnosis else { return nil }
    return CommandKind.allCases.first { Classifier.diagnose(reply, after: $0) == diagnosis }
  }

  /// The results recorded in `text`, by mailbox; an empty text is a new file.
  public static func parse(_ text: String) throws(Problem) -> [String: VerifyResult] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" {
      lines.removeLast()
    } else if lines.count > 1 {
      // Cut while being appended: that address had not been recorded.
      lines.removeLast()
    }
    guard let first = lines.first else { return [:] }
    guard first + "\n" == header else { throw Problem(line: 1) }
    var results: [String: VerifyResult] = [:]
    for (offset, line) in lines.enumerated().dropFirst() {
      guard let value = try? JSONValue.parse(String(line)),
        case .string(let mailbox)? = value["mailbox"], let result = result(value, mailbox)
      else { throw Problem(line: offset + 1) }
      results[mailbox] = result
    }
    return results
  }

  private static func result(_ value: JSONValue, _ mailbox: String) -> VerifyResult? {
    guard case .string(let verdictText)? = value["verdict"],
      let verdict = VerifyVerdict(rawValue: verdictText),
      case .string(let reasonText)? = value["reason"],
      let reason = VerifyReason(rawValue: reasonText),
      case .string(let catchAllText)? = value["catch_all"],
      let catchAll = CatchAllState(rawValue: catchAllText),
      case .bool(let tls)? = value["tls"], case .int(let attempts)? = value["attempts"],
      case .bool(let role)? = value["role_account"],
      case .bool(let disposable)? = value["disposable"],
      case .int(let elapsed)? = value["elapsed_ms"]
    else { return nil }
    var result = VerifyResult(
      address: mailbox, verdict: verdict, reason: reason, catchAll: catchAll, tls: tls,
      attempts: attempts, roleAccount: role, disposable: disposable,
      elapsedMilliseconds: elapsed)
    if case .string(let category)? = value["refusal_category"] {
      guard let parsed = DiagnosisCategory(rawValue: category) else { return nil }
      result.refusalCategory = parsed
    }
    if case .string(let host)? = value["mx_host"] { result.mxHost = host }
    if case .int(let seconds)? = value["retry_after"] {
      result.retryAfter = UnixTime(seconds: Int64(seconds))
    }
    if case .string(let note)? = value["session_note"] {
      guard let parsed = VerifySessionNote(rawValue: note) else { return nil }
      result.sessionNote = parsed
    }
    if let reply = value["reply"], reply != .null {
      guard case .int(let code)? = reply["code"], case .array(let items)? = reply["lines"]
      else { return nil }
      var lines: [String] = []
      for item in items {
        guard case .string(let line) = item else { return nil }
        lines.append(line)
      }
      let parsed = Reply(code: code, lines: lines)
      result.reply = parsed
      if case .string(let after)? = value["after"], let kind = CommandKind(rawValue: after) {
        result.diagnosis = Classifier.diagnose(parsed, after: kind)
      }
    }
    return result
  }
}

extension VerifyReason {
  /// The reason DESIGN.md's string names, or nil.
  public init?(rawValue: String) {
    switch rawValue {
    case "domain-unknown": self = .domainUnknown
    case "catch-all": self = .catchAll
    case "role-account": self = .roleAccount
    case "disposable": self = .disposable
    case "prober-refused": self = .proberRefused
    case "port-25-blocked": self = .port25Blocked
    case "timeout": self = .timeout
    case "connection-failed": self = .connectionFailed
    case "null-mx": self = .nullMX
    case "no-mail-host": self = .noMailHost
    case "proxy-failed": self = .proxyFailed
    case "smtputf8-unsupported": self = .smtpUTF8Unsupported
    default:
      guard let category = DiagnosisCategory(rawValue: rawValue) else { return nil }
      self = .category(category)
    }
  }
}
