/// Where and how patiently a resolver asks.
public struct ResolverConfiguration: Hashable, Sendable {
  /// The server to ask (`--dns-server`); nil uses the name servers in /etc/resolv.conf.
  public var server: DNSServerAddress?
  /// Seconds to wait for each try; nil keeps the system's: resolv.conf `options timeout:`
  /// (resolv.conf(5)), else glibc's RES_TIMEOUT of 5.
  public var timeoutSeconds: Int?
  /// Tries per server before giving up; nil keeps resolv.conf `options attempts:`, else
  /// glibc's RES_DFLRETRY of 2.
  public var tries: Int?

  public init(server: DNSServerAddress? = nil, timeoutSeconds: Int? = nil, tries: Int? = nil) {
    self.server = server
    self.timeoutSeconds = timeoutSeconds.map { max(1, $0) }
    self.tries = tries.map { max(1, $0) }
  }

  /// The server as said in messages: its address, or the system configuration.
  public var serverDescription: String {
    server?.description ?? "from /etc/resolv.conf"
  }
}
