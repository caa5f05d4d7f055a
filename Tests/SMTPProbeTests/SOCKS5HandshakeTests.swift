import SMTPProbeCore
import Testing

/// The SOCKS5 client as bytes in, actions out (RFC 1928, RFC 1929): each proxy reply whole,
/// byte by byte and in every two-piece split.
@Suite struct SOCKS5HandshakeTests {
  static let v4 = SocketAddress(numericHost: "192.0.2.25", port: 25)
  static let v6 = SocketAddress(numericHost: "2001:db8::25", port: 2525)
  static let credentials = SOCKS5Handshake.Credentials(user: "probe", password: Secret("s3cret"))

  /// A successful CONNECT reply bound to 198.51.100.7:40000 (RFC 1928 6, ATYP 1).
  static let successV4: [UInt8] = [0x05, 0x00, 0x00, 0x01, 198, 51, 100, 7, 0x9C, 0x40]

  /// Every way to cut `reply` into pieces the driver could read: whole, one octet at a time,
  /// and each split in two.
  static func chunkings(_ reply: [UInt8]) -> [[[UInt8]]] {
    var ways: [[[UInt8]]] = [[reply], reply.map { [$0] }]
    for cut in 1..<max(1, reply.count) {
      ways.append([Array(reply[..<cut]), Array(reply[cut...])])
    }
    return ways
  }

  /// Feeds `chunks`; returns every action after the last chunk, or the first failure.
  static func feed(_ handshake: inout SOCKS5Handshake, _ chunks: [[UInt8]])
    -> SOCKS5Handshake.Action?
  {
    var last: SOCKS5Handshake.Action?
    for chunk in chunks {
      last = handshake.receive(chunk)
      if case .failed = last { return last }
    }
    return last
  }

  static func bytes(_ action: SOCKS5Handshake.Action?) -> [UInt8]? {
    guard case .send(let secret)? = action else { return nil }
    return secret.withRevealedBytes { $0 }
  }

  @Test func greetingOffersNoAuthenticationAlone() throws {
    let handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    #expect(handshake.start().withRevealedBytes { $0 } == [0x05, 0x01, 0x00])
  }

