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

  /// `<token@heloName>` (RFC 5322 3.6.4).
  public var messageID: String {
    "<\(Self.token(unixTime: unixTime, random: random))@\(Self.bare(heloName))>"
  }

  /// `unixTime.randomhex`: the Message-ID's left side, also in the Subject, so that the
  /// message can be found in a mailbox by a search for it.
  public static func token(unixTime: Int64, random: UInt64) -> String {
    "\(unixTime).\(String(random, radix: 16))"
  }

  /// The message with CRLF line endings, not yet dot-stuffed.
  public func bytes() -> [UInt8] {
    let fromHeader = from?.mailbox ?? "smtpprobe@\(heloName)"
    let lines =
      [
        "Date: \(dateHeader)",
        "Message-ID: \(messageID)",
        "From: smtpprobe <\(fromHeader)>",
      ] + toHeaderLines + [
        "Subject: smtpprobe test message \(Self.token(unixTime: unixTime, random: random))",
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

  /// How many recipients the To header names; past that it is `undisclosed-recipients:;`, as
  /// the envelope alone says where the message goes.
  public static let listedRecipients = 10

  /// The To header, folded (RFC 5322 2.2.3: a line break before white space) so no line passes
  /// 78 characters (RFC 5322 2.1.1) where the addresses allow.
  var toHeaderLines: [String] {
    guard !to.isEmpty, to.count <= Self.listedRecipients else {
      return ["To: undisclosed-recipients:;"]
    }
    var lines: [String] = []
    var line = "To:"
    for (index, address) in to.enumerated() {
      let item = address.mailbox + (index + 1 < to.count ? "," : "")
      if line.count > 3, line.count + 1 + item.count > 78 {
        lines.append(line)
        line = ""
      }
      line += " " + item
    }
    return lines + [line]
  }

  /// The EHLO name without address-literal brackets for use after `@` in a Message-ID.
  private static func bare(_ name: String) -> String {
    name.hasPrefix("[") ? "smtpprobe.invalid" : name
  }
}
