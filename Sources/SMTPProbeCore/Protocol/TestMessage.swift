/// The message `--send-test-message` sends: a small, valid RFC 5322 message naming smtpprobe.
///
/// The date and the random part of the Message-ID are injected, so the bytes are testable.
/// Headers: Date (RFC 5322 3.3 `date-time`, in UTC), Message-ID (3.6.4), From, To, Subject,
/// MIME-Version and Content-Type (RFC 2045).
public struct TestMessage: Hashable, Sendable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var unixTime: Int64
  /// The random part of the Message-ID.
  public var random: UInt64
  /// The EHLO name: the right side of the Message-ID and of the fallback From address.
  public var heloName: String
  /// The envelope sender, used for From; nil (the null sender) uses `smtpprobe@<heloName>`.
  public var from: Address?
  /// The envelope recipients, listed in To.
  public var to: [Address]

  public init(unixTime: Int64, random: UInt64, heloName: String, from: Address?, to: [Address]) {
    self.unixTime = unixTime
    self.random = random
    self.heloName = heloName
    self.from = from
    self.to = to
  }

  /// The date as RFC 5322 3.3 writes it: `Sun, 22 Nov 2026 22:53:34 +0000`.
  public var dateHeader: String { UnixTime(seconds: unixTime).rfc5322 }

  /// `<unixTime.randomhex@heloName>` (RFC 5322 3.6.4).
  public var messageID: String {
    "<\(unixTime).\(String(random, radix: 16))@\(Self.bare(heloName))>"
  }

  /// The message with CRLF line endings, not yet dot-stuffed.
  public func bytes() -> [UInt8] {
    let fromHeader = from?.mailbox ?? "smtpprobe@\(heloName)"
    let toHeader =
      to.isEmpty ? "undisclosed-recipients:;" : to.map(\.mailbox).joined(separator: ", ")
    let lines = [
      "Date: \(dateHeader)",
      "Message-ID: \(messageID)",
      "From: smtpprobe <\(fromHeader)>",
      "To: \(toHeader)",
      "Subject: smtpprobe test message \(dateHeader)",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=us-ascii",
      "Content-Transfer-Encoding: 7bit",
      "X-Mailer: smtpprobe",
      "",
      "This is a test message sent by smtpprobe, an SMTP diagnostic tool,",
      "to check that this server accepts mail for the recipients above.",
      "It needs no reply and can be deleted.",
    ]
    return Array(lines.map { $0 + "\r\n" }.joined().utf8)
  }

  /// The EHLO name without address-literal brackets for use after `@` in a Message-ID.
  private static func bare(_ name: String) -> String {
    name.hasPrefix("[") ? "smtpprobe.invalid" : name
  }
}
