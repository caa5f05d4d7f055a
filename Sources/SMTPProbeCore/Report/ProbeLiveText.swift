/// The text transcript of a probe as it happens: each session event becomes the lines
/// `ProbeTextRenderer` would print for it at the end, in the same words and order.
///
/// Feed it every `SessionObserver.Event` in order and print what `text(for:)` returns at
/// once; at the end, `ProbeTextRenderer.render(_:after:)` prints the rest (notes, host
/// verdicts, warnings, advice, the verdict) without repeating what was shown. Pure: events
/// in, text out.
public struct ProbeLiveText: Sendable {
  public let renderer: ProbeTextRenderer
  /// The sessions already printed in full.
  public private(set) var streamed: Set<SessionRecord> = []
  /// Whether the MX table was printed.
  public private(set) var routeShown = false
  /// How many host attempts were printed, in order.
  public private(set) var attemptsShown = 0
  /// Hellos answered positively in the current session.
  private var helloCount = 0
  /// What the first hello of the current session listed.
  private var firstCapabilities: Capabilities?

  public init(renderer: ProbeTextRenderer) {
    self.renderer = renderer
  }

  /// The first line, before anything happens: what is probed.
  public func title(_ target: String) -> String {
    renderer.title(target)
  }

  /// The lines for `event`, empty when it adds none.
  public mutating func text(for event: SessionObserver.Event) -> String {
    switch event {
    case .started(let connection, let implicitTLS):
      helloCount = 0
      firstCapabilities = nil
      return "\n" + renderer.sessionHeader(connection, implicitTLS: implicitTLS)
    case .line(let entry):
      return renderer.transcriptLine(entry)
    case .step(let step):
      // The dialogue reads the greeting the same way before it decides the session is over.
      let foreign = step.command == .greeting ? ForeignGreeting(step.reply) : nil
      var out = renderer.replyLines(step, notSMTP: foreign)
      guard foreign == nil, [.ehlo, .helo].contains(step.command), step.reply.isPositive
      else { return out }
      helloCount += 1
      let capabilities = Capabilities(reply: step.reply, fromHELO: step.command == .helo)
      if helloCount == 1 {
        firstCapabilities = capabilities
        out += renderer.capabilityLines(capabilities)
      } else {
        out += renderer.capabilityLines(diff: firstCapabilities?.diff(to: capabilities))
      }
      return out
    case .tls(let report):
      return renderer.startTLSLines(report)
    case .finished(let session):
      streamed.insert(session)
      return renderer.sessionTrailer(session)
    case .route(let route):
      routeShown = true
      return renderer.mxTable(route)
    case .attempt(let attempt):
      // What the session did not show: connect failures, implicit TLS failing, identity.
      attemptsShown += 1
      let text = renderer.renderAttempt(attempt, streamed: streamed)
      return text.isEmpty ? "" : "\n" + text
    }
  }
}
