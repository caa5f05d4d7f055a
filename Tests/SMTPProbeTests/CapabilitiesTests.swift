import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct CapabilitiesTests {
  static func reply(_ text: String) throws -> Reply {
    try #require(try ReplyParser.parseAll(Array(text.utf8)).first)
  }

  /// Postfix 3.x with its default smtpd settings (from `postconf -d` behaviour).
  static let postfix =
    "250-mx.probe.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n"
    + "250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n"
    + "250 CHUNKING\r\n"

  /// Gmail's MX (as published in many transcripts): SIZE with a limit, no AUTH before TLS.
  static let gmail =
    "250-mx.google.com at your service, [192.0.2.7]\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n"
    + "250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n"
    + "250 SMTPUTF8\r\n"

  @Test func readsPostfixBlock() throws {
    let caps = Capabilities(reply: try Self.reply(Self.postfix))
    #expect(caps.serverName == "mx.probe.test")
    #expect(
      caps.keywords.map(\.name) == [
        "PIPELINING", "SIZE", "VRFY", "ETRN", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN",
        "SMTPUTF8", "CHUNKING",
      ])
    #expect(caps.maximumMessageSize == 10_240_000)
    for ext: Capabilities.Extension in [
      .pipelining, .size, .startTLS, .enhancedStatusCodes, .eightBitMIME, .dsn, .smtpUTF8,
      .chunking, .vrfy, .etrn,
    ] {
      #expect(caps.offers(ext), "\(ext)")
    }
    #expect(!caps.offers(.auth))
    #expect(caps.authMechanisms.isEmpty)
  }

  @Test func readsGmailBlock() throws {
    let caps = Capabilities(reply: try Self.reply(Self.gmail))
    #expect(caps.serverName == "mx.google.com")
    #expect(caps.greeting == "mx.google.com at your service, [192.0.2.7]")
    #expect(caps.maximumMessageSize == 157_286_400)
    #expect(caps.offers(.chunking) && caps.offers(.smtpUTF8) && !caps.offers(.dsn))
  }

  @Test func readsAuthInBothForms() throws {
    let caps = Capabilities(
      reply: try Self.reply(
        "250-smtp.example\r\n250-AUTH LOGIN PLAIN CRAM-MD5\r\n250-AUTH=LOGIN PLAIN XOAUTH2\r\n"
          + "250-X-EXPS GSSAPI NTLM\r\n250-SIZE\r\n250 XCLIENT NAME ADDR\r\n"))
    #expect(caps.authMechanisms == ["LOGIN", "PLAIN", "CRAM-MD5", "XOAUTH2"])
    #expect(caps.offers(.auth))
    #expect(caps.offers(.size))
    #expect(caps.maximumMessageSize == nil)  // SIZE without a number: no fixed limit
    #expect(caps.keyword("x-exps")?.parameters == ["GSSAPI", "NTLM"])
    #expect(caps.keyword("XCLIENT")?.line == "XCLIENT NAME ADDR")
    #expect(caps.keywords.map(\.line).contains("AUTH=LOGIN PLAIN XOAUTH2"))
  }

  @Test func sizeZeroMeansNoLimit() throws {
    let caps = Capabilities(reply: try Self.reply("250-a\r\n250 SIZE 0\r\n"))
    #expect(caps.offers(.size) && caps.maximumMessageSize == nil)
  }

  @Test func diffAcrossSTARTTLS() throws {
    let before = Capabilities(
      reply: try Self.reply("250-mx\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 SIZE 100\r\n"))
    let after = Capabilities(
      reply: try Self.reply("250-mx\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 100\r\n"))
    let diff = before.diff(to: after)
    #expect(diff.added.map(\.line) == ["AUTH PLAIN LOGIN"])
    #expect(diff.removed.map(\.line) == ["STARTTLS"])
    #expect(before.diff(to: before).isEmpty)
  }

  @Test func heloReplyHasNoKeywords() throws {
    let caps = Capabilities(reply: try Self.reply("250 mx.example Hello\r\n"), fromHELO: true)
    #expect(caps.keywords.isEmpty && caps.fromHELO && caps.serverName == "mx.example")
  }
}
