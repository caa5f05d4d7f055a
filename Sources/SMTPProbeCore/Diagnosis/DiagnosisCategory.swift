/// What a reply is about, the most specific that fits; raw values are DESIGN.md's JSON strings.
public enum DiagnosisCategory: String, Sendable, CaseIterable, Codable {
  case ok
  case mailboxUnknown = "mailbox-unknown"
  case domainUnknown = "domain-unknown"
  case mailboxFull = "mailbox-full"
  case mailboxDisabled = "mailbox-disabled"
  case relayDenied = "relay-denied"
  case greylisted
  case rateLimited = "rate-limited"
  case blocklistedIP = "blocklisted-ip"
  case spfFail = "spf-fail"
  case dkimFail = "dkim-fail"
  case dmarcFail = "dmarc-fail"
  case rdnsFail = "rdns-fail"
  case policySpamContent = "policy-spam-content"
  case authRequired = "auth-required"
  case authFailed = "auth-failed"
  case tlsRequired = "tls-required"
  case messageTooLarge = "message-too-large"
  case mailLoop = "mail-loop"
  case syntaxError = "syntax-error"
  case commandUnrecognized = "command-unrecognized"
  case badSequence = "bad-sequence"
  case serviceUnavailable = "service-unavailable"
  case localError = "local-error"
  case storageFull = "storage-full"
  case hostDoesNotAcceptMail = "host-does-not-accept-mail"
  case userNotLocal = "user-not-local"
  case tooManyRecipients = "too-many-recipients"
  case addressSyntax = "address-syntax"
  case senderRejected = "sender-rejected"
  case other
}
