import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// SocketAddress parsing and its `host:port` text (no sockets involved).
@Suite struct SocketAddressTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var host: String
    var port: Int
    var expected: String?
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "IPv4", host: "127.0.0.1", port: 25, expected: "127.0.0.1:25"),
    Case(id: "IPv6 loopback", host: "::1", port: 2525, expected: "[::1]:2525"),
    Case(id: "IPv6 in brackets", host: "[::1]", port: 25, expected: "[::1]:25"),
    Case(id: "IPv6 compressed", host: "2001:db8:0:0::1", port: 587, expected: "[2001:db8::1]:587"),
    Case(id: "a name is not numeric", host: "localhost", port: 25, expected: nil),
    Case(id: "port out of range", host: "127.0.0.1", port: 65536, expected: nil),
    Case(id: "truncated IPv4", host: "127.0.0", port: 25, expected: nil),
  ]

  @Test(arguments: cases)
  func numericHost(_ c: Case) {
    #expect(SocketAddress(numericHost: c.host, port: c.port)?.description == c.expected)
  }

  @Test func familyAndParts() throws {
    let v6 = try #require(SocketAddress(numericHost: "[::1]", port: 25))
    #expect(v6.family == .ipv6)
    #expect(v6.host == "::1")
    #expect(v6.port == 25)
    #expect(AddressFamilyPreference.ipv4.allows(v6.family) == false)
    #expect(AddressFamilyPreference.any.allows(v6.family))
  }
}

/// One-line messages of connect and resolution failures.
@Suite struct SocketErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var error: SocketError
    var expected: String
    var testDescription: String { id }
  }

  static let v4 = address("192.0.2.1")
  static let v6 = address("2001:db8::1")

  static func address(_ host: String) -> SocketAddress {
    guard let address = SocketAddress(numericHost: host, port: 25) else {
      preconditionFailure("not a numeric test address: \(host)")
    }
    return address
  }

  static let cases: [Case] = [
    Case(id: "refused", error: .refused(v4), expected: "192.0.2.1:25: connection refused"),
    Case(
      id: "timed out", error: .timedOut(v6, seconds: 10),
      expected: "[2001:db8::1]:25: timed out after 10 s"),
    Case(
      id: "network unreachable", error: .networkUnreachable(v6),
      expected: "[2001:db8::1]:25: network unreachable"),
    Case(
      id: "host unreachable", error: .hostUnreachable(v4),
      expected: "192.0.2.1:25: host unreachable"),
    Case(
      id: "resolution",
      error: .resolutionFailed(host: "mx.example.org", message: "Name or service not known"),
      expected: "mx.example.org: name resolution failed: Name or service not known"),
    Case(
      id: "no address of the family", error: .noAddress(host: "mx.example.org", family: .ipv6),
      expected: "mx.example.org: no IPv6 address"),
  ]

  @Test(arguments: cases)
  func message(_ c: Case) {
    #expect(c.error.description == c.expected)
  }

  @Test func failureListsEveryAttempt() {
    let failure = ConnectFailure.allAttemptsFailed(
      host: "mx.example.org", port: 25,
      attempts: [
        ConnectAttempt(
          address: Self.v6, error: .networkUnreachable(Self.v6), elapsedMilliseconds: 1),
        ConnectAttempt(
          address: Self.v4, error: .timedOut(Self.v4, seconds: 2.5), elapsedMilliseconds: 2500),
      ])
    #expect(
      failure.description
        == "cannot connect to mx.example.org port 25: [2001:db8::1]:25: network unreachable; "
        + "192.0.2.1:25: timed out after 2.5 s")
  }
}
