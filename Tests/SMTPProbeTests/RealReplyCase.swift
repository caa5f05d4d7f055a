import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// A reply a real server sent, as raw CRLF text, with its source and expected diagnosis.
///
/// Addresses and IPs are replaced by documentation values.
struct RealReplyCase: CustomTestStringConvertible, Sendable {
  /// Who sent it ("Gmail", "Postfix" ...), to count providers.
  let server: String
  /// The raw reply, one or more lines separated by CRLF.
  let raw: String
  /// The step it answered.
  let command: CommandKind?
  let category: DiagnosisCategory
  let replyClass: ReplyClass?
  let retry: RetryAdvice
  /// The evidence kind that decided (the first evidence).
  let decidedBy: Evidence.Kind
  /// The pattern expected when a pattern decided.
  let pattern: String?
  /// Where the text comes from: a provider page, an MTA source file, a published log.
  let source: String

  init(
    _ server: String, _ raw: String, after command: CommandKind?, _ category: DiagnosisCategory,
    _ replyClass: ReplyClass?, _ retry: RetryAdvice, decidedBy: Evidence.Kind = .pattern,
    pattern: String? = nil, source: String
  ) {
    self.server = server
    self.raw = raw
    self.command = command
    self.category = category
    self.replyClass = replyClass
    self.retry = retry
    self.decidedBy = decidedBy
    self.pattern = pattern
    self.source = source
  }

  var testDescription: String {
    // "\r\n" is one Character in Swift.
    "\(server): " + raw.prefix(60).map { $0 == "\r\n" ? " | " : String($0) }.joined()
  }
}
