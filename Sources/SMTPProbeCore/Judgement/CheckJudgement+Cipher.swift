/// The `tls-cipher` check: the negotiated suite against RFC 9325 4.1 (BCP 195).
extension CheckJudgement {
  /// OK for a suite with none of `TLSCipherWeakness`'s weaknesses, else WARNING naming each.
  func cipherFinding(_ tls: TLSReport) -> CheckFinding {
    let weaknesses = TLSCipherWeakness.weaknesses(of: tls.cipher, bits: tls.cipherBits)
    let bits = tls.cipherBits > 0 ? ", \(tls.cipherBits)-bit key" : ""
    guard !weaknesses.isEmpty else {
      return CheckFinding(
        check: .tlsCipher, state: .ok, summary: "\(tls.cipher)\(bits), forward secrecy")
    }
    return CheckFinding(
      check: .tlsCipher, state: .warning,
      summary: "weak cipher \(tls.cipher)\(bits): "
        + weaknesses.map(\.name).joined(separator: ", "),
      explanation: weaknesses.map(\.explanation).joined(separator: " "),
      fix:
        "Offer only ECDHE or DHE suites with AES-GCM or ChaCha20-Poly1305, and TLS 1.3 (Postfix: "
        + "smtpd_tls_ciphers = high and smtpd_tls_mandatory_ciphers = high, "
        + "smtpd_tls_exclude_ciphers = aNULL, eNULL, "
        + "EXPORT, DES, 3DES, RC4, MD5, kRSA; then reload).")
  }
}
