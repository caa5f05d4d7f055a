/// The round trip's only IMAP I/O loop: tagged commands out, responses in, each wait bounded.
///
/// RFC 9051 2.2: the client tags each command; the server may send untagged data at any time
/// and ends the command with a tagged OK, NO or BAD. A command with a synchronising literal
/// goes out in pieces, each after the server's `+` (4.3). Capabilities are read from
/// CAPABILITY data and from `[CAPABILITY …]` response codes (7.1), and forgotten after
/// STARTTLS (6.2.1).
public final class IMAPConnection {
  /// The end of one command.
  public struct Completion: Hashable, Sendable {
    public var status: IMAPStatus
    public var text: String
    public var untagged: [IMAPUntagged]
  }

  private(set) var transport: any Transport
  private var parser = IMAPResponseParser()
  private let clock: any MonotonicClock
  private let timeout: Double
  private var counter = 0
  /// The server's capabilities, upper-cased.
  public private(set) var capabilities: Set<String> = []
  /// Commands as sent (redacted) and the tagged answers, in order.
  public private(set) var transcript: [String] = []

  public init(transport: any Transport, clock: any MonotonicClock, timeout: Double) {
    self.transport = transport
    self.clock = clock
    self.timeout = timeout
  }

  /// Whether the server announced `name` (`STARTTLS`, `AUTH=PLAIN`, `UIDPLUS`).
  public func offers(_ name: String) -> Bool { capabilities.contains(name.uppercased()) }

  /// Replaces the transport (after the TLS handshake) and forgets the capabilities and any
  /// bytes read before it (RFC 9051 6.2.1: nothing from before TLS may be trusted).
  public func upgraded(to transport: any Transport) {
    self.transport = transport
    parser = IMAPResponseParser()
    capabilities = []
  }

  /// Reads the greeting: `* OK`, `* PREAUTH` or `* BYE` (RFC 9051 7.1).
  public func greeting() throws(RoundTripFailure) -> IMAPUntagged {
    while true {
      guard case .untagged(let data) = try read(phase: "the IMAP greeting") else { continue }
      note(data)
      if data.status == .bye { throw .greetingRefused(text: Self.rest(of: data)) }
      return data
    }
  }

  /// Sends `name arguments` and reads until its tagged answer; a BYE ends the session.
  public func run(_ name: String, _ arguments: [IMAPCommand.Argument] = [])
    throws(RoundTripFailure) -> Completion
  {
    counter += 1
    let tag = "a\(counter)"
    let command = IMAPCommand(
      tag: tag, name, arguments, literalPlus: offers("LITERAL+"))
    transcript.append("C: \(tag) \(command.transcript)")
    return try exchange(command, tag: tag)
  }

  /// `AUTHENTICATE PLAIN` (RFC 9051 6.2.2, RFC 4616), with the initial response on the
  /// command line when the server offers SASL-IR (RFC 4959), else after its `+`.
  public func authenticatePlain(user: String, password: Secret) throws(RoundTripFailure)
    -> Completion
  {
    counter += 1
    let tag = "a\(counter)"
    let response = password.withRevealedBytes { bytes in
      Secret(Base64.encode([0] + Array(user.utf8) + [0] + bytes))
    }
    if offers("SASL-IR") {
      let command = IMAPCommand(
        tag: tag, "AUTHENTICATE", [.atom("PLAIN"), .secretAtom(response)], literalPlus: false)
      transcript.append("C: \(tag) \(command.transcript)")
      return try exchange(command, tag: tag)
    }
    let start = IMAPCommand(tag: tag, "AUTHENTICATE", [.atom("PLAIN")], literalPlus: false)
    var answer = start
    answer.pieces.append(IMAPCommand(saslResponse: response).pieces[0])
    transcript.append("C: \(tag) AUTHENTICATE PLAIN")
    transcript.append("C: \(Secret.redacted)")
    return try exchange(answer, tag: tag)
  }

  /// Writes the command's pieces, each after a `+`, and collects its answer.
  private func exchange(_ command: IMAPCommand, tag: String) throws(RoundTripFailure)
    -> Completion
  {
    let name = String(command.transcript.prefix { $0 != " " })
    var untagged: [IMAPUntagged] = []
    var next = 0
    try send(command.pieces[next], phase: "to send \(name)")
    next += 1
    while true {
      switch try read(phase: "the answer to \(name)") {
      case .continuation:
        guard next < command.pieces.count else {
          // A continuation nobody asked for: cancel as RFC 4954's "*" does for SASL.
          try send(Array("*\r\n".utf8), phase: "to send \(name)")
          continue
        }
        try send(command.pieces[next], phase: "to send \(name)")
        next += 1
      case .untagged(let data):
        note(data)
        if data.status == .bye, name != "LOGOUT" { throw .bye(text: Self.rest(of: data)) }
        untagged.append(data)
      case .tagged(let answeredTag, let status, let text):
        guard answeredTag == tag else { continue }
        transcript.append("S: \(tag) \(status.rawValue) \(text)")
        noteCode(text)
        return Completion(status: status, text: text, untagged: untagged)
      }
    }
  }

  private func send(_ bytes: [UInt8], phase: String) throws(RoundTripFailure) {
    do throws(TransportError) {
      try transport.send(bytes, deadline: Deadline.after(seconds: timeout, on: clock))
    } catch {
      throw .transport(error)
    }
  }

  private func read(phase: String) throws(RoundTripFailure) -> IMAPResponse {
    let deadline = Deadline.after(seconds: timeout, on: clock)
    while true {
      do throws(IMAPParseError) {
        if let response = try parser.next() { return response }
      } catch {
        throw .parse(error)
      }
      let bytes: [UInt8]
      do throws(TransportError) {
        bytes = try transport.receive(deadline: deadline)
      } catch {
        if case .timedOut = error { throw .transport(.timedOut(phase: phase, seconds: timeout)) }
        throw .transport(error)
      }
      guard !bytes.isEmpty else { throw .transport(.closed) }
      parser.append(bytes)
    }
  }

  /// Keeps the capabilities of `* CAPABILITY …` and of a `[CAPABILITY …]` code.
  private func note(_ data: IMAPUntagged) {
    let words = data.words
    if words.first?.uppercased() == "CAPABILITY" {
      capabilities = Set(words.dropFirst().map { $0.uppercased() })
    } else if data.status != nil {
      noteCode(Self.rest(of: data))
    }
  }

  private func noteCode(_ text: String) {
    guard text.uppercased().hasPrefix("[CAPABILITY "), let close = text.firstIndex(of: "]") else {
      return
    }
    let inner = text[text.index(text.startIndex, offsetBy: 12)..<close]
    capabilities = Set(inner.split(separator: " ").map { $0.uppercased() })
  }

  /// The text after the status word of an untagged status response.
  static func rest(of data: IMAPUntagged) -> String {
    String(data.text.drop { $0 != " " }.dropFirst())
  }
}
