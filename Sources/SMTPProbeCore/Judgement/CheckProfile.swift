/// Which set of checks a target gets: a receiving MX, or a submission server for clients.
///
/// The inbound profile judges what other mail servers meet (RFC 5321, RFC 3207); the
/// submission profile judges what a mail client meets on port 587 or 465 (RFC 6409, RFC 8314):
/// TLS before AUTH, the credentials, MAIL FROM after AUTH and, when asked, a real message.
public enum CheckProfile: String, Hashable, Sendable {
  /// A domain's MX hosts or one server taking mail from other servers (port 25).
  case inbound
  /// A message submission server (RFC 6409: port 587 with STARTTLS, RFC 8314: 465 with TLS).
  case submission
}
