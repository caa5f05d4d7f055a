/// Runs one SMTP dialogue over an already connected transport: the only loop that does I/O.
///
/// It feeds bytes from the `Transport` through a `ReplyParser`, each reply to `DialogueState`,
/// and performs the actions the state machine returns. It records the transcript (secrets
/// redacted), every step with its round-trip time, and the round trips, and returns them with
/// the dialogue's facts as one `SessionRecord`. The replies owed are the state machine's
/// queue; the driver keeps only when the last group went out.
/// Deadlines are separate for the greeting (`greetingTimeout`), each command (`timeout`), each
/// block of message content written and the reply to the final `.` (`DialoguePlan`'s DATA
/// timeouts, RFC 5321 4.5.3.2); the content is streamed from its `MessageSource`, never held
/// whole. A timeout is reported by what we waited for ("the reply to RCPT TO"). Every wait
/// also ends at the run's limit (`runLimit`, `--max-time`), and the `cancellation` is checked
/// before each group of commands: either ends the dialogue with QUIT, sent within `quitGrace`.
public struct SessionDriver {
  public let plan: DialoguePlan
  public let clock: any MonotonicClock
  public let tls: (any TLSUpgrading)?
  /// The whole run's deadline, if any.
  public let runLimit: RunLimit?
  /// The user's request to stop.
  public let cancellation: Cancellation
  /// Told of each line and step as it happens (a streaming renderer), if anyone listens.
  public let observer: SessionObserver?
  /// Opens a `--data` file when its content is due; nil when no file can be read.
  public let messageFiles: (any MessageSourceOpening)?

  /// Seconds the QUIT that ends a stopped or timed-out dialogue may take to go out.
  public static let quitGrace = 1.0

  public init(
    plan: DialoguePlan, clock: any MonotonicClock, tls: (any TLSUpgrading)? = nil,
    runLimit: RunLimit? = nil, cancellation: Cancellation = .never,
    observer: SessionObserver? = nil, messageFiles: (any MessageSourceOpening)? = nil
  ) {
    self.observer = observer
    self.messageFiles = messageFiles
    self.plan = plan
    self.clock = clock
    self.tls = tls
    self.runLimit = runLimit
    self.cancellation = cancellation
  }

  /// Why reading a reply stopped.
  private enum ReadFailure: Error {
    case transport(TransportError)
    case parser(ReplyParserError)
  }

  /// How reading ahead during a pipelined write stopped: met again once the replies read
  /// before it are used.
  private enum ReadAheadEnd {
    case closed
    case failed(ReadFailure)
  }

  /// The state of one run.
  private struct Run {
    let start: UInt64
    let observer: SessionObserver?
    init(start: UInt64, observer: SessionObserver?) {
      self.start = start
      self.sentAt = start
      self.observer = observer
    }
    private(set) var transcript = Transcript()

    /// Adds one transcript line and tells the observer.
    mutating func append(
      _ direction: Transcript.Direction, _ line: String, at milliseconds: Int, step: Int? = nil,
      partial: Bool = false
    ) {
      transcript.append(direction, line, at: milliseconds, step: step, partial: partial)
      if let observer, let entry = transcript.entries.last { observer.event(.line(entry)) }
    }

    var steps: [Step] = []
    var roundTrips = 0
    var greetingMilliseconds: Int?
    /// When the last group of commands went out (the session start for the greeting).
    var sentAt: UInt64
    /// Replies read while a pipelined group was still being written, oldest first.
    var readAhead: [(reply: Reply, at: UInt64)] = []
    /// When the reply being handed out was read, if earlier than now (read ahead).
    var readAt: UInt64?
    var readAheadEnd: ReadAheadEnd?
  }

