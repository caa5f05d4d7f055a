/// Sending the message content: read a block, encode it, write it, until the final `.`.
extension SessionDriver {
  /// How many bytes of the message are read, encoded and written at a time.
  public static let contentBlockBytes = 64 * 1024

  /// How sending the content ended.
  enum ContentOutcome {
    /// All of it and the final `.` went out.
    case sent(ContentReport)
    /// It stopped part-way (`report` says how far): nothing may follow on this connection.
    case failed(SessionProblem, ContentReport)
  }

  /// Streams `body` after the 354 reply: blocks of `contentBlockBytes` from its source,
  /// through one `ContentEncoder`, each written with a deadline of its own
  /// (`plan.dataBlockTimeout`, RFC 5321 4.5.3.2.5: a timeout per block sent, so a long message
  /// that keeps moving never times out), all within the run's limit.
  ///
  /// The user's signal and the run's limit are checked between blocks. Memory stays at a
  /// block or two whatever the message's size.
  func sendContent(_ body: MessageBody, over transport: any Transport) -> ContentOutcome {
    var encoder = ContentEncoder()
    let source: any MessageSource
    switch body.content {
    case .bytes(let bytes):
      source = BytesMessageSource(bytes)
    case .file(let file):
      do throws(MessageSourceError) {
        guard let messageFiles else {
          throw MessageSourceError(path: file.path, reason: "no file reader was given")
        }
        source = try messageFiles.open(file)
      } catch {
        return .failed(.messageUnreadable(error), encoder.report)
      }
    }
    defer { source.close() }
    let phase = "the server to take the message data"
    while true {
      if cancellation.isRequested() {
        return .failed(.transport(.interrupted(phase: phase)), encoder.report)
      }
      if let runLimit, runLimit.isReached(on: clock) {
        let stop = TransportError.runTimeLimit(phase: phase, seconds: runLimit.seconds)
        return .failed(.transport(stop), encoder.report)
      }
      let block: [UInt8]
      do throws(MessageSourceError) {
        block = try source.nextBlock(maximum: Self.contentBlockBytes)
      } catch {
        // A read cut by the user's signal is the signal's doing, not the file's.
        let problem: SessionProblem =
          cancellation.isRequested()
          ? .transport(.interrupted(phase: phase)) : .messageUnreadable(error)
        return .failed(problem, encoder.report)
      }
      let wire = block.isEmpty ? encoder.finish() : encoder.encode(block)
      if !wire.isEmpty {
        let own = Deadline.after(seconds: plan.dataBlockTimeout, on: clock)
        do throws(TransportError) {
          try transport.send(wire, deadline: runLimit?.bound(own) ?? own)
        } catch {
          let renamed = rename(error, phase: phase, seconds: plan.dataBlockTimeout)
          return .failed(.transport(renamed), encoder.report)
        }
      }
      if block.isEmpty { return .sent(encoder.report) }
    }
  }
}
