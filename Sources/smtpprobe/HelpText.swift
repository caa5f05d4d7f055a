/// The text `--help` prints, for the tool and for each command, and the version line.
///
/// The option lists are written from the `Option` declarations: a name with its value in a
/// 24-column left column, the help wrapped to 80 columns beside it, or under it when the name
/// is wider.
enum HelpText {
  /// Which help page.
  enum Topic: Hashable, Sendable {
    case tool
    case explain
    case probe
    case verify
    case check
  }

  static let version = "smtpprobe 0.1.0"

  static func text(_ topic: Topic) -> String {
    switch topic {
    case .tool: tool
    case .explain: explain
    case .probe: probe
    case .verify: verify
    case .check: check
    }
  }

  /// The column where help lines start.
  static let helpColumn = 26
  /// The width help lines wrap to.
  static let width = 80

  /// One section of options: its title, then one entry per option.
  static func section(_ section: OptionDeclaration.Section, for command: CommandName?) -> String {
    let declarations = Option.allCases.map(\.declaration).filter { declaration in
      declaration.section == section
        && (command.map { declaration.applies(to: $0) && !declaration.commands.isEmpty }
          ?? declaration.commands.isEmpty)
    }
    return ([section.rawValue + ":"] + declarations.map(entry)).joined(separator: "\n")
  }

  /// `  --name VALUE            help`, wrapped; the help goes on the next line when the name
  /// reaches the help column.
  static func entry(_ declaration: OptionDeclaration) -> String {
    let left = "  " + declaration.synopsis
    let indent = String(repeating: " ", count: helpColumn)
    var lines: [String] = []
    var current =
      left.count + 2 <= helpColumn
      ? left + String(repeating: " ", count: helpColumn - left.count) : nil
    if current == nil { lines.append(left) }
    for word in declaration.help.split(separator: " ") {
      if let line = current, line.count + 1 + word.count > width, line.count > helpColumn {
        lines.append(line)
        current = nil
      }
      if let line = current {
        current = line.count == helpColumn ? line + word : line + " " + word
      } else {
        current = indent + word
      }
    }
    if let current { lines.append(current) }
    return lines.joined(separator: "\n")
  }

  static var tool: String {
    """
    smtpprobe: an SMTP diagnostic probe that explains every reply.

    Usage:
      smtpprobe explain CODE [CODE] | X.Y.Z | "REPLY TEXT" | - [options]
      smtpprobe probe DOMAIN | --server HOST[:PORT] [options]
      smtpprobe verify ADDRESS... | --file PATH|- [options]
      smtpprobe check DOMAIN | --server HOST[:PORT] [options]
      smtpprobe help [COMMAND]

    Commands:
      explain   explain a reply code, compare two, explain an enhanced status code,
                or diagnose a pasted server reply
      probe     talk to a mail server and explain each reply
      verify    will this address accept mail? one address or a list
      check     health checks for monitoring and CI (Nagios, JUnit, GitHub, Prometheus)

    \(section(.output, for: nil))

    Exit codes: 0 success; 1 permanent (5xx) rejection; 2 transient (4xx) rejection;
    3 could not complete; 64 usage error or invalid input; 74 output not written;
    128 + N ended by signal N (130 Ctrl-C).
    Run 'smtpprobe COMMAND --help' for a command's options.
    """
  }

  static var explain: String {
    """
    smtpprobe explain: what an SMTP reply means and what to do about it.

    Usage:
      smtpprobe explain CODE          the card of a reply code (explain 421)
      smtpprobe explain CODE CODE     two cards compared (explain 251 551)
      smtpprobe explain X.Y.Z         an enhanced status code (5.7.1, or X.7.1)
      smtpprobe explain "REPLY TEXT"  diagnose a server's reply (quotes optional)
      smtpprobe explain -             diagnose what is pasted on standard input
                                      (at most 1 MiB): replies, swaks transcripts,
                                      bounce messages

    \(section(.explain, for: .explain))

    \(section(.output, for: nil))

    Exit codes: 0 explained; 64 unknown code or bad input; 74 output not written.
    """
  }

