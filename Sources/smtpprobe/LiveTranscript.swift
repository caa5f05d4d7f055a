import SMTPProbeCore

/// Prints a probe's text transcript to stdout as it happens (`ProbeLiveText`), and remembers
/// the first write that failed, for exit 74 at the end.
///
/// The title goes out with the first event, so a probe that never reaches a session (a domain
/// routing refuses, every connect failing) prints its report whole at the end as before.
/// `@unchecked Sendable`: the runner calls the observer on its own thread only, one event at
/// a time, and the command reads the result after the runner returned.
final class LiveTranscript: @unchecked Sendable {
  private var live: ProbeLiveText
  private let target: String
  private let console: Console
  /// Whether anything was printed yet.
  private(set) var started = false
  /// The first write that failed; nothing more is written after it.
  private(set) var failure: OutputFailure?

  init(renderer: ProbeTextRenderer, target: String, console: Console) {
    live = ProbeLiveText(renderer: renderer)
    self.target = target
    self.console = console
  }

  /// What was printed so far, or nil when nothing was (the report is then printed whole).
  var shown: ProbeLiveText? { started ? live : nil }

  /// The observer to give the runner.
  var observer: SessionObserver {
    SessionObserver { [self] event in self.show(event) }
  }

  private func show(_ event: SessionObserver.Event) {
    var text = live.text(for: event)
    if !started {
      started = true
      text = live.title(target) + text
    }
    guard failure == nil, !text.isEmpty else { return }
    do {
      try console.print(text)
    } catch {
      failure = error
    }
  }
}
