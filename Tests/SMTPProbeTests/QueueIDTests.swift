import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct QueueIDTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    /// Where this form of reply comes from.
    var source: String
    var reply: String
    var queueID: String?
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "Postfix", source: "Postfix smtpd, cleanup queue id",
      reply: "250 2.0.0 Ok: queued as 4F2A1C2B3D", queueID: "4F2A1C2B3D"),
    Case(
      id: "Postfix without enhanced code", source: "Postfix with smtpd_enhanced_status_codes=no",
      reply: "250 Ok: queued as 4F2A1C", queueID: "4F2A1C"),
    Case(
      id: "Exim", source: "Exim smtp_accept message id",
      reply: "250 OK id=1abc2d-0002ab-CD", queueID: "1abc2d-0002ab-CD"),
    Case(
      id: "Gmail", source: "Gmail MX final reply",
      reply:
        "250 2.0.0 OK  1700000000 a1-20020a05600c4e41000000b0032f7e5a6f1bsi12345wrb.123 - gsmtp",
      queueID: "a1-20020a05600c4e41000000b0032f7e5a6f1bsi12345wrb.123"),
    Case(
      id: "Gmail dash attached", source: "Gmail MX final reply, compact form",
      reply: "250 2.0.0 OK 1700000000 a1-20020a5d- gsmtp", queueID: "a1-20020a5d"),
    Case(
      id: "Microsoft 365", source: "Exchange Online Protection final reply",
      reply: "250 2.6.0 <abc@mail.example> [InternalId=123456789012, Hostname=AM0PR01MB1234."
        + "eurprd01.prod.exchangelabs.com] 9876 bytes in 0.123, 75.1 KB/sec Queued mail for delivery",
      queueID: "123456789012"),
    Case(
      id: "Exchange without InternalId", source: "on-premises Exchange final reply",
      reply: "250 2.6.0 <abc@mail.example> Queued mail for delivery", queueID: "abc@mail.example"),
    Case(
      id: "Sendmail", source: "Sendmail 8 final reply",
      reply: "250 2.0.0 4AMMrY3x012345 Message accepted for delivery", queueID: "4AMMrY3x012345"),
    Case(
      id: "qmail", source: "qmail-smtpd final reply",
      reply: "250 ok 1700000000 qp 12345", queueID: "12345"),
    Case(id: "plain OK", source: "generic", reply: "250 OK", queueID: nil),
    Case(
      id: "Postfix 250 to RCPT has none", source: "Postfix", reply: "250 2.1.5 Ok", queueID: nil),
  ]

  @Test(arguments: cases)
  func extracts(_ c: Case) throws {
    let reply = try #require(try ReplyParser.parseAll(Array(c.reply.utf8)).first)
    #expect(QueueID.extract(from: reply) == c.queueID)
  }
}
