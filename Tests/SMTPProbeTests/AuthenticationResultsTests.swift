import Testing

@testable import SMTPProbeCore

/// `Authentication-Results` (RFC 8601) and `Received-SPF` (RFC 7208 9.1) read from real
/// providers' headers (`authenticationResultsCases`, each citing its source).
@Suite struct AuthenticationResultsTests {
  @Test(arguments: authenticationResultsCases) func readsTheProvidersHeader(
    _ item: AuthenticationResultsCase
  ) {
    if item.field == "received-spf" {
      let parsed = ReceivedSPF.parse(item.value)
      #expect(parsed.map { ["spf=\($0.result)"] } == item.results, "\(item.source)")
      for property in item.properties {
        let (_, pair) = Self.split(property)
        let (key, value) = Self.pair(pair)
        #expect(parsed?[key] == value, "\(property) from \(item.source)")
      }
      return
    }
    let parsed = AuthenticationResults.parse(item.value)
    #expect(parsed.authservID == item.authservID, "\(item.source)")
    #expect(parsed.results.map { "\($0.method)=\($0.result)" } == item.results, "\(item.source)")
    for property in item.properties {
      let (method, pair) = Self.split(property)
      let (key, value) = Self.pair(pair)
      let found = parsed.results(for: method).flatMap(\.properties).contains {
        ($0.ptype.map { "\($0)." } ?? "") + $0.property == key && $0.value == value
      }
      #expect(found, "\(property) from \(item.source)")
    }
  }

  @Test func theWholeHeaderBlockGivesEveryFieldTopmostFirst() {
    let header =
      "Return-Path: <a@example.org>\r\n"
      + "Authentication-Results: mx.receiver.test;\r\n\tspf=softfail smtp.mailfrom=example.org\r\n"
      + "Received-SPF: softfail (mx.receiver.test: transitioning) client-ip=192.0.2.1;\r\n"
      + "Authentication-Results: relay.test; spf=pass smtp.mailfrom=example.org\r\n"
      + "Subject: x\r\n\r\n"
    let authentication = MessageAuthentication(header: Array(header.utf8))
    #expect(
      authentication.authenticationResults.map(\.authservID) == ["mx.receiver.test", "relay.test"])
    #expect(authentication.receivedSPF.map(\.result) == ["softfail"])
    #expect(authentication.receivedSPF.first?["client-ip"] == "192.0.2.1")
  }

  @Test func reasonAndMethodVersionAreKept() {
    let parsed = AuthenticationResults.parse(
      "example.com; dkim/1=fail reason=\"signature; expired\" header.d=example.net")
    let result = parsed.results.first
    #expect(result?.method == "dkim")
    #expect(result?.methodVersion == "1")
    #expect(result?.reason == "signature; expired")
    #expect(result?.properties.first?.value == "example.net")
  }

  static func split(_ property: String) -> (String, String) {
    let parts = property.split(separator: " ", maxSplits: 1)
    return (String(parts[0]), String(parts[1]))
  }

  static func pair(_ text: String) -> (String, String) {
    let parts = text.split(separator: "=", maxSplits: 1)
    return (String(parts[0]), String(parts[1]))
  }
}
