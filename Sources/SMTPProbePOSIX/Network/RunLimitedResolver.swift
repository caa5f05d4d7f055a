import SMTPProbeCore

/// A `LibresolvResolver` whose lookups end with the run's `--max-time`: a lookup asked once
/// the deadline has passed is not sent, and one sent before waits no longer than what is left.
///
/// The exchanges wait in whole seconds (`ResolverConfiguration.timeoutSeconds`, as
/// `res_ninit`'s `timeout` option), so a lookup with less left gets one try of that time
/// rounded up, and one that times out after the deadline is reported as cut, not as a silent
/// server: the server was not given its own timeout.
public struct RunLimitedResolver: Resolver {
  /// The resolver's own settings (`--dns-server`, its timeout and tries).
  public var configuration: ResolverConfiguration
  /// The run's deadline.
  public var limit: RunLimit

  /// The timeout and tries of an unset configuration (LibresolvResolver's for a given server).
  static let defaultTimeoutSeconds = 5
  static let defaultTries = 2

  public init(configuration: ResolverConfiguration, limit: RunLimit) {
    self.configuration = configuration
    self.limit = limit
  }

  public func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer {
    let clock = SystemClock()
    let remaining = limit.remainingSeconds(on: clock)
    guard remaining > 0 else { throw .cutByMaxTime(seconds: limit.seconds) }
    var bounded = configuration
    let timeout = configuration.timeoutSeconds ?? Self.defaultTimeoutSeconds
    let tries = configuration.tries ?? Self.defaultTries
    if Double(timeout * tries) > remaining {
      bounded.timeoutSeconds = max(1, Int(remaining.rounded(.up)))
      bounded.tries = 1
    }
    do throws(DNSError) {
      return try LibresolvResolver(configuration: bounded).query(name, type)
    } catch {
      if limit.isReached(on: clock), !error.isDefinitiveAnswer {
        throw .cutByMaxTime(seconds: limit.seconds)
      }
      throw error
    }
  }
}
