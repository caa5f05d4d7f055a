/// Renders a check report as JSON whose keys are part of the interface scripts rely on.
///
/// `{"targets": [{"target", "state", "findings", "hosts": [{"host", "address", "port",
/// "state", "timings", "certificates", "findings"}]}], "state", "exit_code"}`; each finding is
/// `{"check", "subject", "state", "applicable", "summary", "explanation", "fix", "evidence",
/// "value", "unit"}` (and `"record"`, the record or policy as parsed, when there is one) with the evidence as `{"command", "answered", "reply", "diagnosis"}` in
/// the Reply and Diagnosis shapes the other commands use. The target's own findings (not tied to one host)
/// are its `findings`; every host carries its own.
public enum CheckJSONRenderer {
  /// The report as a JSON value.
  public static func json(_ report: CheckReport) -> JSONValue {
    [
      "targets": .array(report.targets.map(target)),
      "state": .string(report.state.rawValue),
      "exit_code": .int(Int(report.exitCode)),
    ]
  }

  /// The report as indented JSON text ending in LF.
  public static func render(_ report: CheckReport) -> String { json(report).pretty + "\n" }

  static func target(_ target: CheckTargetReport) -> JSONValue {
    [
      "target": .string(target.target),
      "state": .string(target.state.rawValue),
      "findings": .array(target.findings.map(finding)),
      "hosts": .array(target.hosts.map(host)),
      "posture": target.posture?.jsonValue ?? .null,
    ]
  }

  static func host(_ host: CheckHostReport) -> JSONValue {
    [
      "host": .string(host.host),
      "address": JSONValue(host.address),
      "port": .int(host.port),
      "state": .string(host.state.rawValue),
      "timings": .object(
        host.timings.map { (key: $0.phase.rawValue, value: .double($0.seconds)) }),
      "certificates": .array(
        host.certificates.map {
          [
            "subject": .string($0.subject),
            "issuer": .string($0.issuer),
            "not_after": .string($0.notAfter.iso8601),
          ]
        }),
      "findings": .array(host.findings.map(finding)),
    ]
  }

  static func finding(_ finding: CheckFinding) -> JSONValue {
    let object: JSONValue = [
      "check": .string(finding.check.rawValue),
      "subject": JSONValue(finding.subject),
      "state": .string(finding.state.rawValue),
      "applicable": .bool(finding.applicable),
      "summary": .string(finding.summary),
      "explanation": .string(finding.explanation),
      "fix": .string(finding.fix),
      "evidence": finding.evidence.map(evidence) ?? .null,
      "value": finding.value.map { .double($0) } ?? .null,
      "unit": finding.value == nil ? .null : .string(finding.unit?.rawValue ?? ""),
    ]
    guard !finding.record.isEmpty, case .object(let members) = object else { return object }
    return .object(members + [(key: "record", value: record(finding.record))])
  }

  /// A parsed record as an object in field order: text as strings, numbers, lists as arrays,
  /// nested fields as objects.
  static func record(_ fields: [CheckRecordField]) -> JSONValue {
    .object(fields.map { (key: $0.name, value: recordValue($0.value)) })
  }

  static func recordValue(_ value: CheckRecordField.Value) -> JSONValue {
    switch value {
    case .text(let text): .string(text)
    case .number(let number): .int(number)
    case .list(let items): .array(items.map { .string($0) })
    case .flag(let flag): .bool(flag)
    case .decimal(let number): .double(number)
    case .null: .null
    case .object(let fields): record(fields)
    case .objects(let list): .array(list.map(record))
    }
  }

  static func evidence(_ evidence: CheckEvidence) -> JSONValue {
    [
      "command": JSONValue(evidence.commandLine),
      "answered": .string(evidence.answered.rawValue),
      "reply": evidence.reply.jsonValue,
      "diagnosis": evidence.diagnosis?.jsonValue ?? .null,
    ]
  }
}
