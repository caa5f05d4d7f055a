/// One weakness of a negotiated cipher suite, read from OpenSSL's name for it and its key bits.
///
/// OpenSSL names TLS 1.3 suites by their IANA names (`TLS_AES_256_GCM_SHA384`, always an
/// ephemeral key exchange) and older suites by its own dash-separated names
/// (openssl-ciphers(1), "CIPHER SUITE NAMES"): the first part is the key exchange
/// (`ECDHE-`, `DHE-`, `EDH-` ephemeral; `ADH-`, `AECDH-` anonymous; `DH-`, `ECDH-` static; no
/// prefix for RSA key transport), `EXP-` marks export suites, and the cipher is named inside
/// (`RC4`, `DES-CBC3` for 3DES, `NULL`). The rules are RFC 9325 4.1 (BCP 195): no NULL
/// encryption, no RC4 (RFC 7465), nothing under 112 bits and preferably none under 128, no
/// anonymous suites, and no static RSA or DH key exchange, which gives no forward secrecy.
public enum TLSCipherWeakness: Hashable, Sendable {
  /// No encryption at all (`NULL`).
  case nullEncryption
  /// An export suite, deliberately weakened to 40 or 56 bits (`EXP-`).
  case export
  /// No authentication of the server (`ADH-`, `AECDH-`, `anon`).
  case anonymous
  /// RC4, prohibited by RFC 7465.
  case rc4
  /// Triple DES, with its 64-bit block (Sweet32, CVE-2016-2183).
  case tripleDES
  /// Fewer than 128 secret key bits.
  case shortKey(bits: Int)
  /// RSA key transport or static (EC)DH: recorded sessions can be decrypted with the
  /// server's key later.
  case noForwardSecrecy

  /// The weaknesses of `cipher` (OpenSSL's name) with `bits` secret key bits (0: unknown);
  /// none for an empty name, which says nothing.
  public static func weaknesses(of cipher: String, bits: Int) -> [TLSCipherWeakness] {
    let name = cipher.uppercased()
    guard !name.isEmpty else { return [] }
    let parts = name.split(separator: "-").map(String.init)
    var found: [TLSCipherWeakness] = []
    if parts.contains("NULL") || name.contains("_NULL_") || name.hasSuffix("_NULL") {
      found.append(.nullEncryption)
    }
    if parts.first == "EXP" || name.contains("EXPORT") { found.append(.export) }
    let exchange = parts.first == "EXP" ? parts.dropFirst().first : parts.first
    if ["ADH", "AECDH"].contains(exchange ?? "") || name.contains("ANON") {
      found.append(.anonymous)
    }
    if name.contains("RC4") { found.append(.rc4) }
    if name.contains("DES-CBC3") || name.contains("3DES") { found.append(.tripleDES) }
    if bits > 0, bits < 128 { found.append(.shortKey(bits: bits)) }
    // TLS 1.3 suites (IANA names, no dash) always use an ephemeral key exchange.
    let tls13 = name.hasPrefix("TLS_") && !name.contains("_WITH_")
    let ephemeral = ["ECDHE", "DHE", "EDH"].contains(exchange ?? "")
    if !tls13, !ephemeral, !found.contains(.anonymous) { found.append(.noForwardSecrecy) }
    return found
  }

  /// A few words naming the weakness, for a finding's summary.
  public var name: String {
    switch self {
    case .nullEncryption: "no encryption (NULL)"
    case .export: "export-grade"
    case .anonymous: "anonymous (no server authentication)"
    case .rc4: "RC4"
    case .tripleDES: "3DES"
    case .shortKey(let bits): "\(bits)-bit key"
    case .noForwardSecrecy: "no forward secrecy"
    }
  }

  /// Why it matters, with its source.
  public var explanation: String {
    switch self {
    case .nullEncryption: "A NULL cipher sends the mail in clear inside TLS (RFC 9325 4.1)."
    case .export:
      "Export suites were weakened on purpose to 40 or 56 bits and are broken (FREAK, "
        + "Logjam; RFC 9325 4.1)."
    case .anonymous:
      "An anonymous suite authenticates nobody: any machine in the path can impersonate the "
        + "server (RFC 9325 4.1)."
    case .rc4: "RC4 is broken; RFC 7465 forbids negotiating it."
    case .tripleDES:
      "3DES has a 64-bit block: long sessions leak plaintext (Sweet32, CVE-2016-2183)."
    case .shortKey(let bits):
      "\(bits) secret key bits are fewer than the 128 RFC 9325 4.1 asks for."
    case .noForwardSecrecy:
      "The key exchange is static (RSA key transport or fixed DH): whoever obtains the "
        + "server's private key later can decrypt every recorded session (RFC 9325 4.1)."
    }
  }
}
