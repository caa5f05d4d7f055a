// The reply parser's fuzz target (`replies`), built and run by `Scripts/fuzz` (not by SwiftPM:
// no target names this folder; FuzzMain.swift is the libFuzzer entry point). It is compiled into
// the same module as the library sources, so there is no `import SMTPProbe`.
//
// Input layout: the first byte seeds how the rest is cut into chunks (0 = one chunk); the rest is
// what a server sent. Every input is parsed under the standard limits and under tiny ones, so the
// hard bounds (RFC 5321 section 4.5.3.1.5 and ours) are reached with short inputs.

/// Limits small enough that a few hundred fuzzed bytes cross each of them.
private let tinyLimits = ReplyParser.Limits(maxLineBytes: 40, maxReplyLines: 4, maxReplyBytes: 120)

/// What one pass of the parser over some bytes gave.
private struct ParseOutcome: Equatable {
  var replies: [Reply] = []
  var failed = false
  /// The error `finish()` threw at end of stream, when the pass did not fail before.
  var finishError: ReplyParserError?
}

/// Deterministic chunk sizes from a one-byte seed (xorshift), so a crash replays exactly.
private struct ChunkSizes {
  var state: UInt32
  let maxSize: Int

  init(seed: UInt8) {
    state = UInt32(seed) &* 2_654_435_761 | 1
    // High bit set: chunks up to 4 KiB (buffer compaction); clear: 1 to 16 bytes (every cut).
    maxSize = seed & 0x80 != 0 ? 4096 : Int(seed & 0x0F) + 1
  }

  mutating func next() -> Int {
    state ^= state << 13
    state ^= state >> 17
    state ^= state << 5
    return Int(state % UInt32(maxSize)) + 1
  }
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError("invariant violated: \(message())") }
}

/// Checks a reply's shape (cheap: done on every pass).
private func checkShape(_ reply: Reply, limits: ReplyParser.Limits) {
  check(!reply.lines.isEmpty, "reply without lines")
  check(
    reply.lines.count == reply.texts.count,
    "lines \(reply.lines.count) vs texts \(reply.texts.count)")
  check(reply.lines.count <= limits.maxReplyLines, "reply of \(reply.lines.count) lines")
  check((0...999).contains(reply.code), "code \(reply.code)")
  for violation in reply.violations {
    check(
      violation.line >= 0 && violation.line < reply.lines.count,
      "violation on line \(violation.line)")
    _ = violation.description
    _ = violation.identifier
  }
}

/// Touches everything derived from a reply that must never crash (once per distinct reply).
private func exercise(_ reply: Reply) {
  _ = reply.text
  _ = reply.replyClass
  _ = reply.isPositive
  if let enhanced = reply.enhanced {
    check(EnhancedStatusCode(enhanced.description) == enhanced, "enhanced \(enhanced) round trip")
  }
  for text in reply.texts { exerciseEnhanced(text) }
  exerciseCapabilities(reply)
  _ = Classifier.diagnose(reply)
  for kind in CommandKind.allCases { _ = Classifier.diagnose(reply, after: kind) }
}

/// Reads the reply as an EHLO and a HELO answer (RFC 5321 4.1.1.1) and queries every accessor.
private func exerciseCapabilities(_ reply: Reply) {
  let ehlo = Capabilities(reply: reply)
  // Every keyword line that is not blank (spaces and tabs only) is one keyword; a blank line
  // (`250 ` closing the list, as some appliances send) names nothing.
  let keywordLines = reply.texts.dropFirst().filter { text in
    text.contains { $0 != " " && $0 != "\t" }
  }
  check(
    ehlo.keywords.count == keywordLines.count,
    "\(ehlo.keywords.count) keywords from \(keywordLines.count) keyword lines")
  check(ehlo.diff(to: ehlo).isEmpty, "capabilities differ from themselves")
  for keyword in ehlo.keywords where keyword.name.uppercased() == keyword.name {
    check(ehlo.keyword(keyword.name)?.name == keyword.name, "keyword \(keyword.name) not found")
    _ = keyword.known
  }
  for ext in Capabilities.Extension.allCases { _ = ehlo.offers(ext) }
  _ = ehlo.serverName
  _ = ehlo.authMechanisms
  if let size = ehlo.maximumMessageSize { check(size > 0, "SIZE \(size)") }
  let helo = Capabilities(reply: reply, fromHELO: true)
  check(helo.keywords.isEmpty, "HELO reply with keywords")
  _ = ehlo.diff(to: helo)
}

