import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct ProbeJSONRendererTests {
  static func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let members)? = value else { return [] }
    return members.map(\.key)
  }

  static func first(_ value: JSONValue?) -> JSONValue? {
    guard case .array(let elements)? = value else { return nil }
    return elements.first
  }

  static let certificate = CertificateInfo(
    commonName: "mx.a.test", subject: "CN = mx.a.test", issuerCommonName: "Test CA",
    issuer: "CN = Test CA", alternativeNames: [.dns("mx.a.test"), .ip("192.0.2.7")],
    notBefore: UnixTime(seconds: 1_700_000_000),
    notAfter: UnixTime(seconds: 1_700_000_000 + 90 * 86_400), serialNumber: "01",
    keyType: "RSA", keyBits: 2048, signatureAlgorithm: "sha256WithRSAEncryption",
    isSelfSigned: false)

  static let deadAddress: SocketAddress = {
    guard let address = SocketAddress(numericHost: "192.0.2.3", port: 25) else {
      preconditionFailure("192.0.2.3 is an IPv4 address")
    }
    return address
  }()

  static func outcome() -> ProbeOutcome {
    let session = ProbeTextRendererTests.session()
    var withTLS = session
    withTLS.tls = TLSReport(
      protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", cipherBits: 256,
      serverName: "mx.a.test", chain: [certificate],
      verification: TLSVerification(
        expectedName: "mx.a.test", trustStore: .system, faults: [.selfSigned]),
      verificationRequired: false)
    let route = MailRoute(
      domain: "a.test", kind: .mx,
      mx: [
        MXHost(host: "dead.a.test", preference: 10, addresses: ["192.0.2.3"]),
        MXHost(host: "mx.probe.test", preference: 20, addresses: ["127.0.0.1"]),
      ])
    let dead = HostAttempt(
      host: "dead.a.test", preference: 10, port: 25,
      failedConnects: [
        ConnectAttempt(
          address: deadAddress, error: .refused(deadAddress), elapsedMilliseconds: 0)
      ],
      connectFailure: .allAttemptsFailed(host: "dead.a.test", port: 25, attempts: []),
      verdict: Verdict(status: .incomplete, summary: "refused"))
    let live = HostAttempt(
      host: "mx.probe.test", preference: 20, port: 25, session: withTLS,
      identity: IdentityReport(address: "127.0.0.1", ptrNames: ["mx.probe.test"]),
      verdict: session.verdict)
    return ProbeOutcome(
      target: "a.test", route: route, attempts: [dead, live], verdict: session.verdict)
  }

  @Test func keepsDesignKeysInOrder() {
    let now = UnixTime(seconds: 1_700_000_000 + 30 * 86_400)
    let json = ProbeJSONRenderer(now: now).jsonValue(Self.outcome())
    #expect(
      Array(Self.keys(json).prefix(5)) == ["target", "mx", "sessions", "verdict", "exit_code"])
    #expect(json["target"] == "a.test")
    #expect(json["exit_code"] == 1)
    #expect(Self.keys(json["verdict"]) == ["status", "summary"])
    #expect(json["verdict"]?["status"] == "permanent-failure")
    #expect(Self.keys(Self.first(json["mx"])).prefix(3) == ["host", "preference", "addresses"])
    #expect(Self.first(json["mx"])?["preference"] == 10)

    let session = Self.first(json["sessions"])
    #expect(
      Array(Self.keys(session).prefix(7))
        == ["host", "address", "port", "tls", "capabilities", "steps", "transcript"])
    #expect(session?["host"] == "mx.probe.test")
    #expect(session?["capabilities"] == ["PIPELINING", "SIZE 1000"])
    let step = Self.first(session?["steps"])
    #expect(Array(Self.keys(step).prefix(4)) == ["command", "reply", "diagnosis", "elapsed_ms"])
    #expect(step?["command"] == "greeting")
    #expect(step?["reply"]?["code"] == 220)
    #expect(step?["elapsed_ms"] == 12)
    let line = Self.first(session?["transcript"])
    #expect(Self.keys(line) == ["t_ms", "dir", "line"])
    #expect(line?["dir"] == "recv")
    #expect(session?["round_trips"] == 2)
    #expect(session?["pipelined"] == true)
    #expect(session?["identity"]?["ptr"] == ["mx.probe.test"])

    let failure = Self.first(json["connect_failures"])
    #expect(failure?["host"] == "dead.a.test")
    #expect(failure?["error"] == "connection refused")
  }

  @Test func tlsDetails() {
    let now = UnixTime(seconds: 1_700_000_000 + 30 * 86_400)
    let json = ProbeJSONRenderer(now: now).jsonValue(Self.outcome())
    let tls = Self.first(json["sessions"])?["tls"]
    #expect(tls?["version"] == "TLSv1.3")
    #expect(tls?["cipher"] == "TLS_AES_256_GCM_SHA384")
    let leaf = Self.first(tls?["chain"])
    #expect(
      Self.keys(leaf) == [
        "subject", "issuer", "sans", "not_before", "not_after", "days_left", "self_signed",
      ])
    #expect(leaf?["sans"] == ["DNS:mx.a.test", "IP:192.0.2.7"])
    #expect(leaf?["days_left"] == 60)
    #expect(leaf?["not_after"] == "2024-02-12T22:13:20Z")
    #expect(tls?["verification"]?["trusted"] == false)
    let fault = Self.first(tls?["verification"]?["faults"])
    #expect(Self.keys(fault) == ["name", "explanation", "fix"])
    #expect(fault?["name"] == .string(TLSVerificationFault.selfSigned.name))
  }

  @Test func theTextShowsTheMXTableBeforeTheTranscript() {
    let text = ProbeTextRenderer(color: false, now: UnixTime(seconds: 1_700_000_000)).render(
      Self.outcome())
    #expect(text.contains("MX of a.test:\n"))
    #expect(text.contains("    10  dead.a.test    192.0.2.3\n"))
    #expect(text.contains("    20  mx.probe.test  127.0.0.1\n"))
    #expect(text.contains("  cannot connect to 192.0.2.3:25: connection refused\n"))
    #expect(text.contains("identity: 127.0.0.1: PTR mx.probe.test"))
    let table = text.range(of: "dead.a.test    192.0.2.3")
    let transcript = text.range(of: "<- 220")
    #expect(table != nil && transcript != nil)
    if let table, let transcript { #expect(table.lowerBound < transcript.lowerBound) }
    #expect(text.hasSuffix("(exit 1)\n"))
  }

  @Test func theTextNamesTLSFaultsWithTheirFix() {
    let now = UnixTime(seconds: 1_700_000_000 + 30 * 86_400)
    let text = ProbeTextRenderer(color: false, now: now).render(Self.outcome())
    #expect(text.contains("TLS on connect: TLSv1.3, TLS_AES_256_GCM_SHA384\n"))
    #expect(text.contains("subject: CN = mx.a.test"))
    #expect(text.contains("names: DNS:mx.a.test, IP:192.0.2.7"))
    #expect(text.contains("(60 days left)"))
    #expect(text.contains("verification: NOT trusted for mx.a.test"))
    #expect(text.contains("\(TLSVerificationFault.selfSigned.name): "))
    // The fix wraps at 80 columns; with the line breaks undone it reads whole.
    let unwrapped = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(unwrapped.contains("fix: \(TLSVerificationFault.selfSigned.fix)"))
    // Only the server's lines (the transcript) and the verdicts may run past 80 columns.
    let ours = text.split(separator: "\n").filter {
      !$0.hasPrefix("[") && !$0.contains("verdict: ")
    }
    #expect(ours.allSatisfy { $0.count <= LineWrap.width }, "\(ours.filter { $0.count > 80 })")
  }
}
