/// The round trip as parsed, for the `record` of the `arrival` finding in JSON: the token,
/// the latency and the arrived message's authentication header fields.
///
/// `authentication_results` holds every `Authentication-Results` field topmost first (RFC 8601
/// 2.2: the authserv-id, its version and each `method=result` with its reason, properties and
/// comments); `received_spf` every `Received-SPF` field (RFC 7208 9.1: the result, the comment
/// and the `key=value` pairs). A key given twice keeps its first value, as `ReceivedSPF[_:]`
/// reads it.
extension CheckJudgement {
  /// The fields of one round trip: what was looked for, how long it took, what the header said.
  static func roundTripFields(_ record: RoundTripRecord) -> [CheckRecordField] {
    let authentication = record.header.map(MessageAuthentication.init(header:))
    return [
      CheckRecordField("token", .text(record.request.token)),
      CheckRecordField("mailbox", .text(record.request.mailbox.mailbox)),
      CheckRecordField("arrival_seconds", record.arrivalSeconds.map { .decimal($0) } ?? .null),
      CheckRecordField("waited_seconds", .decimal(record.waitedSeconds)),
      CheckRecordField("searches", .number(record.searches)),
      CheckRecordField("uids", .list(record.uids.map(String.init))),
      CheckRecordField(
        "authentication_results",
        .objects(authentication?.authenticationResults.map(authenticationResultsFields) ?? [])),
      CheckRecordField(
        "received_spf", .objects(authentication?.receivedSPF.map(receivedSPFFields) ?? [])),
    ]
  }

  /// One `Authentication-Results` field: `{"authserv_id", "version", "results": [...]}`.
  static func authenticationResultsFields(_ header: AuthenticationResults) -> [CheckRecordField] {
    [
      CheckRecordField("authserv_id", header.authservID.map { .text($0) } ?? .null),
      CheckRecordField("version", header.version.map { .number($0) } ?? .null),
      CheckRecordField(
        "results",
        .objects(
          header.results.map { result in
            [
              CheckRecordField("method", .text(result.method)),
              CheckRecordField("method_version", result.methodVersion.map { .text($0) } ?? .null),
              CheckRecordField("result", .text(result.result)),
              CheckRecordField("reason", result.reason.map { .text($0) } ?? .null),
              CheckRecordField(
                "properties",
                .object(
                  firstOfEach(
                    result.properties.map { property in
                      (
                        property.ptype.map { "\($0).\(property.property)" } ?? property.property,
                        property.value
                      )
                    }))),
              CheckRecordField("comments", .list(result.comments)),
            ]
          })),
    ]
  }

  /// One `Received-SPF` field: `{"result", "comment", "pairs": {key: value}}`.
  static func receivedSPFFields(_ header: ReceivedSPF) -> [CheckRecordField] {
    [
      CheckRecordField("result", .text(header.result)),
      CheckRecordField("comment", header.comment.map { .text($0) } ?? .null),
      CheckRecordField(
        "pairs", .object(firstOfEach(header.pairs.map { ($0.key, $0.value) }))),
    ]
  }

  /// Text fields in order, a name given again dropped.
  private static func firstOfEach(_ pairs: [(String, String)]) -> [CheckRecordField] {
    var fields: [CheckRecordField] = []
    for (name, value) in pairs where !fields.contains(where: { $0.name == name }) {
      fields.append(CheckRecordField(name, .text(value)))
    }
    return fields
  }
}
