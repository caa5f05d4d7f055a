import SMTPProbeCore
import SMTPProbePOSIX

/// What `smtpprobe explain` was asked to explain, and how to show it.
struct ExplainOptions: Hashable, Sendable {
  /// The positional arguments: one or two codes, an enhanced code, a reply, or `-`.
  var inputs: [String] = []
  /// `--after COMMAND`: the step a pasted reply answered.
  var after: CommandKind? = nil
  var json: Bool = false
  var color: ColorChoice = .auto
  var lang: Language = .en
}