  @Test func greetingOffersUsernamePasswordWithCredentials() throws {
    let handshake = SOCKS5Handshake(
      destination: try #require(Self.v4), credentials: Self.credentials)
    #expect(handshake.start().withRevealedBytes { $0 } == [0x05, 0x02, 0x00, 0x02])
  }

  @Test func noAuthenticationThenConnectIPv4InEveryChunking() throws {
    for method in Self.chunkings([0x05, 0x00]) {
      for reply in Self.chunkings(Self.successV4) {
        var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
        let request = Self.bytes(Self.feed(&handshake, method))
        #expect(request == [0x05, 0x01, 0x00, 0x01, 192, 0, 2, 25, 0x00, 0x19])
        #expect(handshake.step == .connect)
        #expect(handshake.octetsWanted == 5)
        let bound = SocketAddress(numericHost: "198.51.100.7", port: 40000)
        #expect(Self.feed(&handshake, reply) == .connected(bound: bound))
      }
    }
  }

  @Test func connectRequestForIPv6UsesAddressType4() throws {
    var handshake = SOCKS5Handshake(destination: try #require(Self.v6), credentials: nil)
    let request = try #require(Self.bytes(handshake.receive([0x05, 0x00])))
    #expect(Array(request.prefix(4)) == [0x05, 0x01, 0x00, 0x04])
    #expect(request.count == 4 + 16 + 2)
    #expect(Array(request[4..<8]) == [0x20, 0x01, 0x0D, 0xB8])
    #expect(Array(request.suffix(2)) == [0x09, 0xDD])
  }

  @Test func replyBoundToIPv6OrADomainName() throws {
    let v6Reply: [UInt8] =
      [0x05, 0x00, 0x00, 0x04] + [UInt8](repeating: 0, count: 15) + [1, 0, 25]
    let domainReply: [UInt8] = [0x05, 0x00, 0x00, 0x03, 5] + Array("proxy".utf8) + [0, 25]
    for chunks in Self.chunkings(v6Reply) {
      var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
      _ = handshake.receive([0x05, 0x00])
      #expect(
        Self.feed(&handshake, chunks)
          == .connected(bound: SocketAddress(numericHost: "::1", port: 25)))
    }
    for chunks in Self.chunkings(domainReply) {
      var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
      _ = handshake.receive([0x05, 0x00])
      #expect(Self.feed(&handshake, chunks) == .connected(bound: nil))
    }
  }

  @Test func usernamePasswordExchangeInEveryChunking() throws {
    for status in Self.chunkings([0x01, 0x00]) {
      var handshake = SOCKS5Handshake(
        destination: try #require(Self.v4), credentials: Self.credentials)
      let auth = Self.bytes(handshake.receive([0x05, 0x02]))
      #expect(auth == [0x01, 5] + Array("probe".utf8) + [6] + Array("s3cret".utf8))
      #expect(handshake.step == .authentication)
      let connect = Self.bytes(Self.feed(&handshake, status))
      #expect(connect?.first == 0x05)
      #expect(Self.feed(&handshake, [Self.successV4]) != nil)
    }
  }

  @Test func authenticationRefused() throws {
    for status in Self.chunkings([0x01, 0x01]) {
      var handshake = SOCKS5Handshake(
        destination: try #require(Self.v4), credentials: Self.credentials)
      _ = handshake.receive([0x05, 0x02])
      #expect(Self.feed(&handshake, status) == .failed(.authenticationRefused(status: 0x01)))
    }
  }

  @Test func noAcceptableMethodSaysWhetherAPasswordWasOffered() throws {
    var plain = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    #expect(plain.receive([0x05, 0xFF]) == .failed(.noAcceptableMethod(offeredPassword: false)))
    var withUser = SOCKS5Handshake(
      destination: try #require(Self.v4), credentials: Self.credentials)
    #expect(withUser.receive([0x05, 0xFF]) == .failed(.noAcceptableMethod(offeredPassword: true)))
  }

  @Test func aMethodNotOfferedIsRefused() throws {
    var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    #expect(handshake.receive([0x05, 0x02]) == .failed(.unofferedMethod(0x02)))
  }

  struct CodeCase: Sendable, CustomTestStringConvertible {
    var code: UInt8
    var expected: SOCKS5ReplyCode
    var aboutDestination: Bool
    var testDescription: String { "REP \(code)" }
  }

  /// RFC 1928 section 6, each failure code.
  static let codes: [CodeCase] = [
    CodeCase(code: 0x01, expected: .generalFailure, aboutDestination: false),
    CodeCase(code: 0x02, expected: .notAllowedByRuleset, aboutDestination: false),
    CodeCase(code: 0x03, expected: .networkUnreachable, aboutDestination: true),
    CodeCase(code: 0x04, expected: .hostUnreachable, aboutDestination: true),
    CodeCase(code: 0x05, expected: .connectionRefused, aboutDestination: true),
    CodeCase(code: 0x06, expected: .ttlExpired, aboutDestination: true),
    CodeCase(code: 0x07, expected: .commandNotSupported, aboutDestination: false),
    CodeCase(code: 0x08, expected: .addressTypeNotSupported, aboutDestination: false),
    CodeCase(code: 0x09, expected: .unassigned(0x09), aboutDestination: false),
  ]

  @Test(arguments: codes)
  func failureCodeDecidesAtTheSecondOctet(_ c: CodeCase) throws {
    let reply: [UInt8] = [0x05, c.code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]
    for chunks in Self.chunkings(reply) {
      var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
      _ = handshake.receive([0x05, 0x00])
      #expect(Self.feed(&handshake, chunks) == .failed(.connectFailed(c.expected)))
    }
    #expect(SOCKS5ReplyCode(rawValue: c.code) == c.expected)
    #expect(c.expected.rawValue == c.code)
    #expect(c.expected.isAboutDestination == c.aboutDestination)
    #expect(c.expected.description.hasSuffix("(SOCKS5 reply 0x0\(c.code))"))
  }

  @Test func eachFailureCodeHasItsOwnMeaning() {
    let meanings = (0...9).map { SOCKS5ReplyCode(rawValue: UInt8($0)).meaning }
    #expect(Set(meanings).count == meanings.count)
  }

  @Test func notSOCKS5WhenAnSMTPServerAnswers() throws {
    var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    let greeting = Array("220 mx.example ESMTP\r\n".utf8)
    guard case .failed(.notSOCKS5(let step, let octets)) = handshake.receive(greeting) else {
      Issue.record("expected notSOCKS5")
      return
    }
    #expect(step == .methodSelection)
    #expect(Array(octets.prefix(2)) == [0x32, 0x32])
  }

  @Test func closedDuringEachStep() throws {
    var silent = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    #expect(silent.receive([]) == .failed(.closed(step: .methodSelection)))
    var cut = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    _ = cut.receive([0x05, 0x00])
    _ = cut.receive([0x05, 0x00, 0x00])
    #expect(cut.receive([]) == .failed(.closed(step: .connect)))
  }

  @Test func unknownAddressTypeAndExtraOctetsAreViolations() throws {
    var unknown = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    _ = unknown.receive([0x05, 0x00])
    #expect(unknown.receive([0x05, 0x00, 0x00, 0x09, 1]) == .failed(.unknownAddressType(0x09)))
    var chatty = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    #expect(
      chatty.receive([0x05, 0x00, 0x05]) == .failed(.unexpectedOctets(step: .methodSelection)))
    var long = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    _ = long.receive([0x05, 0x00])
    #expect(long.receive(Self.successV4 + [0x32]) == .failed(.unexpectedOctets(step: .connect)))
  }

  @Test func theDriverNeverReadsPastTheReply() throws {
    var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: nil)
    #expect(handshake.octetsWanted == 2)
    _ = handshake.receive([0x05])
    #expect(handshake.octetsWanted == 1)
    _ = handshake.receive([0x00])
    var read = 0
    var action: SOCKS5Handshake.Action = .receive(octets: handshake.octetsWanted)
    while case .receive(let wanted) = action {
      let next = Array(Self.successV4[read..<min(Self.successV4.count, read + wanted)])
      read += next.count
      action = handshake.receive(next)
    }
    #expect(read == Self.successV4.count)
    guard case .connected = action else {
      Issue.record("expected connected, got \(action)")
      return
    }
  }

  @Test func credentialsAreBoundedTo255Octets() {
    let long = String(repeating: "a", count: 256)
    let max = String(repeating: "a", count: 255)
    #expect(SOCKS5Handshake.Credentials(user: max, password: Secret(max)) != nil)
    #expect(SOCKS5Handshake.Credentials(user: long, password: Secret("x")) == nil)
    #expect(SOCKS5Handshake.Credentials(user: "u", password: Secret(long)) == nil)
    #expect(SOCKS5Handshake.Credentials(user: "", password: Secret("x")) == nil)
    #expect(SOCKS5Handshake.Credentials(user: "u", password: Secret("")) == nil)
  }

  @Test func thePasswordNeverPrints() throws {
    let credentials = try #require(Self.credentials)
    var handshake = SOCKS5Handshake(destination: try #require(Self.v4), credentials: credentials)
    let action = handshake.receive([0x05, 0x02])
    for text in ["\(action)", String(reflecting: action), "\(credentials)", "\(handshake)"] {
      #expect(!text.contains("s3cret"))
    }
  }
}
