/// What an enhanced status code says on its own: the category its subject and detail point to,
/// and a one-line meaning.
///
/// The categories follow the IANA "Enumerated Status Codes" registry (RFC 3463, RFC 5248 and
/// later registrations up to X.7.30). Codes whose detail is only "other or undefined" (X.0.0,
/// X.1.0, X.7.0 ...) or that are not registered return nil: they say which area the problem is
/// in, not what it is, so the basic code and the command decide instead (RFC 3463 section 2:
/// "report the general error described in the subject sub-code when the specific detail is
/// unrecognized"). X.5.1 is left out too: servers send it with 500 (unknown command) and with
/// 503 (bad sequence) alike, so the basic code says more.
enum EnhancedCodeRules {
  /// The category `code`'s subject and detail point to, or nil when they are too general.
  static func category(for code: EnhancedStatusCode) -> DiagnosisCategory? {
    switch (code.subject, code.detail) {
    case (1, 1): .mailboxUnknown
    case (1, 2): .hostDoesNotAcceptMail
    case (1, 3): .addressSyntax
    case (1, 6): .userNotLocal
    case (1, 7): .addressSyntax
    case (1, 8): .senderRejected
    case (1, 10): .hostDoesNotAcceptMail
    case (2, 1): .mailboxDisabled
    case (2, 2): .mailboxFull
    case (2, 3): .messageTooLarge
    case (3, 1): .storageFull
    case (3, 2): .serviceUnavailable
    case (3, 4): .messageTooLarge
    case (3, 5): .localError
    case (4, 4): .hostDoesNotAcceptMail
    case (4, 5): .serviceUnavailable
    case (4, 1), (4, 2), (4, 3), (4, 6): .localError
    case (5, 2), (5, 4): .syntaxError
    case (5, 3): .tooManyRecipients
    case (5, 6): .authFailed
    case (6, 7): .addressSyntax
    case (6, 1...6), (6, 8...10): .policySpamContent
    case (7, 1), (7, 2), (7, 7): .policySpamContent
    case (7, 8), (7, 9), (7, 12), (7, 13), (7, 14): .authFailed
    case (7, 10), (7, 11), (7, 30): .tlsRequired
    case (7, 16): .messageTooLarge
    case (7, 17), (7, 18): .mailboxUnknown
    case (7, 20), (7, 21), (7, 22): .dkimFail
    case (7, 23), (7, 24): .spfFail
    case (7, 25): .rdnsFail
    case (7, 26): .dmarcFail
    case (7, 27): .senderRejected
    case (7, 28): .rateLimited
    default: nil
    }
  }

  /// The meaning of `code` in one line: the catalogue's title when it has the code, else the
  /// subject's meaning (RFC 3463 section 3).
  static func meaning(of code: EnhancedStatusCode) -> String {
    if let entry = EnhancedStatusCatalogue.entry(for: code) { return entry.title }
    return "\(subjectMeaning(code.subject)) (detail \(code.detail) is not in our catalogue)"
  }

  /// The subject digit's meaning (RFC 3463 section 3.1 to 3.8).
  static func subjectMeaning(_ subject: Int) -> String {
    switch subject {
    case 0: "other or undefined status"
    case 1: "an addressing status (the address as written)"
    case 2: "a mailbox status (the recipient's mailbox)"
    case 3: "a mail system status (the receiving system)"
    case 4: "a network or routing status"
    case 5: "a mail delivery protocol status (the SMTP dialogue)"
    case 6: "a message content or media status"
    case 7: "a security or policy status"
    default: "an unregistered subject \(subject)"
    }
  }
}
