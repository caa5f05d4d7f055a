/// The thresholds of one `check` run: `-w`/`-c` on the total time, `--phase-warn` and
/// `--phase-crit` per phase, and `--cert-warn`/`--cert-crit` in days.
///
/// Times alert above their limit (`5` is the range 0...5); certificate lifetimes alert below
/// theirs (`20:`), so that a certificate with fewer days left than the limit is the problem.
/// The certificate defaults, 20 and 10 days, leave time to renew a 90-day ACME certificate,
/// which certbot renews 30 days before expiry by default (RFC 8555 leaves the schedule to
/// the client).
public struct CheckLimits: Hashable, Sendable {
  /// Days left below which a certificate is WARNING unless `--cert-warn` says otherwise.
  public static let defaultCertWarningDays = 20
  /// Days left below which a certificate is CRITICAL unless `--cert-crit` says otherwise.
  public static let defaultCertCriticalDays = 10

  /// The thresholds of the whole session's time, in seconds.
  public var total: Thresholds
  /// The thresholds of each timed phase, in seconds.
  public var phases: [CheckPhase: Thresholds]
  /// WARNING when a certificate has fewer days left than this.
  public var certWarningDays: Int
  /// CRITICAL when a certificate has fewer days left than this.
  public var certCriticalDays: Int

  public init(
    total: Thresholds = Thresholds(), phases: [CheckPhase: Thresholds] = [:],
    certWarningDays: Int = CheckLimits.defaultCertWarningDays,
    certCriticalDays: Int = CheckLimits.defaultCertCriticalDays
  ) {
    self.total = total
    self.phases = phases
    self.certWarningDays = certWarningDays
    self.certCriticalDays = certCriticalDays
  }

  /// The certificate lifetime thresholds as ranges: `warn:` and `crit:`.
  public var certificate: Thresholds {
    Thresholds(
      warning: .below(Double(certWarningDays)), critical: .below(Double(certCriticalDays)))
  }

  /// The state of a phase's duration; ok when no threshold was set for it.
  public func state(of timing: PhaseTiming) -> CheckState {
    phases[timing.phase]?.evaluate(timing.seconds) ?? .ok
  }

  /// The state of the whole session's duration.
  public func totalState(seconds: Double) -> CheckState { total.evaluate(seconds) }

  /// The state of a certificate with `daysLeft` days before it expires (negative: expired).
  public func certificateState(daysLeft: Int) -> CheckState {
    certificate.evaluate(Double(daysLeft))
  }

  /// The perfdata of one phase: seconds with its thresholds, never below 0.
  public func perfDatum(for timing: PhaseTiming, label: String) -> PerfDatum {
    let limits = phases[timing.phase]
    return PerfDatum(
      label: label, value: timing.seconds, unit: .seconds, warning: limits?.warning,
      critical: limits?.critical, minimum: 0)
  }

  /// The perfdata of the whole session's time.
  public func totalPerfDatum(seconds: Double, label: String) -> PerfDatum {
    PerfDatum(
      label: label, value: seconds, unit: .seconds, warning: total.warning,
      critical: total.critical, minimum: 0)
  }

  /// The perfdata of a certificate's days left, with `warn:` and `crit:` so a low value alerts.
  public func certificatePerfDatum(daysLeft: Int, label: String) -> PerfDatum {
    PerfDatum(
      label: label, value: Double(daysLeft), unit: .none, warning: certificate.warning,
      critical: certificate.critical)
  }

  /// Sets one phase's range from `PHASE=RANGE` (`greeting=5`, `rcpt=2:10`); `option` is
  /// `--phase-warn` or `--phase-crit`.
  public mutating func setPhaseLimit(_ text: String, option: String) throws(CheckOptionError) {
    guard let equals = text.firstIndex(of: "=") else {
      throw .missingEquals(option: option, value: text)
    }
    guard let phase = CheckPhase(rawValue: String(text[..<equals]).lowercased()) else {
      throw .unknownPhase(option: option, value: text)
    }
    let range: ThresholdRange
    do {
      range = try ThresholdRange.parse(String(text[text.index(after: equals)...]), option: option)
    } catch .invalidRange(_, _, let reason) {
      throw .invalidRange(option: option, value: text, reason: reason)
    } catch {
      throw error
    }
    var limits = phases[phase] ?? Thresholds()
    if option == "--phase-crit" { limits.critical = range } else { limits.warning = range }
    phases[phase] = limits
  }

  /// A whole number of days zero or more, for `--cert-warn` and `--cert-crit`.
  public static func parseDays(_ text: String, option: String) throws(CheckOptionError) -> Int {
    guard let days = Int(text), days >= 0 else {
      throw .invalidNumber(option: option, value: text)
    }
    return days
  }

  /// Refuses a critical limit above the warning limit, which would hide the warning.
  public func validated() throws(CheckOptionError) -> CheckLimits {
    guard certCriticalDays <= certWarningDays else {
      throw .certCriticalAboveWarning(warning: certWarningDays, critical: certCriticalDays)
    }
    return self
  }
}
