/// Everything one `smtpprobe probe` run needs, validated by the caller before it is run.
///
/// The dialogue itself is the `plan` (its `tls` mode is STARTTLS's); the rest says where to
/// connect and how (DESIGN.md, "Command line").
public struct ProbeRequest: Sendable {
  /// What to probe.
  public enum Target: Hashable, Sendable, CustomStringConvertible {
    /// A mail domain: its MX hosts, found as RFC 5321 5.1 says.
    case domain(String)
    /// One host, by name or IP address (`--server HOST[:PORT]`); `port` overrides the request's.
    case server(host: String, port: Int?)

    /// `good.test`, or `127.0.0.1:2525` for a server.
    public var description: String {
      switch self {
      case .domain(let domain): domain
      case .server(let host, let port?):
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
      case .server(let host, nil): host
      }
    }
  }

  public var target: Target
  /// The port to connect to when the target does not name one (25, or 465 with implicit TLS).
  public var port: Int
  /// `-4` / `-6`.
  public var family: AddressFamilyPreference
  /// Seconds to wait for each TCP connect (and for an implicit TLS handshake).
  public var connectTimeout: Double
  /// The dialogue to run on each connection; `tlsServerName` is set per host by the runner.
  public var plan: DialoguePlan
  /// How TLS is set up beyond the STARTTLS mode in `plan`.
  public var tls: ProbeTLSOptions
  /// Probe every MX host (`--all-mx`) instead of stopping at the first that answers.
  public var allMX: Bool
  /// The DNS server given with `--dns-server`, if any (nil: the system's resolver).
  public var dnsServer: DNSServerAddress?
  /// Seconds the whole run may take, DNS included (`--max-time`); nil for no limit.
  public var maxTime: Double?
  /// How many addresses of one MX host are tried (`--mx-address-limit`, Postfix's
  /// `smtp_mx_address_limit`, default 5; 0 is no limit).
  public var mxAddressLimit: Int
  /// Go on to the next MX when a host answers its greeting with 4xx or ends the session with
  /// 421 (RFC 5321 5.1 and 3.8: the mail may be deliverable through another host); `verify`
  /// sets it, `probe` reports the first host that answered.
  public var nextMXOnTransient = false
  /// Things the caller noticed about the request worth telling the user (an EHLO name that is
  /// not a fully qualified domain name).
  public var notes: [String]

  public init(
    target: Target, port: Int = 25, family: AddressFamilyPreference = .any,
    connectTimeout: Double = 15, plan: DialoguePlan, tls: ProbeTLSOptions = ProbeTLSOptions(),
    allMX: Bool = false, dnsServer: DNSServerAddress? = nil, maxTime: Double? = nil,
    mxAddressLimit: Int = 5, notes: [String] = []
  ) {
    self.maxTime = maxTime
    self.mxAddressLimit = mxAddressLimit
    self.target = target
    self.port = port
    self.family = family
    self.connectTimeout = connectTimeout
    self.plan = plan
    self.tls = tls
    self.allMX = allMX
    self.dnsServer = dnsServer
    self.notes = notes
  }

  /// The port to connect to.
  public var effectivePort: Int {
    if case .server(_, let port?) = target { return port }
    return port
  }
}
