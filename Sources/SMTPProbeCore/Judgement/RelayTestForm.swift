/// One form of the open-relay matrix: a MAIL FROM and RCPT TO pair a correctly configured
/// server must refuse when they come from an unauthenticated outside client.
///
/// The forms are the classic relay tests of the relay-test.mail-abuse.org era (its transcript
/// runs an outside sender to an outside recipient, the null sender, the quoted local part,
/// then routing tricks), each an address form some MTA once resolved to a remote destination.
/// RFC 2505 2 asks MTAs to refuse relaying for outsiders whatever the address form.
public enum RelayTestForm: String, Hashable, Sendable, CaseIterable {
  /// An outside sender to an outside recipient: plain third-party relaying (RFC 5321 3.9,
  /// RFC 2505 2).
  case outsideToOutside = "outside-to-outside"
  /// `user%outside@target`: the percent hack, which Postfix rewrites to `user@outside` when
  /// `allow_percent_hack` is on and sendmail checks with `FEATURE(loose_relay_check)`.
  case percentHack = "percent-hack"
  /// `outside!user@target`: a UUCP bang path, rewritten to `user@outside` by Postfix's
  /// `swap_bangpath`.
  case bangPath = "bang-path"
  /// `"user@outside"@target`: a quoted local part holding an `@` (RFC 5321 4.1.2
  /// Quoted-string), the "quote test" of the classic relay tests.
  case quotedLocalPart = "quoted-local-part"
  /// `user@outside@target`: two `@`, which a lax parser splits at the last one and a router at
  /// the first.
  case doubleAt = "double-at"
  /// `@target:user@outside`: a source route (RFC 5321 4.1.2 A-d-l); Appendix C lets servers
  /// refuse routes or ignore them and deliver to the last element, which is the outside one.
  case sourceRoute = "source-route"
  /// `user%outside@[IP]`: the percent hack at the server's own address literal (RFC 5321
  /// 4.1.3), which a server may treat as local when its host name is not.
  case ipLiteral = "ip-literal"
  /// The null reverse-path `<>` (RFC 5321 4.5.5) to an outside recipient: bounces may not be
  /// a way around relay control.
  case nullSender = "null-sender"
  /// The target domain as the sender to an outside recipient: catches relay rules that trust
  /// the sender address rather than the client (the classic tests sent the target's own
  /// domain as sender for this reason).
  case ownDomainSender = "own-domain-sender"

  /// How the form is named to a person.
  public var title: String {
    switch self {
    case .outsideToOutside: "outside sender to outside recipient"
    case .percentHack: "percent hack"
    case .bangPath: "bang path"
    case .quotedLocalPart: "quoted local part with @"
    case .doubleAt: "double @"
    case .sourceRoute: "source route"
    case .ipLiteral: "IP literal with percent hack"
    case .nullSender: "null sender"
    case .ownDomainSender: "target domain as sender"
    }
  }
}
