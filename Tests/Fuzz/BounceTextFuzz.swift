// The `bounce` target of `Scripts/fuzz` (FuzzMain.swift): the bounce reader (MIME walker,
// transfer decoding, RFC 3464 fields, lead-ins, JSON notifications). It is compiled into the same
// module as the library sources, so there is no `import SMTPProbeCore`.
//
// Input: the bytes a person pasted into `smtpprobe explain -` (any bytes; invalid UTF-8 is
// read as U+FFFD, as standard input is). Invariants: nothing traps, one input takes bounded
// time, every reply found parses as a reply with a code from 200 to 599, and `explain` either
// explains or refuses with one of its errors.

/// The most one input may take; libFuzzer's own -timeout catches hangs, this catches slowness.
private let maxDuration = Duration.seconds(2)

/// Reads `input` as a pasted bounce and checks the invariants above.
func fuzzBounce(_ input: [UInt8]) {
  let text = String(decoding: input, as: UTF8.self)
  let clock = ContinuousClock()
  let started = clock.now

  let found = BounceText.replies(in: text)
  fuzzCheck(found.count <= BounceText.maxReplies, "\(found.count) replies")
  for reply in found {
    fuzzCheck(!reply.lines.isEmpty, "a reply without lines")
    let parsed = try? ReplyParser.parseAll(Array(reply.lines.joined(separator: "\r\n").utf8))
    fuzzCheck(parsed?.isEmpty == false, "found reply does not parse: \(reply.lines)")
    if let first = parsed?.first {
      fuzzCheck((200...599).contains(first.code), "found reply code \(first.code)")
      _ = Classifier.diagnose(first, after: reply.after)
    }
  }
  _ = BounceText.deliveryStatus(in: text)
  if let report = try? ExplainReport.build(.standardInput, readStandardInput: { text }) {
    if case .replies(let explanations) = report {
      fuzzCheck(!explanations.isEmpty, "an empty explanation list")
      for explanation in explanations { _ = explanation.diagnosis.summary }
    }
    _ = ExplainTextRenderer().render(report)
  }
  fuzzCheck(clock.now - started < maxDuration, "took \(clock.now - started)")
}
