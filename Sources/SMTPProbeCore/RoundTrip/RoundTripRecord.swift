/// The facts of one round trip: the IMAP session, the arrival, the header, the deletion.
///
/// Built once by `RoundTripRunner`; judged by `CheckJudgement.roundTripFindings`.
public struct RoundTripRecord: Hashable, Sendable {
  /// What the message was looked for with.
  public var request: RoundTripRequest
  /// The TLS session, once up.
  public var tls: TLSReport?
  /// Why the session could not look for the message, if it could not.
  public var failure: RoundTripFailure?
  /// Whether the login succeeded.
  public var authenticated = false
  /// Seconds from the submission's acceptance to the search that found the message; nil when
  /// it was not found.
  public var arrivalSeconds: Double?
  /// Seconds waited in all, found or not.
  public var waitedSeconds: Double = 0
  /// How many searches ran.
  public var searches = 0
  /// The UIDs the search found.
  public var uids: [UInt32] = []
  /// The arrived message's header block, as fetched.
  public var header: [UInt8]?
  /// How the message was removed, or why not; nil when nothing was found to remove.
  public var cleanup: Cleanup?
  /// The session's commands (redacted) and the server's tagged answers.
  public var transcript: [String] = []

  /// The removal of the test message (RFC 9051 6.4.6 STORE, 6.4.3 EXPUNGE, RFC 4315 UID
  /// EXPUNGE).
  public enum Cleanup: Hashable, Sendable {
    /// Flagged `\Deleted` and expunged with `command` (`UID EXPUNGE` or `EXPUNGE`).
    case deleted(command: String)
    /// `command` was answered with `text` (NO, BAD) or the session broke.
    case failed(command: String, text: String)
  }

  public init(request: RoundTripRequest) {
    self.request = request
  }
}
