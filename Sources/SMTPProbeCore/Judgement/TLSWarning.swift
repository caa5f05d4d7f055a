/// Something about a TLS session a mail admin should fix even though it did not stop the probe.
public enum TLSWarning: Hashable, Sendable {
  /// TLS 1.0 or 1.1 was negotiated; RFC 8996 deprecates both.
  case deprecatedProtocol(String)
  /// The certificate is not trusted for this reason.
  case fault(TLSVerificationFault)
  /// The leaf certificate expires in `days` days (trusted or not, not yet expired).
  case expiresSoon(days: Int)

  /// How many days before expiry a certificate earns a warning.
  public static let expiryWarningDays = 14

  /// The warnings for `report` at `now`: deprecated protocol, each fault, near expiry.
  ///
  /// A leaf that expires within `expiryWarningDays` is a warning even when trusted, since mail
  /// admins want to hear about it before clients start refusing it.
  public static func warnings(
    for report: TLSReport, now: UnixTime, expiryWarningDays: Int = expiryWarningDays
  ) -> [TLSWarning] {
    var warnings: [TLSWarning] = []
    if report.usesDeprecatedProtocol {
      warnings.append(.deprecatedProtocol(report.protocolVersion))
    }
    warnings += report.verification.faults.map(TLSWarning.fault)
    if let leaf = report.leaf, !report.verification.faults.contains(.expired) {
      let days = leaf.daysLeft(now: now)
      if days >= 0 && days < expiryWarningDays { warnings.append(.expiresSoon(days: days)) }
    }
    return warnings
  }
}
