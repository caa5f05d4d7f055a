import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The policy fetcher's request and read loop over a scripted peer: the response however it is
/// split, and the failures a server can cause after the handshake.
@Suite struct HTTPSExchangeTests {
  static let request = HTTPGetRequest(host: "mta-sts.example.org", path: "/.well-known/mta-sts.txt")
  static let deadline = Deadline(nanoseconds: 10_000_000_000)

  @Test(arguments: ScriptedTransport.Delivery.allCases)
  func aChunkedResponseIsReadHoweverItArrives(_ delivery: ScriptedTransport.Delivery) throws {
    let transport = ScriptedTransport(
      [
        .client(String(decoding: Self.request.bytes, as: UTF8.self)),
        .server(
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"),
        .server("7\r\nmode: n\r\n"), .server("3\r\none\r\n0\r\n\r\n"),
      ], delivery: delivery)
    let response = try HTTPSPolicyFetcher.exchange(
      Self.request, over: transport, deadline: Self.deadline
    ).get()
    #expect(String(decoding: response.body, as: UTF8.self) == "mode: none")
    #expect(transport.sentText == String(decoding: Self.request.bytes, as: UTF8.self))
  }

  @Test func aCloseBeforeTheLengthIsReachedIsATruncation() {
    let transport = ScriptedTransport([
      .client(String(decoding: Self.request.bytes, as: UTF8.self)),
      .server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"), .close,
    ])
    let outcome = HTTPSPolicyFetcher.exchange(
      Self.request, over: transport, deadline: Self.deadline)
    guard case .failure(.response(.truncated)) = outcome else {
      Issue.record("\(outcome)")
      return
    }
  }

  @Test func aSilentServerEndsAtTheDeadline() {
    let transport = ScriptedTransport([
      .client(String(decoding: Self.request.bytes, as: UTF8.self)), .timeout,
    ])
    let outcome = HTTPSPolicyFetcher.exchange(
      Self.request, over: transport, deadline: Self.deadline)
    guard case .failure(.transport(.timedOut)) = outcome else {
      Issue.record("\(outcome)")
      return
    }
  }
}
