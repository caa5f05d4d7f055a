import Testing

@testable import SMTPProbeCore
@testable import smtpprobe

/// Bounds and input checks the command line applies before anything is sent.
@Suite struct InputSafetyTests {
  private static let seconds = "a number of seconds above 0 and at most 86400 (one day)"

  /// Durations that would overflow a deadline or mean nothing: each is refused for every
  /// duration option.
  static let badDurations = [
    "1e300", "inf", "nan", "-1", "18446744073", "86401", "0x10", "1.", ".", "", "+5", " 5",
  ]
  static let durationOptions = [
    "--timeout", "--greeting-timeout", "--connect-timeout", "--max-time",
  ]

  static let errorCases: [ErrorCase] =
    durationOptions.flatMap { option in
      badDurations.map { value in
        ErrorCase(
          id: "\(option) \(value)", arguments: ["probe", "x.org", "\(option)=\(value)"],
          expected: "invalid value '\(value)' for '\(option)': expected \(seconds)")
      }
    } + [
      ErrorCase(
        id: "negative address limit", arguments: ["probe", "x.org", "--mx-address-limit", "-1"],
        expected:
          "invalid value '-1' for '--mx-address-limit': expected a whole number 0-1000 (0: no limit)"
      ),
      ErrorCase(
        id: "address limit too large", arguments: ["probe", "x.org", "--mx-address-limit=1001"],
        expected:
          "invalid value '1001' for '--mx-address-limit': expected a whole number 0-1000 (0: no limit)"
      ),
      ErrorCase(
        id: "octal IPv4 server", arguments: ["probe", "--server", "010.0.0.1"],
        expected: legacy("010.0.0.1")),
      ErrorCase(
        id: "octal IPv4 server with port", arguments: ["probe", "--server", "0177.0.0.1:25"],
        expected: legacy("0177.0.0.1")),
      ErrorCase(
        id: "shorthand IPv4 server", arguments: ["probe", "--server", "127.1"],
        expected: legacy("127.1")),
      ErrorCase(
        id: "integer IPv4 server", arguments: ["probe", "--server", "2130706433"],
        expected: legacy("2130706433")),
      ErrorCase(
        id: "hexadecimal IPv4 server", arguments: ["probe", "--server", "1.2.3.0x4"],
        expected: legacy("1.2.3.0x4")),
      ErrorCase(
        id: "octal DNS server", arguments: ["probe", "x.org", "--dns-server", "010.0.0.1"],
        expected:
          "invalid value '010.0.0.1' for '--dns-server': expected IP[:PORT] or [IPv6]:PORT"),
      ErrorCase(
        id: "DNS server with CR LF", arguments: ["probe", "x.org", "--dns-server", "1.2.3.4\r\n"],
        expected:
          "invalid value '1.2.3.4\\r\\n' for '--dns-server': expected IP[:PORT] or [IPv6]:PORT"),
      ErrorCase(
        id: "port with CR LF", arguments: ["probe", "x.org", "--port", "25\r\nQUIT"],
        expected:
          "invalid value '25\\r\\nQUIT' for '--port': expected a port number from 1 to 65535"),
      ErrorCase(
        id: "server with CR LF", arguments: ["probe", "--server", "mx.test\r\nRSET"],
        expected:
          "server (--server) \"mx.test\\r\\nRSET\" contains the control character CR; RFC 5321 "
          + "allows none in a command (2.3.8, 4.1.2)"),
      ErrorCase(
        id: "domain with CR LF", arguments: ["probe", "x.org\r\nRSET"],
        expected:
          "command argument \"x.org\\r\\nRSET\" contains the control character CR; RFC 5321 "
          + "allows none in a command (2.3.8, 4.1.2)"),
      ErrorCase(
        id: "empty SNI", arguments: ["probe", "x.org", "--sni="],
        expected: "TLS server name (--sni) is empty"),
      ErrorCase(
        id: "SNI with CR LF", arguments: ["probe", "x.org", "--sni", "mx.x.org\r\nX"],
        expected:
          "TLS server name (--sni) \"mx.x.org\\r\\nX\" contains the control character CR; RFC "
          + "5321 allows none in a command (2.3.8, 4.1.2)"),
      ErrorCase(
        id: "SNI with a space", arguments: ["probe", "x.org", "--sni", "mx x.org"],
        expected: hostName("--sni", "mx x.org", "\"\u{20}\" is not allowed")),
      ErrorCase(
        id: "SNI not in A-labels", arguments: ["probe", "x.org", "--sni", "mx.bücher.example"],
        expected: hostName(
          "--sni", "mx.bücher.example",
          "non-ASCII character \"ü\"; give an international name as A-labels (xn--)")),
      ErrorCase(
        id: "SNI over 253 octets", arguments: ["probe", "x.org", "--sni", longName],
        expected: hostName("--sni", longName, "254 octets, over 253")),
      ErrorCase(
        id: "SNI label over 63 octets",
        arguments: ["probe", "x.org", "--sni", String(repeating: "a", count: 64) + ".test"],
        expected: hostName(
          "--sni", String(repeating: "a", count: 64) + ".test", "a label is over 63 octets")),
      ErrorCase(
        id: "SNI as an IP address", arguments: ["probe", "x.org", "--sni", "192.0.2.1"],
        expected: hostName(
          "--sni", "192.0.2.1", "an IP address is never sent as SNI (RFC 6066 3)")),
    ]