/// `EnhancedStatusCode(_:)` and `prefix(of:)` on one piece of text.
private func exerciseEnhanced(_ text: String) {
  if let code = EnhancedStatusCode(text) {
    check(EnhancedStatusCode(code.description) == code, "\(code) does not round trip")
    check([2, 4, 5].contains(code.statusClass), "class \(code.statusClass)")
  }
  if let (code, length) = EnhancedStatusCode.prefix(of: text[...]) {
    check(length > 0 && length <= text.utf8.count, "prefix length \(length) of \(text.utf8.count)")
    let used = String(decoding: text.utf8.prefix(length), as: UTF8.self)
    let digits = used.last == " " || used.last == "\t" ? used.dropLast() : used[...]
    check(EnhancedStatusCode(digits) == code, "prefix \(code) is not what it read")
  }
}

/// Feeds `bytes` in chunks, draining `next()` after each, and checks the parser's bounds.
private func parse(_ bytes: ArraySlice<UInt8>, seed: UInt8, limits: ReplyParser.Limits)
  -> ParseOutcome
{
  var parser = ReplyParser(limits: limits)
  var outcome = ParseOutcome()
  var sizes = ChunkSizes(seed: seed)
  var offset = bytes.startIndex
  feeding: while offset < bytes.endIndex {
    let end = seed == 0 ? bytes.endIndex : min(bytes.endIndex, offset + sizes.next())
    parser.append(bytes[offset..<end])
    offset = end
    while true {
      do {
        guard let reply = try parser.next() else { break }
        checkShape(reply, limits: limits)
        outcome.replies.append(reply)
      } catch {
        outcome.failed = true
        _ = error.description
        // A failed parser stays failed, with the same error.
        do {
          _ = try parser.next()
          check(false, "next() after \(error) returned")
        } catch let again { check(again == error, "\(error) then \(again)") }
        do {
          try parser.finish()
          check(false, "finish() after \(error) returned")
        } catch let again { check(again == error, "\(error) then \(again) from finish()") }
        break feeding
      }
    }
    // Drained: what is left is one partial reply, which the limits bound.
    let bound = limits.maxLineBytes + limits.maxReplyBytes
    check(parser.bufferedByteCount <= bound, "\(parser.bufferedByteCount) bytes buffered")
    check(parser.isMidReply == (parser.bufferedByteCount > 0), "isMidReply disagrees")
  }
  if !outcome.failed {
    do {
      try parser.finish()
      check(parser.bufferedByteCount == 0, "finish() passed with bytes buffered")
    } catch {
      check(error == .truncated(bufferedBytes: parser.bufferedByteCount), "finish() threw \(error)")
      outcome.finishError = error
    }
  }
  return outcome
}

/// `parseAll` must agree with the streaming parser on every complete reply it shares.
private func checkParseAll(
  _ bytes: ArraySlice<UInt8>, streamed: ParseOutcome, limits: ReplyParser.Limits
) {
  guard let all = try? ReplyParser.parseAll(bytes, limits: limits) else { return }
  for reply in all { checkShape(reply, limits: limits) }
  // The streamed replies are exercised by the caller; the rest here.
  for reply in all.dropFirst(streamed.replies.count) { exercise(reply) }
  guard !streamed.failed else { return }
  // parseAll also closes a trailing unterminated line, so it may return more, never fewer.
  check(
    all.count >= streamed.replies.count, "parseAll gave \(all.count) of \(streamed.replies.count)")
  check(Array(all.prefix(streamed.replies.count)) == streamed.replies, "parseAll disagrees")
  if streamed.finishError == nil {
    check(all == streamed.replies, "parseAll added replies to a clean stream")
  }
}

/// The `replies` target: one input, parsed whole and in chunks, under both limits.
func fuzzReplies(_ input: [UInt8]) {
  guard let seed = input.first else { return }
  let bytes = input[1...]
  for limits in [ReplyParser.Limits.standard, tinyLimits] {
    let whole = parse(bytes, seed: 0, limits: limits)
    let chunked = parse(bytes, seed: seed, limits: limits)
    check(whole == chunked, "chunking with seed \(seed) changed the result:\n\(whole)\n\(chunked)")
    checkParseAll(bytes, streamed: whole, limits: limits)
    // Under the tiny limits the same replies come out, only fewer: exercise them once.
    if limits == .standard { for reply in whole.replies { exercise(reply) } }
  }
  exerciseEnhanced(String(decoding: bytes.prefix(64), as: UTF8.self))
}
