/// Verify results as text: one line per address, `address verdict reason MX`, then why.
///
/// The reason is DESIGN.md's word; what follows the dash is for the person: the rule broken
/// for a syntax error, the classifier's summary for a refusal, and for `prober-refused` that
/// the refusal says nothing about the address.
public enum VerifyTextRenderer {
  /// The line for one result, without a final newline.
  public static func line(_ result: VerifyResult) -> String {
    var fields = [result.address, result.verdict.rawValue, reasonText(result)]
    fields.append(result.mxHost ?? "-")
    var line = fields.joined(separator: "  ")
    let notes = [note(result), result.sessionNote.map(sessionText)].compactMap { $0 }
    if !notes.isEmpty { line += "  — " + notes.joined(separator: "; ") }
    return line
  }

  /// Lines for a list, each ending in a newline.
  public static func render(_ results: [VerifyResult]) -> String {
    results.map { line($0) + "\n" }.joined()
  }

  private static func sessionText(_ note: VerifySessionNote) -> String {
    switch note {
    case .oneRecipientForNullSender:
      "the server takes one recipient per message from the null sender, so each address had a "
        + "session of its own"
    }
  }

  private static func reasonText(_ result: VerifyResult) -> String {
    guard let category = result.refusalCategory else { return result.reason.rawValue }
    return "\(result.reason.rawValue) (\(category.rawValue))"
  }

  private static func note(_ result: VerifyResult) -> String? {
    if let error = result.syntaxError { return error.description }
    switch result.reason {
    case .proberRefused:
      let fix = result.diagnosis.map { " " + $0.fix } ?? ""
      return "the server refused this prober, which says nothing about the address." + fix
    case .catchAll:
      return "the server accepts any local part at this domain, so acceptance proves nothing"
    case .roleAccount: return "a role address (RFC 2142), read by whoever holds the role"
    case .disposable: return "the domain is on your disposable-domain list"
    case .port25Blocked:
      return "outbound port 25 looks blocked here; run from a host that may send on port 25, "
        + "or use --proxy"
    case .nullMX: return "the domain publishes a null MX (RFC 7505): it accepts no mail"
    case .noMailHost: return "the domain has no MX and no address record (RFC 5321 5.1)"
    case .proxyFailed:
      let failure = result.proxyFailure.map { UntrustedText.shown($0.description) + "; " } ?? ""
      return failure + "this says nothing about the address"
    case .domainUnknown: return "the domain does not exist"
    case .smtpUTF8Unsupported:
      return "the MX does not offer SMTPUTF8, so it cannot receive mail for a UTF-8 mailbox "
        + "(RFC 6531 3.2)"
    case .category(.greylisted):
      let after = result.retryAfter.map { "; retry after \($0.iso8601)" } ?? ""
      return "still greylisted when the wait ran out\(after)"
    default:
      return result.diagnosis?.summary
    }
  }
}
