/// An address to verify: an RFC 5321 4.1.2 `Mailbox`, checked strictly, domain in A-labels.
///
/// This is verify's parser, stricter than `Address` (which checks `--to`/`--from` for the wire):
/// it names the 0-based position and the rule broken, converts IDN domains to A-labels (RFC
/// 5891) and decodes address literals to bytes (RFC 5321 4.1.3). Every address it accepts is
/// also accepted by `Address`.
public struct VerifyAddress: Hashable, Sendable, CustomStringConvertible {
  /// The domain part: a name in A-labels, or an IPv4 or IPv6 address literal.
  public enum Domain: Hashable, Sendable {
    /// A domain name, lower-cased, in A-labels; `unicode` is as typed when it held U-labels.
    case name(ascii: String, unicode: String?)
    /// `[192.0.2.1]`: 4 bytes.
    case ipv4([UInt8])
    /// `[IPv6:2001:db8::1]`: 16 bytes.
    case ipv6([UInt8])
  }

  /// The text as given.
  public let input: String
  /// The local part as given, quotes and backslashes kept (RFC 5321 2.4: its case is the
  /// receiving host's business, so it is never changed).
  public let localPart: String
  public let domain: Domain

  /// The longest local part, in octets (RFC 5321 4.5.3.1.1).
  public static let maxLocalPartOctets = 64
  /// The longest domain, in octets (RFC 5321 4.5.3.1.2).
  public static let maxDomainOctets = 255
  /// The longest path, `<` and `>` included, in octets (RFC 5321 4.5.3.1.3).
  public static let maxPathOctets = 256

  init(input: String, localPart: String, domain: Domain) {
    self.input = input
    self.localPart = localPart
    self.domain = domain
  }

  /// Parses `text`, a bare mailbox or one in angle brackets.
  public static func parse(_ text: String) throws(MailboxSyntaxError) -> VerifyAddress {
    try MailboxParser(text).parse()
  }

  /// Whether the local part holds UTF-8, so MAIL needs the SMTPUTF8 parameter (RFC 6531 3.4);
  /// the domain never does, being sent in A-labels.
  public var needsSMTPUTF8: Bool { localPart.unicodeScalars.contains { !$0.isASCII } }

  /// The domain as it goes on the wire and into DNS: A-labels, or the literal in brackets.
  public var wireDomain: String {
    switch domain {
    case .name(let ascii, _): ascii
    case .ipv4(let bytes): "[\(IPAddressBytes.text(bytes))]"
    case .ipv6(let bytes): "[IPv6:\(IPAddressBytes.ipv6Text(bytes))]"
    }
  }

  /// The domain name to look up MX records for, or nil for an address literal (RFC 5321 5.1:
  /// a literal names the host itself).
  public var domainName: String? {
    if case .name(let ascii, _) = domain { return ascii }
    return nil
  }

  /// `local-part@domain` as RCPT carries it, domain in A-labels.
  public var mailbox: String { "\(localPart)@\(wireDomain)" }

  public var description: String { mailbox }

  /// The same mailbox as the wire layer's `Address`, for the RCPT command.
  public func address() throws(InputError) -> Address { try Address(mailbox) }
}
