import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The query LibresolvResolver hands to res_nsend: the name exactly as given, whatever
/// /etc/resolv.conf says about `search` and `ndots` (RFC 1035 4.1.2; resolv.conf(5)).
@Suite struct LibresolvQueryTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var name: String
    var type: DNSRecordType
    /// The question's name as wire labels.
    var labels: [UInt8]
  }

  static let cases: [Case] = [
    Case(
      testDescription: "two labels, below any ndots", name: "good.test", type: .mx,
      labels: [4] + Array("good".utf8) + [4] + Array("test".utf8) + [0]),
    Case(
      testDescription: "one label is not completed from the search list", name: "nosuch",
      type: .mx, labels: [6] + Array("nosuch".utf8) + [0]),
    Case(
      testDescription: "a trailing dot names the same question", name: "mx.probe.test.",
      type: .a,
      labels: [2] + Array("mx".utf8) + [5] + Array("probe".utf8) + [4] + Array("test".utf8)
        + [0]),
    Case(
      testDescription: "a reverse name is asked as is", name: "1.0.0.127.in-addr.arpa",
      type: .ptr,
      labels: [1, 0x31, 1, 0x30, 1, 0x30, 3] + Array("127".utf8) + [7] + Array("in-addr".utf8)
        + [4] + Array("arpa".utf8) + [0]),
  ]

  @Test(arguments: cases) func theQuestionIsTheNameAsGiven(_ test: Case) throws {
    let bytes = try LibresolvResolver.makeQuery(test.name, test.type, id: 0xABCD).encoded()
    // Header: ID, RD set, one question, no answer, authority or additional records.
    #expect(Array(bytes.prefix(12)) == [0xAB, 0xCD, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0])
    #expect(Array(bytes.dropFirst(12).dropLast(4)) == test.labels)
    let type = test.type.rawValue
    #expect(Array(bytes.suffix(4)) == [UInt8(type >> 8), UInt8(type & 0xFF), 0, 1])
  }
}

/// The RCODEs after which the system resolver asks the next resolv.conf server (glibc
/// res_send.c skips SERVFAIL, NOTIMP and REFUSED), and those that are answers about the name.
@Suite struct LibresolvNextServerTests {
  @Test(arguments: [
    (DNSResponseCode.serverFailure, true), (.notImplemented, true), (.refused, true),
    (.noError, false), (.nameError, false), (.formatError, false),
  ])
  func whichAnswersTryTheNextServer(_ code: DNSResponseCode, _ next: Bool) {
    #expect(LibresolvResolver.triesTheNextServer(code) == next)
  }
}
