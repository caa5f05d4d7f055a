/// Maps a reply and the command it answered to a diagnosis.
///
/// SKELETON: code-level only; the classifier work adds known text patterns, enhanced codes and
/// context rules (most specific evidence wins: pattern over enhanced code over basic code).
public enum Classifier {
  /// Diagnoses `reply`, given the step it answered when known.
  public static func diagnose(_ reply: Reply, after command: CommandKind? = nil) -> Diagnosis {
    let entry = ReplyCodeCatalogue.entry(for: reply.code)
    return Diagnosis(
      replyClass: reply.replyClass,
      category: entry?.category ?? .other,
      summary: entry?.title ?? "Reply \(reply.code)",
      explanation: entry?.description ?? "",
      fix: entry?.fix ?? "",
      retry: entry?.retry ?? .afterFix,
      evidence: [Evidence(kind: .replyCode, value: String(reply.code), detail: "basic code")])
  }
}
