/// Receives a probe as it happens, so a renderer can show each line when it is sent or
/// received instead of a blank screen until the end.
///
/// The flow stays one-way: the driver calls `event` and never reads anything back; the final
/// `SessionRecord` holds the same lines, so a renderer that streams and one that renders at
/// the end see the same facts.
public struct SessionObserver: Sendable {
  /// One thing that happened in a session.
  public enum Event: Hashable, Sendable {
    /// A transcript line, sent or received (partial when a reply was cut off).
    case line(Transcript.Entry)
    /// A reply completed and was paired with what it answers.
    case step(Step)
    /// The session began on `connection`, TLS already up when `implicitTLS` is given.
    case started(SessionConnection?, implicitTLS: TLSReport?)
    /// The STARTTLS handshake finished with this report (trusted or not).
    case tls(TLSReport)
    /// The session is over; the record holds everything told before.
    case finished(SessionRecord)
    /// The probe's route was resolved (a domain probe, before any host is tried); from the
    /// runner, not the driver.
    case route(MailRoute)
    /// One host was tried (connect failures, its session, identity); from the runner.
    case attempt(HostAttempt)
  }

  /// Called for each event, in order, on the driver's thread.
  public let event: @Sendable (Event) -> Void

  public init(event: @escaping @Sendable (Event) -> Void) {
    self.event = event
  }
}