  /// Runs the dialogue to the end and closes `transport`.
  ///
  /// The plan must have passed `validate()`; an invalid plan sends nothing and ends with an
  /// `invalidInput` problem. `connection` is where `transport` leads, kept in the record. Pass
  /// `implicitTLS` when `transport` is already TLS (`--tls-on-connect`, RFC 8314 3.3):
  /// STARTTLS is then never sent, and AUTH counts the session as encrypted.
  public func run(
    over transport: any Transport, connection: SessionConnection? = nil,
    implicitTLS: TLSReport? = nil
  ) -> SessionRecord {
    var run = Run(start: clock.nowNanoseconds(), observer: observer)
    observer?.event(.started(connection, implicitTLS: implicitTLS))
    var state = DialogueState(
      plan: plan, canUpgradeTLS: tls != nil, implicitTLS: implicitTLS,
      serverAddress: connection?.address)
    do {
      try plan.validate()
    } catch {
      transport.close()
      var facts = DialogueFacts()
      facts.tls = implicitTLS
      facts.problem = .invalidInput(error)
      return SessionRecord(plan: plan, connection: connection, facts: facts)
    }
    var transport = transport
    var parser = ReplyParser(limits: plan.replyLimits)
    var action = state.start()
    // Bounded: every action either consumes a reply or ends the session; this is a backstop.
    var remaining = 100_000
    loop: while remaining > 0 {
      remaining -= 1
      switch action {
      case .send(let commands):
        if let stop = stopBefore(commands.first) {
          action = state.transportFailed(stop)
          continue loop
        }
        if parser.bufferedByteCount > 0 || !run.readAhead.isEmpty, let first = commands.first {
          // Every reply we owed is read: these bytes answer nothing we sent (RFC 5321 4.2).
          let extra =
            run.readAhead.isEmpty ? (try? parser.next()) ?? nil : run.readAhead.removeFirst().reply
          for line in extra?.lines ?? [] {
            run.append(.recv, redacted(line), at: milliseconds(clock.nowNanoseconds(), run))
          }
          let shown = plan.auth.flatMap { auth in extra.map { $0.redacting(auth.password) } }
          action = state.unsolicitedReply(before: first.displayName, reply: shown ?? extra)
          continue loop
        }
        let now = clock.nowNanoseconds()
        run.sentAt = now
        for command in commands {
          run.append(.send, command.transcriptLine, at: milliseconds(now, run))
        }
        run.roundTrips += 1
        if case .content(let body)? = commands.first {
          // The content is streamed block by block, each write with its own deadline.
          switch sendContent(body, over: transport) {
          case .sent(let report):
            state.contentSent(report)
            action = .receive
          case .failed(let problem, let report):
            action = state.contentFailed(problem, sent: report)
          }
          continue loop
        }
        let kind = commands.first?.kind ?? .noop
        do {
          try sendGroup(commands, kind: kind, over: transport, into: &parser, run: &run)
          action = .receive
        } catch {
          action = state.transportFailed(rename(error, sending: commands.first))
        }
      case .receive:
        let kind = state.awaitingKind ?? .greeting
        do throws(ReadFailure) {
          guard
            let reply = try nextReply(
              &parser, &run, from: transport, deadline: deadline(for: kind))
          else {
            action = state.peerClosed()
            continue loop
          }
          // Nothing the server says may carry the password back out (RFC 4954 4).
          let shown = plan.auth.map { reply.redacting($0.password) } ?? reply
          record(shown, kind: kind, answering: state.awaitingCommand, in: &run)
          action = state.receive(shown)
        } catch {
          switch error {
          case .transport(let failure):
            // Keep what arrived of the reply: it tells a slow server from another protocol.
            let at = milliseconds(clock.nowNanoseconds(), run)
            for line in parser.unfinishedLines {
              run.append(.recv, redacted(line), at: at, partial: true)
            }
            action = state.transportFailed(rename(failure, waitingFor: state.awaitingCommand))
          case .parser(let failure):
            action = state.protocolViolation(failure)
          }
        }
      case .upgradeTLS(let serverName):
        guard let tls else {
          action = state.tlsFailed(.unsupported)
          continue loop
        }
        if parser.bufferedByteCount > 0 {
          // RFC 3207 5 / CVE-2011-0411: bytes after the 220 and before the handshake would be
          // taken as if they came over TLS. Refuse to go on.
          action = state.tlsFailed(.bytesBeforeHandshake(count: parser.bufferedByteCount))
          continue loop
        }
        do {
          let (upgraded, report) = try tls.upgrade(
            transport, serverName: serverName, deadline: deadline(for: .startTLS))
          transport = upgraded
          parser = ReplyParser(limits: plan.replyLimits)
          observer?.event(.tls(report))
          action = state.tlsUpgraded(report)
        } catch TLSError.untrusted(let report) {
          observer?.event(.tls(report))
          action = state.tlsUntrusted(report)
        } catch {
          action = state.tlsFailed(.handshake(String(describing: error)))
        }
      case .close(let sendQuit):
        if sendQuit {
          let now = clock.nowNanoseconds()
          run.append(.send, Command.quit.transcriptLine, at: milliseconds(now, run))
          // Not bounded by the run's limit: a QUIT after --max-time or a signal gets a short
          // grace of its own, so the server is not left waiting for its timeout.
          let grace = Deadline.after(seconds: Self.quitGrace, on: clock)
          try? transport.send(Command.quit.wireBytes(), deadline: min(grace, deadline(for: .quit)))
        }
        transport.close()
        break loop
      }
    }
    if remaining == 0 { transport.close() }
    let record = SessionRecord(
      plan: plan, connection: connection, greetingMilliseconds: run.greetingMilliseconds,
      totalMilliseconds: milliseconds(clock.nowNanoseconds(), run), steps: run.steps,
      transcript: run.transcript, roundTrips: run.roundTrips, facts: state.facts)
    observer?.event(.finished(record))
    return record
  }

  /// How many bytes of a pipelined group go out in one write, at most.
  public static let pipelineChunkBytes = 4096
  /// How many commands of a pipelined group may be unanswered before we read replies.
  public static let pipelineWindow = 32

