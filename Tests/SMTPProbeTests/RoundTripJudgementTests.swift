import Testing

@testable import SMTPProbeCore

/// The round trip's findings from records: latency against the thresholds, `--expect-auth`
/// against the headers, a mailbox that could not be read.
@Suite struct RoundTripJudgementTests {
  static let judgement = CheckJudgement(
    limits: CheckLimits(), postmaster: nil, assertions: [], now: UnixTime(seconds: 0))

  static func record(arrival: Double?, header: String? = nil) -> RoundTripRecord {
    var record = RoundTripRecord(
      request: RoundTripRequest(
        mailbox: IMAPMailbox(valid: "imaps://alice@127.0.0.1/INBOX"), password: Secret("pw"),
        token: "1.a", arrivalTimeout: 60, commandTimeout: 10, connectTimeout: 10))
    record.authenticated = true
    record.arrivalSeconds = arrival
    record.waitedSeconds = arrival ?? 60
    record.header = header.map { Array($0.utf8) }
    if arrival != nil {
      record.uids = [3]
      record.cleanup = .deleted(command: "UID EXPUNGE")
    }
    return record
  }

  static func limits(_ expectations: String = "", warn: String? = nil, crit: String? = nil)
    throws -> RoundTripLimits
  {
    RoundTripLimits(
      arrival: Thresholds(
        warning: try warn.map { try ThresholdRange.parse($0, option: "--arrival-warn") },
        critical: try crit.map { try ThresholdRange.parse($0, option: "--arrival-crit") }),
      expectations: expectations.isEmpty ? [] : AuthExpectation.parseList(expectations) ?? [])
  }

  static func finding(_ findings: [CheckFinding], _ check: CheckID, _ subject: String? = nil)
    -> CheckFinding?
  {
    findings.first { $0.check == check && $0.subject == subject }
  }

  @Test func latencyIsPerfdataJudgedByTheArrivalThresholds() throws {
    let findings = Self.judgement.roundTripFindings(
      Self.record(arrival: 12.5), limits: try Self.limits(warn: "10", crit: "30"))
    let arrival = try #require(Self.finding(findings, .arrival))
    #expect(arrival.state == .warning)
    #expect(arrival.perfdata.first?.label == "arrival")
    #expect(arrival.perfdata.first?.value == 12.5)
    #expect(arrival.perfdata.first?.unit == .seconds)
    #expect(Self.finding(findings, .cleanup)?.state == .ok)
  }

  @Test func aMessageThatNeverCameIsCritical() throws {
    let findings = Self.judgement.roundTripFindings(
      Self.record(arrival: nil), limits: try Self.limits("spf=pass"))
    #expect(Self.finding(findings, .arrival)?.state == .critical)
    #expect(Self.finding(findings, .authResults, "spf")?.applicable == false)
  }

  @Test func eachExpectationIsCheckedAgainstTheTopmostField() throws {
    let header =
      "Authentication-Results: mx.receiver.test; spf=softfail smtp.mailfrom=probe.test;\r\n"
      + " dkim=pass header.d=probe.test\r\n"
      + "Authentication-Results: relay.test; spf=pass smtp.mailfrom=probe.test\r\n\r\n"
    let findings = Self.judgement.roundTripFindings(
      Self.record(arrival: 1, header: header),
      limits: try Self.limits("spf=pass,dkim=pass,dmarc=pass"))
    let spf = try #require(Self.finding(findings, .authResults, "spf"))
    #expect(spf.state == .critical)
    #expect(spf.summary.contains("spf=softfail"))
    #expect(spf.summary.contains("mx.receiver.test"))
    #expect(Self.finding(findings, .authResults, "dkim")?.state == .ok)
    #expect(Self.finding(findings, .authResults, "dmarc")?.state == .critical)
  }

  @Test func receivedSPFAnswersForSPFWhenNoAuthenticationResultsDoes() throws {
    let header = "Received-SPF: pass (mx: domain designates 192.0.2.1) client-ip=192.0.2.1\r\n\r\n"
    let findings = Self.judgement.roundTripFindings(
      Self.record(arrival: 1, header: header), limits: try Self.limits("spf=pass"))
    #expect(Self.finding(findings, .authResults, "spf")?.state == .ok)
  }

  @Test func aRefusedLoginIsCriticalAndSkipsTheRest() throws {
    var record = Self.record(arrival: nil)
    record.authenticated = false
    record.failure = .loginRefused(text: "[AUTHENTICATIONFAILED] Authentication failed.")
    let findings = Self.judgement.roundTripFindings(record, limits: try Self.limits("spf=pass"))
    #expect(Self.finding(findings, .imap)?.state == .critical)
    #expect(Self.finding(findings, .arrival)?.applicable == false)
    #expect(!findings.contains { $0.summary.contains("pw") })
  }
}
