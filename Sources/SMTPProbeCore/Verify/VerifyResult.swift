/// The judgement of one address: verdict, reason, and the facts a person needs to act on it.
public struct VerifyResult: Hashable, Sendable {
  /// The address as the user gave it.
  public var address: String
  public var verdict: VerifyVerdict
  public var reason: VerifyReason
  /// For `prober-refused`, the classifier's category of the refusal (`blocklisted-ip`, ...).
  public var refusalCategory: DiagnosisCategory?
  public var catchAll: CatchAllState
  public var mxHost: String?
  public var tls: Bool
  /// The reply that decided: the RCPT reply, or the refusal before it.
  public var reply: Reply?
  /// That reply's diagnosis, with the command it answered.
  public var diagnosis: Diagnosis?
  public var attempts: Int
  public var roleAccount: Bool
  public var disposable: Bool
  public var retryAfter: UnixTime?
  public var elapsedMilliseconds: Int
  /// Why the address is not valid, for `address-syntax` found before any network.
  public var syntaxError: MailboxSyntaxError?
  /// For `proxy-failed`, which hop of the SOCKS5 proxy failed and how.
  public var proxyFailure: ProxyFailure?
  /// Why the sessions for this address were unusual (one recipient per session), if they were.
  public var sessionNote: VerifySessionNote?

  public init(
    address: String, verdict: VerifyVerdict, reason: VerifyReason,
    refusalCategory: DiagnosisCategory? = nil, catchAll: CatchAllState = .notRun,
    mxHost: String? = nil, tls: Bool = false, reply: Reply? = nil, diagnosis: Diagnosis? = nil,
    attempts: Int = 0, roleAccount: Bool = false, disposable: Bool = false,
    retryAfter: UnixTime? = nil, elapsedMilliseconds: Int = 0,
    syntaxError: MailboxSyntaxError? = nil, sessionNote: VerifySessionNote? = nil
  ) {
    self.address = address
    self.verdict = verdict
    self.reason = reason
    self.refusalCategory = refusalCategory
    self.catchAll = catchAll
    self.mxHost = mxHost
    self.tls = tls
    self.reply = reply
    self.diagnosis = diagnosis
    self.attempts = attempts
    self.roleAccount = roleAccount
    self.disposable = disposable
    self.retryAfter = retryAfter
    self.elapsedMilliseconds = elapsedMilliseconds
    self.syntaxError = syntaxError
    self.sessionNote = sessionNote
  }
}
