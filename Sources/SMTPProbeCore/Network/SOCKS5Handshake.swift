/// The client side of a SOCKS5 CONNECT (RFC 1928) with optional user name and password
/// (RFC 1929), as a value: bytes in, the next action out; it never touches a socket.
///
/// `start()` gives the greeting; after each write the driver reads at most `octetsWanted`
/// octets and passes them to `receive(_:)` (any chunking), which says to read more, to send
/// the next request, that the tunnel is up, or why it failed. Because the driver never reads
/// past a reply, the first bytes of the tunnelled stream (an SMTP greeting) stay in the socket
/// for the session. The destination is always an IP address (ATYP X'01' or X'04', RFC 1928 5):
/// we resolve names ourselves, so routing and the addresses tried stay ours.
public struct SOCKS5Handshake: Sendable {
  /// The exchange the handshake is in.
  public enum Step: String, Hashable, Sendable, CustomStringConvertible {
    /// Version identifier/method selection (RFC 1928 section 3).
    case methodSelection = "method selection"
    /// Username/password sub-negotiation (RFC 1929 section 2).
    case authentication = "authentication"
    /// The CONNECT request and its reply (RFC 1928 sections 4 and 6).
    case connect = "CONNECT"

    public var description: String { rawValue }
  }

  /// A user name and password for RFC 1929, each 1 to 255 octets.
  public struct Credentials: Hashable, Sendable {
    /// The longest user name or password RFC 1929 section 2 can carry (a one-octet length).
    public static let maximumOctets = 255

    public let user: String
    public let password: Secret

    /// Nil when the user name or the password is empty or longer than 255 octets.
    public init?(user: String, password: Secret) {
      let passwordOctets = password.withRevealedBytes(\.count)
      guard (1...Self.maximumOctets).contains(user.utf8.count),
        (1...Self.maximumOctets).contains(passwordOctets)
      else { return nil }
      self.user = user
      self.password = password
    }
  }

  /// What the driver does next.
  public enum Action: Hashable, Sendable {
    /// Read at most this many more octets and pass them in.
    case receive(octets: Int)
    /// Write these octets, then read at most `octetsWanted`. A `Secret`, because the RFC 1929
    /// request carries the password.
    case send(Secret)
    /// The tunnel is up; `bound` is the proxy's own address for it (BND.ADDR, BND.PORT) when
    /// given as an IP address.
    case connected(bound: SocketAddress?)
    /// The handshake failed; close the connection.
    case failed(SOCKS5Error)
  }

  /// Method X'00', no authentication required (RFC 1928 section 3).
  static let noAuthentication: UInt8 = 0x00
  /// Method X'02', username/password (RFC 1929).
  static let usernamePassword: UInt8 = 0x02
  /// Method X'FF', no acceptable methods.
  static let noAcceptableMethods: UInt8 = 0xFF

  public let destination: SocketAddress
  public let credentials: Credentials?
  public private(set) var step = Step.methodSelection
  /// The octets of the current reply received so far.
  private var buffer: [UInt8] = []
  private var finished = false

  public init(destination: SocketAddress, credentials: Credentials?) {
    self.destination = destination
    self.credentials = credentials
  }

  /// The greeting: version 5 and the methods offered (RFC 1928 section 3), no authentication
  /// always, username/password too when credentials are given.
  public func start() -> Secret {
    let methods =
      credentials == nil ? [Self.noAuthentication] : [Self.noAuthentication, Self.usernamePassword]
    return Secret(bytes: [0x05, UInt8(methods.count)] + methods)
  }

  /// How many octets the current reply still needs at most; read no more than this.
  ///
  /// Before the address type of a CONNECT reply is known, 5 octets: no reply is shorter
  /// (RFC 1928 section 6: VER, REP, RSV, ATYP and at least one octet of BND.ADDR).
  public var octetsWanted: Int {
    switch step {
    case .methodSelection, .authentication:
      return max(0, 2 - buffer.count)
    case .connect:
      guard let length = replyLength else { return max(0, 5 - buffer.count) }
      return max(0, length - buffer.count)
    }
  }

  /// The whole CONNECT reply's length, once the octets read tell it.
  private var replyLength: Int? {
    guard buffer.count >= 4 else { return nil }
    let next = buffer.count > 4 ? buffer[4] : nil
    return Self.addressLength(type: buffer[3], next: next).map { 4 + $0 + 2 }
  }