  /// Writes `commands`; a large pipelined group goes out in pieces of at most
  /// `pipelineChunkBytes` or `pipelineWindow` commands, and before the next piece we read
  /// replies until no more than `pipelineWindow` commands are unanswered.
  ///
  /// RFC 2920 3.1: a client that writes without reading can deadlock, its write blocked while
  /// the server blocks writing replies nobody reads. Bounding what is unanswered bounds what
  /// the server must buffer. The replies read early wait in `run.readAhead`, in order, and so
  /// does a close or failure met while reading them. Up to 32 commands this is one write.
  private func sendGroup(
    _ commands: [Command], kind: CommandKind, over transport: any Transport,
    into parser: inout ReplyParser, run: inout Run
  ) throws(TransportError) {
    var piece: [UInt8] = []
    var inPiece = 0
    var unanswered = 0
    for (index, command) in commands.enumerated() {
      piece += command.wireBytes()
      inPiece += 1
      let isLast = index == commands.count - 1
      guard isLast || piece.count >= Self.pipelineChunkBytes || inPiece >= Self.pipelineWindow
      else { continue }
      do {
        try transport.send(piece, deadline: deadline(for: kind))
      } catch {
        guard unanswered > 0 else { throw error }
        // A later piece failed (a 421 and a close, say): the replies before it come first.
        run.readAheadEnd = .failed(.transport(error))
        return
      }
      unanswered += inPiece
      piece = []
      inPiece = 0
      while !isLast, unanswered > Self.pipelineWindow {
        do throws(ReadFailure) {
          guard
            let reply = try readReply(&parser, from: transport, deadline: deadline(for: kind))
          else {
            run.readAheadEnd = .closed
            return
          }
          run.readAhead.append((reply, clock.nowNanoseconds()))
          unanswered -= 1
        } catch {
          // Stop writing; the dialogue meets this failure after the replies before it.
          run.readAheadEnd = .failed(error)
          return
        }
      }
    }
  }

  /// The next reply: one read ahead, else how reading ahead ended, else from the transport.
  private func nextReply(
    _ parser: inout ReplyParser, _ run: inout Run, from transport: any Transport,
    deadline: Deadline
  ) throws(ReadFailure) -> Reply? {
    run.readAt = nil
    if !run.readAhead.isEmpty {
      let (reply, at) = run.readAhead.removeFirst()
      run.readAt = at
      return reply
    }
    if let end = run.readAheadEnd {
      run.readAheadEnd = nil
      switch end {
      case .closed: return nil
      case .failed(let failure): throw failure
      }
    }
    return try readReply(&parser, from: transport, deadline: deadline)
  }

  /// Reads until one complete reply is parsed; nil when the peer closed cleanly between replies.
  private func readReply(
    _ parser: inout ReplyParser, from transport: any Transport, deadline: Deadline
  ) throws(ReadFailure) -> Reply? {
    while true {
      do throws(ReplyParserError) {
        if let reply = try parser.next() { return reply }
      } catch {
        throw .parser(error)
      }
      let bytes: [UInt8]
      do throws(TransportError) {
        bytes = try transport.receive(deadline: deadline)
      } catch {
        throw .transport(error)
      }
      if bytes.isEmpty {
        do throws(ReplyParserError) {
          try parser.finish()
        } catch {
          throw .parser(error)
        }
        return nil
      }
      parser.append(bytes)
    }
  }

  /// `line` with the password and its encodings redacted, when the plan carries credentials.
  private func redacted(_ line: String) -> String {
    plan.auth.map { SASL.redact(line, password: $0.password) } ?? line
  }

  /// Keeps `reply` as the step answering `command` (nil: the greeting), with its timings.
  private func record(
    _ reply: Reply, kind: CommandKind, answering command: Command?, in run: inout Run
  ) {
    // A reply read ahead (during a pipelined write) is timed by when it arrived.
    let now = run.readAt ?? clock.nowNanoseconds()
    let at = milliseconds(now, run)
    let index = run.steps.count
    for line in reply.lines {
      run.append(.recv, line, at: at, step: index)
    }
    if kind == .greeting { run.greetingMilliseconds = at }
    let step = Step(
      command: kind, commandLine: command?.transcriptLine, reply: reply,
      elapsedMilliseconds: Int((now &- run.sentAt) / 1_000_000), atMilliseconds: at)
    run.steps.append(step)
    observer?.event(.step(step))
  }

  private func deadline(for kind: CommandKind) -> Deadline {
    let own = Deadline.after(seconds: replyTimeout(for: kind), on: clock)
    return runLimit?.bound(own) ?? own
  }

  /// Why the dialogue must stop before sending `command`: the user's signal or the run's
  /// limit; nil to go on.
  private func stopBefore(_ command: Command?) -> TransportError? {
    let phase = "to send \(command?.displayName ?? "our command")"
    if cancellation.isRequested() { return .interrupted(phase: phase) }
    if let runLimit, runLimit.isReached(on: clock) {
      return .runTimeLimit(phase: phase, seconds: runLimit.seconds)
    }
    return nil
  }

  private func milliseconds(_ now: UInt64, _ run: Run) -> Int {
    Int((now &- run.start) / 1_000_000)
  }
}
