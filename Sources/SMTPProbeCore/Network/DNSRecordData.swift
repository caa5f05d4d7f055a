/// The decoded RDATA of a resource record (RFC 1035 3.3, RFC 3596 2.2).
///
/// Names are written without the trailing dot; the root is ".". Addresses are in their text form.
public enum DNSRecordData: Hashable, Sendable {
  /// An IPv4 address, dotted quad.
  case a(String)
  /// An IPv6 address, RFC 5952 text form.
  case aaaa(String)
  /// A mail exchanger: lower preference is tried first; "." is a null MX (RFC 7505).
  case mx(preference: UInt16, exchange: String)
  /// The target of an alias.
  case cname(String)
  /// A name server.
  case ns(String)
  /// A reverse-lookup target.
  case ptr(String)
  /// The character-strings of a TXT record, in order (RFC 1035 3.3.14).
  case txt([String])
  /// The zone's SOA: in negative answers its `minimum` bounds how long they are cached.
  case soa(primary: String, mailbox: String, serial: UInt32, minimum: UInt32)
  /// A certificate association for DANE (RFC 6698 2.1).
  case tlsa(TLSARecord)
  /// A type we do not decode, kept as bytes.
  case other([UInt8])
}
