import Testing

@testable import SMTPProbeCore

/// `--imap` URLs (RFC 5092 server and mailbox parts).
@Suite struct IMAPMailboxTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var url: String
    var expected: IMAPMailbox?
    var testDescription: String { url }
  }

  static let cases: [Case] = [
    Case(
      url: "imaps://alice@probe.test@127.0.0.1:2993/INBOX",
      expected: IMAPMailbox(
        implicitTLS: true, user: "alice@probe.test", host: "127.0.0.1", port: 2993,
        mailbox: "INBOX")),
    Case(
      url: "imap://bob%40example.org@mail.example.org/Spam%20Folder",
      expected: IMAPMailbox(
        implicitTLS: false, user: "bob@example.org", host: "mail.example.org", port: 143,
        mailbox: "Spam Folder")),
    Case(
      url: "IMAPS://carol@[::1]",
      expected: IMAPMailbox(
        implicitTLS: true, user: "carol", host: "::1", port: 993, mailbox: "INBOX")),
    Case(url: "pop3://alice@host/INBOX", expected: nil),
    Case(url: "imaps://host/INBOX", expected: nil),
    Case(url: "imaps://alice@host:99999/INBOX", expected: nil),
    Case(url: "imaps://alice@host/IN BOX", expected: nil),
    Case(url: "imaps://al%4@host/INBOX", expected: nil),
  ]

  @Test(arguments: cases) func parses(_ item: Case) {
    #expect(IMAPMailbox(url: item.url) == item.expected)
  }
}
