import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct IdentityCheckTests {
  private let zones = StaticResolver(entries: [
    "mx.probe.test": [.a: .records([.a("127.0.0.1")])],
    "1.0.0.127.in-addr.arpa": [.ptr: .records([.ptr("mx.probe.test")])],
    "4.0.0.127.in-addr.arpa": [.ptr: .records([.ptr("nowhere.test")])],
    "5.0.0.127.in-addr.arpa": [
      .ptr: .failure(.timedOut(server: "127.0.0.1:53", seconds: 5, tries: 2))
    ],
  ])

  @Test func forwardConfirmedAndMatchingGreeting() {
    let report = IdentityCheck.run(
      address: "127.0.0.1", mxHost: "mx.probe.test.", greetingName: "MX.probe.test",
      resolver: zones)
    #expect(report.ptrNames == ["mx.probe.test"])
    #expect(report.isForwardConfirmed == true)
    #expect(report.forwardConfirmedName == "mx.probe.test")
    #expect(report.greetingMatches == true)
    #expect(report.warnings.isEmpty)
  }

  @Test func ptrThatDoesNotResolveBack() {
    let report = IdentityCheck.run(
      address: "127.0.0.4", mxHost: "mx.probe.test", greetingName: "mx.probe.test",
      resolver: zones)
    #expect(report.ptrNames == ["nowhere.test"])
    #expect(report.isForwardConfirmed == false)
    #expect(report.greetingMatches == true)
    #expect(
      report.warnings == [
        "the reverse DNS name nowhere.test of 127.0.0.4 does not resolve back to it"
          + " (forward-confirmed reverse DNS fails)"
      ])
  }

  @Test func noPTR() {
    let report = IdentityCheck.run(
      address: "127.0.0.9", mxHost: nil, greetingName: "mail.example.test", resolver: zones)
    #expect(report.ptrError == .nameDoesNotExist(name: "9.0.0.127.in-addr.arpa"))
    #expect(report.isForwardConfirmed == nil)
    #expect(report.greetingMatches == false)
    #expect(
      report.warnings == [
        "127.0.0.9 has no reverse DNS (PTR) name",
        "the greeting names the host mail.example.test, which matches neither its reverse DNS"
          + " nor the MX name (no known name)",
      ])
  }

  @Test func ptrLookupFailureIsSaidAsSuch() {
    let report = IdentityCheck.run(
      address: "127.0.0.5", mxHost: nil, greetingName: nil, resolver: zones)
    #expect(report.greetingMatches == nil)
    #expect(
      report.warnings == [
        "could not look up the reverse DNS (PTR) of 127.0.0.5:"
          + " no answer from DNS server 127.0.0.1:53 after 2 tries of 5 s each"
      ])
  }

  @Test func greetingMismatchIsAWarning() {
    let report = IdentityCheck.run(
      address: "127.0.0.1", mxHost: "mx.good.test", greetingName: "internal.local",
      resolver: zones)
    #expect(report.isForwardConfirmed == true)
    #expect(report.greetingMatches == false)
    #expect(
      report.warnings == [
        "the greeting names the host internal.local, which matches neither its reverse DNS"
          + " nor the MX name (mx.probe.test or mx.good.test)"
      ])
  }

  @Test func greetingAddressLiteralMatchesTheAddress() {
    let report = IdentityCheck.run(
      address: "127.0.0.1", mxHost: nil, greetingName: "[127.0.0.1]", resolver: zones)
    #expect(report.greetingMatches == true)
  }

  @Test(
    arguments: [
      ("mx.probe.test ESMTP Postfix (Debian/GNU)", "mx.probe.test"),
      ("localhost ready", "localhost"),
      ("[127.0.0.1] hello", "[127.0.0.1]"),
      ("*** service ready ***", nil),
      ("", nil),
    ] as [(String, String?)])
  func greetingNames(text: String, name: String?) {
    #expect(IdentityCheck.greetingName(ofText: text) == name)
  }

  @Test func greetingNameOfAReply() {
    #expect(IdentityCheck.greetingName(of: Reply(220, "mx.probe.test ESMTP")) == "mx.probe.test")
  }
}
