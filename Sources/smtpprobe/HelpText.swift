/// The text `--help` prints, for the tool and for each command, and the version line.
enum HelpText {
  /// Which help page.
  enum Topic: Hashable, Sendable {
    case tool
    case explain
    case probe
  }

  static let version = "smtpprobe 0.1.0"

  static func text(_ topic: Topic) -> String {
    switch topic {
    case .tool: tool
    case .explain: explain
    case .probe: probe
    }
  }

  private static let common = """
    Output options:
      --json                  machine-readable output (stable snake_case keys)
      --color auto|always|never
                              colour on a terminal (auto; NO_COLOR turns it off)
      --lang en|tr|ja         language of the section headings
      -h, --help              show this help
      --version               print the version
    """

  static let tool = """
    smtpprobe: an SMTP diagnostic probe that explains every reply.

    Usage:
      smtpprobe explain CODE [CODE] | X.Y.Z | "REPLY TEXT" | - [options]
      smtpprobe probe DOMAIN | --server HOST[:PORT] [options]
      smtpprobe help [COMMAND]

    Commands:
      explain   explain a reply code, compare two, explain an enhanced status code,
                or diagnose a pasted server reply
      probe     talk to a mail server and explain each reply

    \(common)

    Exit codes: 0 success; 1 permanent (5xx) rejection; 2 transient (4xx) rejection;
    3 could not complete; 64 usage error or invalid input.
    Run 'smtpprobe COMMAND --help' for a command's options.
    """

  static let explain = """
    smtpprobe explain: what an SMTP reply means and what to do about it.

    Usage:
      smtpprobe explain CODE          the card of a reply code (explain 421)
      smtpprobe explain CODE CODE     two cards compared (explain 251 551)
      smtpprobe explain X.Y.Z         an enhanced status code (5.7.1, or X.7.1)
      smtpprobe explain "REPLY TEXT"  diagnose a server's reply (quotes optional)
      smtpprobe explain -             diagnose what is pasted on standard input:
                                      replies, swaks transcripts, bounce messages

    Options:
      --after COMMAND         the command the reply answered: greeting, ehlo, mail,
                              rcpt, data, . (end of data), starttls, auth, ...

    \(common)

    Exit codes: 0 explained; 64 unknown code or bad input.
    """

  static let probe = """
    smtpprobe probe: talk to a mail server and explain each reply.

    Usage:
      smtpprobe probe DOMAIN [options]
      smtpprobe probe --server HOST[:PORT] [options]     (IPv6: --server [::1]:2525)

    Dialogue:
      --port N                port (default 25; 465 with --tls-on-connect)
      --from ADDR             envelope sender (default: the null sender <>)
      --to ADDR               recipient; repeat for several
      --helo NAME             name to send in EHLO/HELO
      --quit-after STAGE      stop after connect, greeting, ehlo, starttls, auth,
                          mail, rcpt or data
      --data FILE             send FILE as the message
      --send-test-message     send a small test message
      --no-pipelining         one command per round trip even with PIPELINING
      --all-mx                probe every MX host, not only the first that answers
      --mx-address-limit N    addresses tried per MX host (default 5, 0: all)

    TLS and AUTH:
      --tls auto|require|off  STARTTLS when offered (auto), insist on it, or never
      --tls-on-connect        implicit TLS (port 465)
      --tls-verify            make certificate verification failures an error
      --sni NAME              send NAME as SNI and check the certificate against it
      --cafile PATH           trust the CA certificates in PATH
      --auth-user USER        authenticate as USER
      --auth-password-file PATH
                              read the password from PATH (or SMTPPROBE_PASSWORD)
      --auth-mech MECH        PLAIN, LOGIN or CRAM-MD5 (default: best offered)
      --auth-insecure         allow AUTH without TLS or over untrusted TLS

    Network:
      --dns-server IP[:PORT]  send DNS queries to this server
      --timeout SECONDS       per command (default 30)
      --greeting-timeout SECONDS
                              wait for the greeting (default 60)
      --connect-timeout SECONDS
                              TCP connect (default 15)
      -4, -6                  IPv4 or IPv6 only

    \(common)

    Exit codes: 0 every reply positive; 1 a permanent (5xx) rejection; 2 a transient
    (4xx) rejection; 3 could not complete (DNS, connect, TLS, protocol, timeout);
    64 usage error.
    """
}
