/// The text transcript of a probe as it happens: each session event becomes the lines
/// `ProbeTextRenderer` would print for it at the end, in the same words and order.
///
/// Feed it every `SessionObserver.Event` in order and print what `text(for:)` returns at
/// once; at the end, `ProbeTextRenderer.render(_:streamed:)` prints the rest (routing,
/// connect failures, identity, warnings, advice, the verdict) without repeating the sessions
/// listed in `streamed`. Pure: events in, text out.
public struct ProbeLiveText: Sendable {
  public let renderer: ProbeTextRenderer
  /// The sessions already printed in full, to leave out of the final report.
  public private(set) var streamed: Set<SessionRecord> = []
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
    }
  }
}
