extension TLSReport {
  /// The report as text lines, the way the probe prints it: a headline, then the SNI, each
  /// certificate and the verification indented beneath.
  public func lines(now: UnixTime) -> [TLSReportLine] {
    var lines: [TLSReportLine] = []
    let bits = cipherBits > 0 ? " (\(cipherBits) bits)" : ""
    lines.append(0, "TLS \(protocolVersion), cipher \(cipher)\(bits)")
    if let serverName { lines.append(1, "SNI: \(serverName)") }
    for (index, cert) in chain.enumerated() {
      lines.append(1, "certificate \(index): \(cert.commonName ?? cert.subject)")
      lines.append(2, "subject: \(cert.subject)")
      lines.append(2, "issuer: \(cert.issuer)\(cert.isSelfSigned ? " (self-signed)" : "")")
      if !cert.alternativeNames.isEmpty {
        lines.append(
          2, "names: " + cert.alternativeNames.map(\.description).joined(separator: ", "))
      }
      let days = cert.daysLeft(now: now)
      let left = days < 0 ? "expired \(-days) days ago" : "\(days) days left"
      lines.append(
        2,
        "valid: \(cert.notBefore.iso8601) to "
          + "\(cert.notAfter.iso8601) (\(left))")
      lines.append(
        2,
        "key: \(cert.keyType) \(cert.keyBits) bits, signature \(cert.signatureAlgorithm), "
          + "serial \(cert.serialNumber)")
    }
    if verification.isTrusted {
      lines.append(
        1, "verification: trusted for \(verification.expectedName) (\(verification.trustStore))",
        trusted: true)
    } else {
      let severity = verificationRequired ? "error" : "warning"
      lines.append(
        1,
        "verification: NOT trusted for \(verification.expectedName) "
          + "(\(verification.trustStore)) [\(severity)]", trusted: false)
      for fault in verification.faults {
        lines.append(2, "\(fault.name): \(fault.explanation)")
        lines.append(3, "fix: \(fault.fix)")
      }
    }
    return lines
  }
}

/// One line of a TLS report: its depth under the headline and its text; the verification line
/// says whether the certificate is trusted, so a renderer can colour it.
public struct TLSReportLine: Hashable, Sendable {
  /// 0 for the headline, 1 for the SNI, each certificate and the verification, 2 beneath.
  public var depth: Int
  public var text: String
  /// For the verification line: whether the chain is trusted for the name; nil otherwise.
  public var trusted: Bool?

  /// The line indented two spaces per level.
  public var indented: String { String(repeating: " ", count: depth * 2) + text }
}

extension [TLSReportLine] {
  fileprivate mutating func append(_ depth: Int, _ text: String, trusted: Bool? = nil) {
    append(TLSReportLine(depth: depth, text: text, trusted: trusted))
  }
}