  static var probe: String {
    """
    smtpprobe probe: talk to a mail server and explain each reply.

    Usage:
      smtpprobe probe DOMAIN [options]
      smtpprobe probe --server HOST[:PORT] [options]     (IPv6: --server [::1]:2525)

    \(section(.dialogue, for: .probe))

    \(section(.tlsAndAuth, for: .probe))

    \(section(.network, for: .probe))

    \(section(.output, for: nil))

    Durations are seconds above 0 and at most 86400 (one day).

    Exit codes: 0 every reply positive; 1 a permanent (5xx) rejection; 2 a transient
    (4xx) rejection; 3 could not complete (DNS, connect, TLS, protocol, timeout);
    64 usage error; 74 output not written; 128 + N ended by signal N (130 Ctrl-C,
    143 SIGTERM).
    """
  }

  static var verify: String {
    """
    smtpprobe verify: will this address accept mail? Asks the domain's MX with RCPT TO,
    never sends a message.

    Usage:
      smtpprobe verify ADDRESS... [options]
      smtpprobe verify --file PATH|- [options]

    \(section(.verify, for: .verify))

    \(section(.dialogue, for: .verify))

    \(section(.tlsAndAuth, for: .verify))

    \(section(.network, for: .verify))

    \(section(.output, for: .verify))
    \(section(.output, for: nil).split(separator: "\n").dropFirst().joined(separator: "\n"))

    Verdicts: deliverable, undeliverable, risky, unknown (a refusal of the prober is
    unknown/prober-refused, never undeliverable).

    Exit codes: one address: 0 deliverable; 1 undeliverable; 2 risky; 3 unknown.
    A list: 0 when every address got a verdict, 1 when --fail-on names a verdict some
    address got. 64 usage error; 74 output not written.
    """
  }

  static var check: String {
    """
    smtpprobe check: health checks of mail servers, in the formats monitoring reads.

    Usage:
      smtpprobe check DOMAIN... [options]            every MX host of each DOMAIN
      smtpprobe check --server HOST[:PORT] [options]
      smtpprobe check --submission HOST[:PORT] [options]
      smtpprobe check --targets FILE|- [options]     one target a line

    Checks: connect, greeting, EHLO, STARTTLS offered / negotiated / verified, TLS
    version and cipher, days left of every certificate, MAIL FROM, postmaster@DOMAIN
    (RFC 5321 4.5.1), --rcpt assertions, PTR, phase timings. The session stops after
    RCPT: no DATA; --relay-test adds the open-relay matrix. Submission: AUTH not
    offered before TLS, --auth-user, MAIL FROM, a real message with
    --send-test-message --to ADDR, and with --roundtrip its arrival over --imap.
    A DOMAIN also gets its DNS posture: SPF (evaluated for --spf-ip), DMARC and its
    report destinations, DKIM keys (--dkim-selector), TLS-RPT, null MX, MTA-STS and
    DANE checked against what each MX really serves, and every MX and given address
    in DNS blocklists (--dnsbl); --no-posture skips it.

    \(section(.check, for: .check))

    \(section(.dialogue, for: .check))

    \(section(.tlsAndAuth, for: .check))

    \(section(.network, for: .check))

    \(section(.output, for: nil))

    RANGE is a Monitoring Plugins range: 10 (above 10 s), 10: (below 10), @5:10 (inside).
    Durations are seconds above 0 and at most 86400; --timeout defaults to 10 here and
    also bounds the connect and the greeting unless those are given.

    Exit codes (Nagios plugin API): 0 OK; 1 WARNING; 2 CRITICAL; 3 UNKNOWN (bad
    arguments, a report file not written); 74 output not written.
    """
  }
}
