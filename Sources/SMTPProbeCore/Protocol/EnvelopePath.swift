/// A path of MAIL FROM or RCPT TO (RFC 5321 4.1.2 `Reverse-path`, `Forward-path`): a checked
/// mailbox, or raw text sent byte for byte.
public enum EnvelopePath: Hashable, Sendable, CustomStringConvertible {
  /// A mailbox validated as RFC 5321 4.1.2 says (`Address`).
  case address(Address)
  /// Text between the angle brackets, free of control characters and nothing more (`RawPath`).
  case raw(RawPath)
  /// `localPart@[server address]`: a raw local part at the address literal (RFC 5321 4.1.3)
  /// of the server the session is connected to, which is known only once it is; the dialogue
  /// turns it into `raw` before it is sent.
  case atServerAddress(localPart: RawPath)

  /// The path with `<` and `>`, as sent; `atServerAddress` shows `[server]` in place of the
  /// address it does not know yet.
  public var description: String { "<\(text)>" }

  /// What goes between the angle brackets.
  public var text: String {
    switch self {
    case .address(let address): address.mailbox
    case .raw(let raw): raw.text
    case .atServerAddress(let localPart): "\(localPart.text)@[server]"
    }
  }

  /// The mailbox, when the path is one.
  public var address: Address? {
    if case .address(let address) = self { return address }
    return nil
  }

  /// The path made sendable for the server at `serverAddress`: `atServerAddress` becomes
  /// `raw` with the address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`); nil when the
  /// address is unknown or not an IP address.
  public func resolved(serverAddress: String?) -> EnvelopePath? {
    guard case .atServerAddress(let localPart) = self else { return self }
    guard let ip = serverAddress.flatMap({ IPAddress(unbracketing: $0) }) else { return nil }
    return .raw(RawPath(joining: localPart, "@" + ip.addressLiteral))
  }
}
