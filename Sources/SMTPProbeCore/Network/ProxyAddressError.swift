/// Why a `--proxy` value is not a usable `socks5://[USER@]HOST:PORT`, in one line; values are
/// escaped, and no case repeats a password.
public enum ProxyAddressError: Error, Hashable, Sendable, CustomStringConvertible {
  case missingScheme
  case unsupportedScheme(String)
  case passwordInURI
  case emptyUser
  case userTooLong(octets: Int)
  case controlCharacterInUser(UInt32)
  case invalidHost(String)
  case missingPort
  case invalidPort(String)

  public var description: String {
    let prefix = "invalid --proxy: "
    return switch self {
    case .missingScheme:
      prefix + "expected socks5://[USER@]HOST:PORT"
    case .unsupportedScheme(let scheme):
      prefix + "scheme '\(InputError.escaped(scheme))' is not supported; only socks5:// "
        + "(names are resolved here, and the proxy is asked for the address)"
    case .passwordInURI:
      prefix + "a password does not belong on the command line; give USER@ only and put the "
        + "password in SMTPPROBE_PROXY_PASSWORD"
    case .emptyUser:
      prefix + "the user name before '@' is empty"
    case .userTooLong(let octets):
      prefix + "the user name is \(octets) octets; RFC 1929 allows at most 255"
    case .controlCharacterInUser(let scalar):
      prefix + "the user name contains the control character "
        + InputError.escaped(String(Character(Unicode.Scalar(scalar) ?? "?")))
    case .invalidHost(let host):
      prefix + "'\(InputError.escaped(host))' is not a host name or IP address"
    case .missingPort:
      prefix + "a port is required: socks5://HOST:PORT (IPv6 as [::1]:1080)"
    case .invalidPort(let port):
      prefix + "port '\(InputError.escaped(port))' is not a number from 1 to 65535"
    }
  }
}
