import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX
@testable import smtpprobe

/// `--proxy socks5://[USER@]HOST:PORT` and its password, checked before any connection.
@Suite struct ProxyOptionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var host: String?
    var port: Int?
    var user: String?
    /// The one-line error, when the value is refused.
    var error: String?
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "IPv4", text: "socks5://127.0.0.1:1080", host: "127.0.0.1", port: 1080),
    Case(
      id: "name and user", text: "socks5://probe@proxy.example:1080", host: "proxy.example",
      port: 1080, user: "probe"),
    Case(id: "IPv6 in brackets", text: "socks5://[::1]:1080/", host: "::1", port: 1080),
    Case(id: "scheme in capitals", text: "SOCKS5://127.0.0.1:9050", host: "127.0.0.1", port: 9050),
    Case(
      id: "user with an at sign", text: "socks5://me@example.org@10.0.0.1:1080",
      host: "10.0.0.1", port: 1080, user: "me@example.org"),
    Case(
      id: "socks5h", text: "socks5h://127.0.0.1:1080",
      error: "invalid --proxy: scheme 'socks5h' is not supported; only socks5:// (names are"
        + " resolved here, and the proxy is asked for the address)"),
    Case(
      id: "http", text: "http://127.0.0.1:3128",
      error: "invalid --proxy: scheme 'http' is not supported; only socks5:// (names are"
        + " resolved here, and the proxy is asked for the address)"),
    Case(
      id: "no scheme", text: "127.0.0.1:1080",
      error: "invalid --proxy: expected socks5://[USER@]HOST:PORT"),
    Case(
      id: "password in the URI", text: "socks5://probe:hunter2@127.0.0.1:1080",
      error: "invalid --proxy: a password does not belong on the command line; give USER@ only"
        + " and put the password in SMTPPROBE_PROXY_PASSWORD"),
    Case(
      id: "no port", text: "socks5://127.0.0.1",
      error: "invalid --proxy: a port is required: socks5://HOST:PORT (IPv6 as [::1]:1080)"),
    Case(
      id: "port 0", text: "socks5://127.0.0.1:0",
      error: "invalid --proxy: port '0' is not a number from 1 to 65535"),
    Case(
      id: "port 65536", text: "socks5://127.0.0.1:65536",
      error: "invalid --proxy: port '65536' is not a number from 1 to 65535"),
    Case(
      id: "port with a sign", text: "socks5://127.0.0.1:+80",
      error: "invalid --proxy: port '+80' is not a number from 1 to 65535"),
    Case(
      id: "empty user", text: "socks5://@127.0.0.1:1080",
      error: "invalid --proxy: the user name before '@' is empty"),
    Case(
      id: "user over 255 octets",
      text: "socks5://" + String(repeating: "u", count: 256) + "@127.0.0.1:1080",
      error: "invalid --proxy: the user name is 256 octets; RFC 1929 allows at most 255"),
    Case(
      id: "control character in user", text: "socks5://a\u{1B}b@127.0.0.1:1080",
      error: "invalid --proxy: the user name contains the control character \\u{1B}"),
    Case(
      id: "bad host", text: "socks5://exa mple:1080",
      error: "invalid --proxy: 'exa mple' is not a host name or IP address"),
    Case(
      id: "newline in host", text: "socks5://a\nb:1080",
      error: "invalid --proxy: 'a\\nb' is not a host name or IP address"),
    Case(
      id: "octal-looking address", text: "socks5://010.0.0.1:1080",
      error: "invalid --proxy: '010.0.0.1' is not a host name or IP address"),
  ]

  @Test(arguments: cases)
  func parses(_ c: Case) {
    do {
      let proxy = try ProxyAddress(parsing: c.text)
      #expect(c.error == nil)
      #expect(proxy.host == c.host)
      #expect(proxy.port == c.port)
      #expect(proxy.user == c.user)
    } catch {
      #expect(error.description == c.error)
      #expect(!error.description.contains("\n"))
      #expect(!error.description.contains("hunter2"))
    }
  }

  @Test(arguments: ["probe", "verify", "check"])
  func everyConnectingCommandTakesIt(_ command: String) throws {
    let target = command == "verify" ? "bob@example.org" : "example.org"
    let invocation = try Invocation(
      arguments: [command, target, "--proxy", "socks5://probe@127.0.0.1:1080"])
    let proxy: ProxyAddress?
    switch invocation.command {
    case .probe(let options): proxy = options.proxy
    case .verify(let options): proxy = options.proxy
    case .check(let options): proxy = options.connection.proxy
    default: proxy = nil
    }
    #expect(proxy?.endpoint == "127.0.0.1:1080")
    #expect(proxy?.user == "probe")
  }

  @Test func usageErrorsExit64AndCheckExits3() {
    let bad = ["--proxy", "socks5://127.0.0.1:99999"]
    #expect(Invocation.usageStatus(["probe", "example.org"] + bad) == .usage)
    #expect(Invocation.usageStatus(["verify", "bob@example.org"] + bad) == .usage)
    #expect(Invocation.usageStatus(["check", "example.org"] + bad) == .unknownCheck)
  }

  @Test func thePasswordComesFromTheEnvironmentAndIsBounded() throws {
    let proxy = try ProxyAddress(parsing: "socks5://probe@127.0.0.1:1080")
    #expect(throws: ProxySetup.Problem.missing(user: "probe")) {
      try ProxySetup.credentials(for: proxy, environment: [:])
    }
    #expect(throws: ProxySetup.Problem.empty) {
      try ProxySetup.credentials(for: proxy, environment: ["SMTPPROBE_PROXY_PASSWORD": ""])
    }
    let long = String(repeating: "p", count: 256)
    #expect(throws: ProxySetup.Problem.tooLong(octets: 256)) {
      try ProxySetup.credentials(for: proxy, environment: ["SMTPPROBE_PROXY_PASSWORD": long])
    }
    let credentials = try ProxySetup.credentials(
      for: proxy, environment: ["SMTPPROBE_PROXY_PASSWORD": "hunter2"])
    #expect(credentials?.user == "probe")
    #expect(credentials?.password.revealedString == "hunter2")
    let anonymous = try ProxyAddress(parsing: "socks5://127.0.0.1:1080")
    #expect(
      try ProxySetup.credentials(
        for: anonymous, environment: ["SMTPPROBE_PROXY_PASSWORD": "unused"]) == nil)
    for problem in [ProxySetup.Problem.missing(user: "probe"), .empty, .tooLong(octets: 300)] {
      #expect(!problem.description.contains("hunter2"))
    }
  }
}
