/// The end of the message content: what streaming it found, or why it stopped half-way.
extension DialogueState {
  /// The content and its final `.` went out; keeps what was found in it, then the reply to the
  /// `.` is read as usual.
  ///
  /// Lines over 1,000 octets (RFC 5321 4.5.3.1.6) and NUL octets (RFC 5322 2.3) were sent as
  /// they are, so the server's answer shows what it makes of them; they are noted. A file is
  /// read only as it goes out, so 8-bit octets without 8BITMIME (RFC 6152) are noted here.
  public mutating func contentSent(_ report: ContentReport) {
    facts.content = report
    let longLines = report.longLines
    if let line = longLines.firstLine {
      facts.notes.append(.messageLinesTooLong(count: longLines.count, firstLine: line))
    }
    if let line = report.nulOctets.firstLine {
      facts.notes.append(.messageNULOctets(count: report.nulOctets.count, firstLine: line))
    }
    let offered = facts.capabilities?.offers(.eightBitMIME) ?? false
    if report.has8BitOctets, !offered, let body, !body.contentIsKnown {
      facts.notes.append(.eightBitWithout8BITMIME)
    }
  }

  /// Writing the content stopped half-way: a timeout, a reset, a signal, or the file could not
  /// be read.
  ///
  /// The server is reading message data, so QUIT would become part of the message and `.`
  /// would deliver what it has: close instead, and it discards the transaction (RFC 5321 3.8).
  public mutating func contentFailed(_ problem: SessionProblem, sent report: ContentReport)
    -> DialogueAction
  {
    facts.content = report
    return fail(problem, sendQuit: false)
  }
}
