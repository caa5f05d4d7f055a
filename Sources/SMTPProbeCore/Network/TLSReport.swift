/// What a TLS handshake established, in words a mail admin can act on.
///
/// Like `openssl s_client` or testssl.sh: the protocol and cipher, the chain as the server sent
/// it (leaf first), and the verification outcome. Verification never aborts the handshake;
/// `isAcceptable` tells whether the caller's policy (`--tls-verify`) lets the session go on.
public struct TLSReport: Hashable, Sendable {
  /// The negotiated protocol, for example `TLSv1.3` (`SSL_get_version`).
  public var protocolVersion: String
  /// The negotiated cipher suite, for example `TLS_AES_256_GCM_SHA384` (`SSL_CIPHER_get_name`).
  public var cipher: String
  /// The cipher's secret key bits (`SSL_CIPHER_get_bits`); 0 when unknown.
  public var cipherBits: Int
  /// The SNI name we sent, or nil (IP literal, or not sent).
  public var serverName: String?
  /// The certificates as the server sent them, leaf first (`SSL_get_peer_cert_chain`).
  public var chain: [CertificateInfo]
  /// Whether the chain is trusted and matches the name we dialled.
  public var verification: TLSVerification
  /// Whether the caller asked for an untrusted certificate to be an error (`--tls-verify`).
  public var verificationRequired: Bool

  /// A report with only the protocol and cipher known (for fakes in tests).
  public init(protocolVersion: String, cipher: String) {
    self.init(
      protocolVersion: protocolVersion, cipher: cipher, cipherBits: 0, serverName: nil, chain: [],
      verification: TLSVerification(expectedName: "", trustStore: .system, faults: []),
      verificationRequired: false)
  }

  public init(
    protocolVersion: String, cipher: String, cipherBits: Int, serverName: String?,
    chain: [CertificateInfo], verification: TLSVerification, verificationRequired: Bool
  ) {
    self.protocolVersion = protocolVersion
    self.cipher = cipher
    self.cipherBits = cipherBits
    self.serverName = serverName
    self.chain = chain
    self.verification = verification
    self.verificationRequired = verificationRequired
  }

  /// The server's own certificate, if it sent one.
  public var leaf: CertificateInfo? { chain.first }

  /// Whether the negotiated version is one RFC 8996 deprecates (TLS 1.0 or 1.1).
  public var usesDeprecatedProtocol: Bool {
    TLSProtocolVersion(openSSLName: protocolVersion)?.isDeprecated ?? false
  }

  /// Whether the session may continue: trusted, or untrusted but only a warning by policy.
  public var isAcceptable: Bool { verification.isTrusted || !verificationRequired }

  /// Warnings for the report: deprecated protocol, each verification fault, near expiry.
  ///
  /// A leaf that expires within `expiryWarningDays` is a warning even when trusted, since mail
  /// admins want to hear about it before clients start refusing it.
  public func warnings(now: UnixTime, expiryWarningDays: Int = 14) -> [String] {
    var lines: [String] = []
    if usesDeprecatedProtocol {
      lines.append(
        "\(protocolVersion) is deprecated (RFC 8996); enable TLS 1.2 or 1.3 in the MTA.")
    }
    for fault in verification.faults {
      lines.append("\(fault.explanation) Fix: \(fault.fix)")
    }
    if let leaf, !verification.faults.contains(.expired) {
      let days = leaf.daysLeft(now: now)
      if days >= 0 && days < expiryWarningDays {
        lines.append(
          "The certificate expires in \(days) day\(days == 1 ? "" : "s"). "
            + "Fix: \(TLSVerificationFault.expired.fix)")
      }
    }
    return lines
  }

  /// The report as indented text lines, the way the probe prints it.
  public func describe(now: UnixTime) -> [String] {
    var lines: [String] = []
    let bits = cipherBits > 0 ? " (\(cipherBits) bits)" : ""
    lines.append("TLS \(protocolVersion), cipher \(cipher)\(bits)")
    if let serverName { lines.append("  SNI: \(serverName)") }
    for (index, cert) in chain.enumerated() {
      lines.append("  certificate \(index): \(cert.commonName ?? cert.subject)")
      lines.append("    subject: \(cert.subject)")
      lines.append("    issuer: \(cert.issuer)\(cert.isSelfSigned ? " (self-signed)" : "")")
      if !cert.alternativeNames.isEmpty {
        lines.append(
          "    names: " + cert.alternativeNames.map(\.description).joined(separator: ", "))
      }
      let days = cert.daysLeft(now: now)
      let left = days < 0 ? "expired \(-days) days ago" : "\(days) days left"
      lines.append(
        "    valid: \(cert.notBefore.iso8601) to "
          + "\(cert.notAfter.iso8601) (\(left))")
      lines.append(
        "    key: \(cert.keyType) \(cert.keyBits) bits, signature \(cert.signatureAlgorithm), "
          + "serial \(cert.serialNumber)")
    }
    if verification.isTrusted {
      lines.append(
        "  verification: trusted for \(verification.expectedName) (\(verification.trustStore))")
    } else {
      let severity = verificationRequired ? "error" : "warning"
      lines.append(
        "  verification: NOT trusted for \(verification.expectedName) "
          + "(\(verification.trustStore)) [\(severity)]")
      for fault in verification.faults {
        lines.append("    \(fault.name): \(fault.explanation)")
        lines.append("      fix: \(fault.fix)")
      }
    }
    return lines
  }
}
