import SMTPProbeCore
import SMTPProbePOSIX

/// `--proxy socks5://[USER@]HOST:PORT`: the address, checked when the options are bound, and
/// the connector, with the password read from `SMTPPROBE_PROXY_PASSWORD` (never the command
/// line, where `ps` would show it), both before any connection is opened.
enum ProxySetup {
  /// Where the RFC 1929 password comes from.
  static let passwordVariable = "SMTPPROBE_PROXY_PASSWORD"

  /// Why the proxy password cannot be used; one line, never the password.
  enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(user: String)
    case empty
    case tooLong(octets: Int)

    var description: String {
      switch self {
      case .missing(let user):
        "--proxy with the user '\(InputError.escaped(user))' needs the password in "
          + "\(ProxySetup.passwordVariable)"
      case .empty:
        "the password in \(ProxySetup.passwordVariable) is empty; RFC 1929 needs 1 to 255 octets"
      case .tooLong(let octets):
        "the password in \(ProxySetup.passwordVariable) is \(octets) octets; RFC 1929 allows at "
          + "most 255"
      }
    }
  }

  /// The `--proxy` value, parsed; nil when the option is absent.
  static func address(_ parsed: ParsedArguments) throws(UsageError) -> ProxyAddress? {
    guard let text = parsed.text(.proxy) else { return nil }
    do throws(ProxyAddressError) {
      return try ProxyAddress(parsing: text)
    } catch {
      throw .invalid(error.description)
    }
  }

  /// The RFC 1929 credentials for `proxy`'s user, the password from the environment; nil
  /// when no user was given.
  static func credentials(for proxy: ProxyAddress, environment: Environment) throws(Problem)
    -> SOCKS5Handshake.Credentials?
  {
    guard let user = proxy.user else { return nil }
    guard let value = environment[passwordVariable] else { throw .missing(user: user) }
    let octets = value.utf8.count
    guard octets > 0 else { throw .empty }
    guard let credentials = SOCKS5Handshake.Credentials(user: user, password: Secret(value))
    else { throw .tooLong(octets: octets) }
    return credentials
  }

  /// `credentials(for:environment:)` for an optional proxy, its problem as the caller's
  /// usage error.
  static func checkedCredentials(_ proxy: ProxyAddress?, environment: Environment)
    throws(ProbeCommand.InputProblem) -> SOCKS5Handshake.Credentials?
  {
    guard let proxy else { return nil }
    do throws(Problem) {
      return try credentials(for: proxy, environment: environment)
    } catch {
      throw ProbeCommand.InputProblem(message: error.description)
    }
  }

  /// The connector: through `proxy`, or directly when nil.
  static func connector(
    _ proxy: ProxyAddress?, credentials: SOCKS5Handshake.Credentials?, wakeDescriptor: Int32?
  ) -> any Connector {
    guard let proxy else { return SocketConnector(wakeDescriptor: wakeDescriptor) }
    return SOCKSConnector(
      proxy: proxy, credentials: credentials, wakeDescriptor: wakeDescriptor)
  }

  /// The note a report starts with, so the reader knows whose network the connections used.
  static func note(_ proxy: ProxyAddress) -> String {
    "connections go through the SOCKS5 proxy \(proxy) (RFC 1928); the servers see the proxy's "
      + "address, not this machine's"
  }
}