  /// Takes the next octets of the proxy's reply, in any chunking; an empty array means the
  /// proxy closed the connection.
  public mutating func receive(_ octets: [UInt8]) -> Action {
    guard !finished else { return .failed(.unexpectedOctets(step: step)) }
    guard !octets.isEmpty else { return fail(.closed(step: step)) }
    buffer += octets
    switch step {
    case .methodSelection: return methodReply()
    case .authentication: return authenticationReply()
    case .connect: return connectReply()
    }
  }

  /// RFC 1928 section 3: VER X'05', METHOD.
  private mutating func methodReply() -> Action {
    guard buffer[0] == 0x05 else { return fail(.notSOCKS5(step: step, octets: buffer)) }
    guard buffer.count >= 2 else { return .receive(octets: octetsWanted) }
    guard buffer.count == 2 else { return fail(.unexpectedOctets(step: step)) }
    switch buffer[1] {
    case Self.noAuthentication:
      return advance(to: .connect, sending: connectRequest())
    case Self.usernamePassword where credentials != nil:
      return advance(to: .authentication, sending: authenticationRequest())
    case Self.noAcceptableMethods:
      return fail(.noAcceptableMethod(offeredPassword: credentials != nil))
    default:
      return fail(.unofferedMethod(buffer[1]))
    }
  }

  /// RFC 1929 section 2: VER X'01', STATUS X'00' for success.
  private mutating func authenticationReply() -> Action {
    guard buffer[0] == 0x01 else { return fail(.notSOCKS5(step: step, octets: buffer)) }
    guard buffer.count >= 2 else { return .receive(octets: octetsWanted) }
    guard buffer[1] == 0x00 else { return fail(.authenticationRefused(status: buffer[1])) }
    guard buffer.count == 2 else { return fail(.unexpectedOctets(step: step)) }
    return advance(to: .connect, sending: connectRequest())
  }

  /// Reads the CONNECT reply (RFC 1928 section 6: VER, REP, RSV, ATYP, BND.ADDR, BND.PORT).
  ///
  /// A failure code decides at the second octet, whatever follows.
  private mutating func connectReply() -> Action {
    guard buffer[0] == 0x05 else { return fail(.notSOCKS5(step: step, octets: buffer)) }
    guard buffer.count >= 2 else { return .receive(octets: octetsWanted) }
    let code = SOCKS5ReplyCode(rawValue: buffer[1])
    guard code == .succeeded else { return fail(.connectFailed(code)) }
    if buffer.count >= 4, Self.addressLength(type: buffer[3], next: 0) == nil {
      return fail(.unknownAddressType(buffer[3]))
    }
    guard let length = replyLength, buffer.count >= length else {
      return .receive(octets: octetsWanted)
    }
    guard buffer.count == length else { return fail(.unexpectedOctets(step: step)) }
    finished = true
    let port = Int(buffer[length - 2]) << 8 | Int(buffer[length - 1])
    let bound =
      buffer[3] == 0x03
      ? nil : SocketAddress(addressBytes: Array(buffer[4..<(length - 2)]), port: port, scopeID: 0)
    return .connected(bound: bound)
  }

  /// The length of BND.ADDR for address type `type`: 4 (IPv4), 16 (IPv6), or 1 + the length
  /// octet `next` for a domain name; nil for an undefined type (RFC 1928 section 5).
  private static func addressLength(type: UInt8, next: UInt8?) -> Int? {
    switch type {
    case 0x01: 4
    case 0x04: 16
    case 0x03: next.map { 1 + Int($0) }
    default: nil
    }
  }

  /// RFC 1929 section 2: VER X'01', ULEN, UNAME, PLEN, PASSWD.
  private func authenticationRequest() -> Secret {
    guard let credentials else { return Secret(bytes: []) }
    let user = Array(credentials.user.utf8)
    return credentials.password.withRevealedBytes { password in
      Secret(bytes: [0x01, UInt8(user.count)] + user + [UInt8(password.count)] + password)
    }
  }

  /// RFC 1928 section 4: VER 5, CMD X'01' CONNECT, RSV, ATYP 1 or 4, DST.ADDR, DST.PORT in
  /// network order.
  private func connectRequest() -> Secret {
    let type: UInt8 = destination.family == .ipv6 ? 0x04 : 0x01
    let port = UInt16(destination.port)
    return Secret(
      bytes: [0x05, 0x01, 0x00, type] + destination.addressBytes
        + [UInt8(port >> 8), UInt8(port & 0xFF)])
  }

  private mutating func advance(to next: Step, sending request: Secret) -> Action {
    step = next
    buffer = []
    return .send(request)
  }

  private mutating func fail(_ error: SOCKS5Error) -> Action {
    finished = true
    return .failed(error)
  }
}
