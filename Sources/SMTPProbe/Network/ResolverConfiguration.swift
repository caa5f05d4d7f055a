/// Where and how patiently a resolver asks.
public struct ResolverConfiguration: Hashable, Sendable {
  /// The server to ask (`--dns-server`); nil uses the name servers in /etc/resolv.conf.
  public var server: DNSServerAddress?
  /// Seconds to wait for each try (glibc's RES_TIMEOUT default is 5).
  public var timeoutSeconds: Int
  /// Tries per server before giving up.
  public var tries: Int

  public init(server: DNSServerAddress? = nil, timeoutSeconds: Int = 5, tries: Int = 2) {
    self.server = server
    self.timeoutSeconds = max(1, timeoutSeconds)
    self.tries = max(1, tries)
  }

  /// The server as said in messages: its address, or the system configuration.
  public var serverDescription: String {
    server?.description ?? "from /etc/resolv.conf"
  }
}
