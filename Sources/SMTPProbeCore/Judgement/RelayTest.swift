/// The MAIL FROM and RCPT TO one relay form sends, built from the target and an outside domain.
///
/// Paths are kept as text because most forms are deliberately not valid RFC 5321 mailboxes
/// and must reach the server byte for byte; the parts come from a validated domain, an IP
/// address and fixed local parts, so they carry no CR or LF.
public struct RelayTest: Hashable, Sendable {
  /// Which form this is.
  public var form: RelayTestForm
  /// The reverse-path between the angle brackets; empty for the null sender.
  public var reversePath: String
  /// The forward-path between the angle brackets.
  public var forwardPath: String

  public init(form: RelayTestForm, reversePath: String, forwardPath: String) {
    self.form = form
    self.reversePath = reversePath
    self.forwardPath = forwardPath
  }

  /// `MAIL FROM:<reverse-path>` as sent (RFC 5321 4.1.1.2).
  public var mailLine: String { "MAIL FROM:<\(reversePath)>" }
  /// `RCPT TO:<forward-path>` as sent (RFC 5321 4.1.1.3).
  public var rcptLine: String { "RCPT TO:<\(forwardPath)>" }

  /// The local part every test address uses, so that a message that did get through is
  /// recognisable in the outside domain's logs.
  public static let localPart = "relay-test"
  /// The outside domain used when none is given: reserved for documentation (RFC 2606 3), so
  /// an accepted test can never deliver to a real mailbox.
  public static let defaultOutsideDomain = "example.net"

  /// The whole matrix for `targetDomain`, in a fixed order.
  ///
  /// `serverAddress` is the address of the host under test, for the IP-literal form, which is
  /// left out when it is nil or not an IP address.
  public static func matrix(
    targetDomain: String, serverAddress: String?,
    outsideDomain: String = RelayTest.defaultOutsideDomain
  ) -> [RelayTest] {
    RelayTestForm.allCases.compactMap {
      make($0, targetDomain: targetDomain, serverAddress: serverAddress, outside: outsideDomain)
    }
  }

  /// The test of one form, or nil when it needs an address that is missing.
  public static func make(
    _ form: RelayTestForm, targetDomain target: String, serverAddress: String?,
    outside: String = RelayTest.defaultOutsideDomain
  ) -> RelayTest? {
    let user = localPart
    let outsider = "\(user)@\(outside)"
    let sender = "probe@\(outside)"
    func test(_ from: String, _ to: String) -> RelayTest {
      RelayTest(form: form, reversePath: from, forwardPath: to)
    }
    switch form {
    case .outsideToOutside: return test(sender, outsider)
    case .percentHack: return test(sender, "\(user)%\(outside)@\(target)")
    case .bangPath: return test(sender, "\(outside)!\(user)@\(target)")
    case .quotedLocalPart: return test(sender, "\"\(outsider)\"@\(target)")
    case .doubleAt: return test(sender, "\(outsider)@\(target)")
    case .sourceRoute: return test(sender, "@\(target):\(outsider)")
    case .ipLiteral:
      guard let literal = serverAddress.flatMap(addressLiteral) else { return nil }
      return test(sender, "\(ipLiteralLocalPart(outside: outside))@\(literal)")
    case .nullSender: return test("", outsider)
    case .ownDomainSender: return test("\(user)@\(target)", outsider)
    }
  }

  /// The local part of the IP-literal form, `relay-test%outside`: the percent hack aimed at
  /// the server's own address literal.
  static func ipLiteralLocalPart(outside: String) -> String {
    "\(localPart)%\(outside)"
  }

  /// `[192.0.2.1]` or `[IPv6:2001:db8::1]` (RFC 5321 4.1.3), or nil for a non-address.
  static func addressLiteral(_ address: String) -> String? {
    IPAddress(unbracketing: address)?.addressLiteral
  }
}
