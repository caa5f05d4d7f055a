/// The open-relay matrix as the transactions of one session, and that session's replies read
/// back as one `RelayOutcome` per form.
///
/// Every form is one transaction (MAIL FROM, RCPT TO, RSET), all in one session, never DATA,
/// so a server that accepts a form is never handed a message. The IP-literal form is written
/// at the address the session is actually connected to (`EnvelopePath.atServerAddress`),
/// which the dialogue fills in.
public enum RelaySession {
  /// The forms in the order of the session's transactions.
  public static let forms = RelayTestForm.allCases

  /// One transaction per form of `forms`, for `targetDomain` (a domain or an address literal).
  ///
  /// Throws when a part would put a control character on the wire; the parts come from
  /// checked options, so that is a caller's mistake.
  public static func transactions(
    targetDomain: String, outsideDomain: String = RelayTest.defaultOutsideDomain
  ) throws(InputError) -> [TransactionPlan] {
    var transactions: [TransactionPlan] = []
    for form in forms {
      if form == .ipLiteral {
        let sender = try EnvelopePath.raw(RawPath("probe@\(outsideDomain)"))
        let local = try RawPath(RelayTest.ipLiteralLocalPart(outside: outsideDomain))
        transactions.append(
          TransactionPlan(from: sender, recipients: [.atServerAddress(localPart: local)]))
        continue
      }
      guard
        let test = RelayTest.make(
          form, targetDomain: targetDomain, serverAddress: nil, outside: outsideDomain)
      else { continue }
      let from = test.reversePath.isEmpty ? nil : try EnvelopePath.raw(RawPath(test.reversePath))
      let to = try EnvelopePath.raw(RawPath(test.forwardPath))
      transactions.append(TransactionPlan(from: from, recipients: [to]))
    }
    return transactions
  }

  /// The outcome of each form in `session`, whose plan came from `transactions`: the paths
  /// as sent (the server's address filled in), the MAIL and RCPT replies, nil where the
  /// session never got.
  public static func outcomes(of session: SessionRecord) -> [RelayOutcome] {
    zip(forms, session.transactions).map { form, result in
      let test = RelayTest(
        form: form, reversePath: result.transaction.from?.text ?? "",
        forwardPath: result.transaction.recipients.first?.text ?? "")
      return RelayOutcome(
        test: test, mailReply: result.mailReply, rcptReply: result.rcptReplies.first ?? nil)
    }
  }
}
