import Foundation
import Testing

/// `smtpprobe verify` with UTF-8 local parts (RFC 6531) against scripted-smtpd: a server
/// without SMTPUTF8 still answers the ASCII addresses of the list, and never sees the UTF-8
/// one; a server with SMTPUTF8 gets it in a MAIL that carries the parameter.
@Suite struct VerifySMTPUTF8Tests {
  static let addresses = ["josé@probe.test", "alice@probe.test", "bob@probe.test"]

  static func run(_ server: ScriptedServer) throws -> [[String: Any]] {
    let result = try VerifyTests.verify(
      addresses + ["--server", "127.0.0.1:\(server.port)", "--json", "--catch-all", "skip"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try VerifyTests.lines(result)
    #expect(lines.map { $0["address"] as? String } == addresses)
    return lines
  }

  @Test func withoutSMTPUTF8TheASCIIAddressesAreStillAnswered() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250 scripted.test
        expect MAIL
        send 250 2.1.0 ok
        expect RCPT
        send 250 2.1.5 ok
        expect RCPT
        send 550 5.1.1 <bob@probe.test>: Recipient address rejected: User unknown
        expect RSET
        send 250 2.0.0 ok
        expect QUIT
        send 221 2.0.0 bye
        """)
    let lines = try Self.run(server)
    #expect(
      lines.map { $0["verdict"] as? String } == ["undeliverable", "deliverable", "undeliverable"])
    #expect(
      lines.map { $0["reason"] as? String } == ["smtputf8-unsupported", "ok", "mailbox-unknown"])
    let sent = server.clientLines()
    #expect(sent.filter { $0.hasPrefix("MAIL") } == ["MAIL FROM:<>"])
    #expect(!sent.contains { $0.contains("jos") })
  }

  @Test func withSMTPUTF8TheUTF8AddressIsAskedWithTheParameter() throws {
    let transaction = """
      expect MAIL
      send 250 2.1.0 ok
      expect RCPT
      send 250 2.1.5 ok
      """
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250-scripted.test\\r\\n250 SMTPUTF8
        \(transaction)
        expect RCPT
        send 250 2.1.5 ok
        expect RSET
        send 250 2.0.0 ok
        \(transaction)
        expect RSET
        send 250 2.0.0 ok
        expect QUIT
        send 221 2.0.0 bye
        """)
    let lines = try Self.run(server)
    #expect(
      lines.map { $0["verdict"] as? String } == ["deliverable", "deliverable", "deliverable"])
    let sent = server.clientLines()
    #expect(sent.filter { $0.hasPrefix("MAIL") } == ["MAIL FROM:<>", "MAIL FROM:<> SMTPUTF8"])
    // scripted-smtpd logs octets above 127 escaped.
    #expect(sent.filter { $0.hasPrefix("RCPT") }.last == #"RCPT TO:<jos\xc3\xa9@probe.test>"#)
  }
}
