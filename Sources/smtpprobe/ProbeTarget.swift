/// What `probe` connects to: a domain's MX hosts, or one server named by the user.
enum ProbeTarget: Hashable, Sendable {
  /// Resolve the domain's MX records (RFC 5321 section 5.1).
  case domain(String)
  /// One host (name or IP literal) and optionally its port, from `--server HOST[:PORT]`.
  case server(host: String, port: Int?)
}