  private static let longName =
    (0..<4).map { _ in String(repeating: "a", count: 62) }.joined(separator: ".") + ".ab"

  private static func legacy(_ value: String) -> String {
    "server (--server) \"\(value)\" is not a dotted-quad IPv4 address: write four decimal "
      + "numbers 0-255 without leading zeros (RFC 6943 3.1.1)"
  }

  private static func hostName(_ option: String, _ value: String, _ reason: String) -> String {
    "TLS server name (\(option)) \(InputError.quote(value)) is not a host name: \(reason) "
      + "(RFC 1123 2.1)"
  }

  @Test(arguments: errorCases)
  func refuses(_ c: ErrorCase) {
    do {
      let invocation = try Invocation(arguments: c.arguments)
      Issue.record("accepted: \(invocation)")
    } catch {
      #expect(error.description == c.expected)
      #expect(!error.description.contains("\n") && !error.description.contains("\r"))
    }
  }

  /// An invisible character in each option that names an address or a host.
  struct InvisibleCase: CustomTestStringConvertible, Sendable {
    let id: String
    let scalar: Unicode.Scalar
    var testDescription: String { id }
  }

  static let invisibles: [InvisibleCase] = [
    InvisibleCase(id: "LINE SEPARATOR", scalar: "\u{2028}"),
    InvisibleCase(id: "PARAGRAPH SEPARATOR", scalar: "\u{2029}"),
    InvisibleCase(id: "ZERO WIDTH SPACE", scalar: "\u{200B}"),
    InvisibleCase(id: "RIGHT-TO-LEFT OVERRIDE", scalar: "\u{202E}"),
    InvisibleCase(id: "FIRST STRONG ISOLATE", scalar: "\u{2068}"),
    InvisibleCase(id: "BYTE ORDER MARK", scalar: "\u{FEFF}"),
    InvisibleCase(id: "NO-BREAK SPACE", scalar: "\u{00A0}"),
  ]

  @Test(arguments: invisibles)
  func refusesInvisibleCharacters(_ c: InvisibleCase) throws {
    let x = String(Character(c.scalar))
    let hex = String(c.scalar.value, radix: 16, uppercase: true)
    let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let escaped = "\\u{\(hex)}"
    let lines: [(field: String, arguments: [String], printed: String)] = [
      (
        "recipient address (--to)", ["probe", "x.org", "--to", "bob@exa\(x)mple.org"],
        "bob@exa\(escaped)mple.org"
      ),
      (
        "sender address (--from)", ["probe", "x.org", "--from", "\(x)bob@x.org"],
        "\(escaped)bob@x.org"
      ),
      ("EHLO name (--helo)", ["probe", "x.org", "--helo", "a\(x).test"], "a\(escaped).test"),
      ("command argument", ["probe", "exa\(x)mple.org"], "exa\(escaped)mple.org"),
      ("server (--server)", ["probe", "--server", "mx\(x).test"], "mx\(escaped).test"),
      ("TLS server name (--sni)", ["probe", "x.org", "--sni", "mx\(x).test"], "mx\(escaped).test"),
    ]
    for line in lines {
      let expected =
        "\(line.field) \"\(line.printed)\" contains the invisible character U+\(code); "
        + "separators and format characters are not allowed (RFC 5892 2.1)"
      let message: String
      do {
        let invocation = try Invocation(arguments: line.arguments)
        guard case .probe(let options) = invocation.command else {
          Issue.record("not a probe: \(line.arguments)")
          continue
        }
        // Addresses and the EHLO name are checked when the request is built.
        do {
          _ = try ProbeCommand(options: options).makeRequest(environment: [:])
          Issue.record("accepted: \(line.arguments)")
          continue
        } catch {
          message = error.message
        }
      } catch {
        message = error.description
      }
      #expect(message == expected, "\(line.arguments)")
      #expect(!message.unicodeScalars.contains(c.scalar))
    }
  }

  @Test func acceptsPlainHostsAndAddresses() throws {
    let good: [[String]] = [
      ["probe", "--server", "192.0.2.1"], ["probe", "--server", "mx-1.example.org."],
      ["probe", "--server", "0.0.0.0:2525"], ["probe", "--server", "[::ffff:192.0.2.1]:25"],
      ["probe", "x.org", "--sni", "xn--bcher-kva.example"],
      ["probe", "x.org", "--sni", "localhost"],
      ["probe", "x.org", "--timeout", "86400", "--max-time", "0.5", "--connect-timeout", ".5"],
    ]
    for arguments in good {
      #expect(throws: Never.self, "\(arguments)") { try Invocation(arguments: arguments) }
    }
  }
}
