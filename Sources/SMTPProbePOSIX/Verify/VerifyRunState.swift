import SMTPProbeCore

/// What a verify run has learned so far, kept by the scheduling thread alone.
struct VerifyRunState {
  var addresses: [VerifyAddress]
  var schedule: GreylistSchedule<Int>
  var scheduler: VerifyScheduler
  /// Final results by address index.
  var results: [Int: VerifyResult] = [:]
  /// Results that wait for a greylisting retry.
  var provisional: [Int: VerifyResult] = [:]
  var attempts: [Int: Int] = [:]
  var records: [ProbeRecord] = []
  /// Each address's domain key and MX host, for requeueing.
  var groups: [Int: String] = [:]
  var hosts: [Int: String] = [:]
  var routes: [Int: String] = [:]
  /// Each domain's resolved route, by domain key, so a session does not look it up again.
  var mailRoutes: [String: MailRoute] = [:]
  /// MX hosts, across the run, whose every address timed out.
  var silentHosts: Set<String> = []
  /// Whether a signal stopped the run with addresses left unanswered.
  var interrupted = false

  /// Whether some address still has no final result.
  var unfinished: Bool { results.count < addresses.count }
}
