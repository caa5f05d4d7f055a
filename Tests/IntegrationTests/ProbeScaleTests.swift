import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Large pipelined groups and servers that fall behind (RFC 2920 3.1), recipient limits.
@Suite struct ProbeScaleTests {
  /// A script that answers MAIL and `count` RCPTs (each with a `padding`-byte reply), then RSET
  /// and QUIT.
  static func manyRecipientsScript(count: Int, padding: Int) -> String {
    let pad = String(repeating: "x", count: padding)
    var lines = [
      "send 220 scripted.test ESMTP", "expect EHLO", "send 250-scripted.test\\r\\n250 PIPELINING",
      "expect MAIL", "send 250 2.1.0 ok",
    ]
    for _ in 0..<count { lines += ["expect RCPT", "send 250 2.1.5 ok \(pad)"] }
    lines += ["expect RSET", "send 250 ok", "expect QUIT", "send 221 bye"]
    return lines.joined(separator: "\n")
  }

  /// 3,000 pipelined RCPTs with long addresses to a server whose socket buffers are tiny, over a
  /// client socket with tiny buffers too: written in one go, the group would block our write
  /// while the server blocks writing replies we do not read, until the timeout.
  @Test func aLargePipelinedGroupDoesNotDeadlock() throws {
    let count = 3000
    let server = try ScriptedServer(
      script: Self.manyRecipientsScript(count: count, padding: 100),
      options: ["--buffer-bytes", "4096"])
    let domain = String(repeating: String(repeating: "a", count: 60) + ".", count: 3) + "test"
    let recipients = try (0..<count).map { index in
      try Address("user\(index)-\(String(repeating: "y", count: 40))@\(domain)")
    }
    let plan = DialoguePlan(
      ehloName: "client.probe.test", from: try Address("a@probe.test", field: .sender),
      recipients: recipients, quitAfter: .rcpt, tls: .off, timeout: 10)
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: server.port, connectTimeout: 5)
    for option in [SO_SNDBUF, SO_RCVBUF] {
      var size: Int32 = 4096
      setsockopt(
        transport.fileDescriptor, SOL_SOCKET, option, &size, socklen_t(MemoryLayout<Int32>.size))
    }
    let result = SessionDriver(plan: plan, clock: SystemClock()).run(over: transport)
    #expect(result.verdict.status == .ok, "\(result.verdict.summary)")
    #expect(result.recipients.count == count)
    #expect(result.recipients.filter(\.accepted).count == count)
    #expect(result.pipelined)
  }

  /// A server that stops at its recipient limit with 452 4.5.3 (Postfix's
  /// smtpd_recipient_limit): the verdict is transient and names how many got through.
  @Test func tooManyRecipientsIsTransientAndCounted() throws {
    var lines = [
      "send 220 scripted.test ESMTP", "expect EHLO", "send 250-scripted.test\\r\\n250 PIPELINING",
      "expect MAIL", "send 250 2.1.0 ok",
    ]
    for _ in 0..<3 { lines += ["expect RCPT", "send 250 2.1.5 ok"] }
    for _ in 0..<2 { lines += ["expect RCPT", "send 452 4.5.3 Error: too many recipients"] }
    lines += ["expect RSET", "send 250 ok", "expect QUIT", "send 221 bye"]
    let server = try ScriptedServer(script: lines.joined(separator: "\n"))
    let recipients = (1...5).flatMap { ["--to", "user\($0)@probe.test"] }
    let result = try ProbeRun.run(["--server", "127.0.0.1:\(server.port)"] + recipients)
    #expect(result.status == 2, "\(result.stdout)")
    #expect(result.stdout.contains("3 of 5 recipients accepted"), "\(result.stdout)")
    #expect(result.stdout.contains("<user4@probe.test>"))
    #expect(result.stdout.contains("452 4.5.3"))
    // More than 3 like steps share one timings entry.
    #expect(result.stdout.contains("RCPT x5 "), "\(result.stdout)")
  }

  /// A 421 in the middle of a large pipelined group, then a close: the replies before it are
  /// used in order, and the session ends as transient, not as a reset or a timeout.
  @Test func a421InsideALargeGroupEndsItAsTransient() throws {
    var lines = [
      "send 220 scripted.test ESMTP", "expect EHLO", "send 250-scripted.test\\r\\n250 PIPELINING",
      "expect MAIL", "send 250 2.1.0 ok",
    ]
    for _ in 0..<40 { lines += ["expect RCPT", "send 250 2.1.5 ok"] }
    lines += ["expect RCPT", "send 421 4.7.0 too many recipients, closing", "close"]
    let server = try ScriptedServer(script: lines.joined(separator: "\n"))
    let recipients = (1...200).flatMap { ["--to", "user\($0)@probe.test"] }
    let result = try ProbeRun.run(["--server", "127.0.0.1:\(server.port)"] + recipients)
    #expect(result.status == 2, "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "40 of 41 recipients accepted; 159 more got no answer (the session ended first)"),
      "\(result.stdout)")
    #expect(result.stdout.contains("<- 421 4.7.0"))
  }
}
