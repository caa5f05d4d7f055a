/// What a judgement concluded: a status, the finding it rests on, and the deciding reply.
///
/// It holds no sentence: the renderers word the finding (`Verdict.summary`).
public struct Verdict: Hashable, Sendable {
  public var status: ProbeStatus
  public var finding: VerdictFinding
  /// The step whose reply decided a failure verdict.
  public var decisiveCommand: CommandKind?
  /// The reply that decided a failure verdict.
  public var decisiveReply: Reply?

  public init(
    status: ProbeStatus, finding: VerdictFinding, decisiveCommand: CommandKind? = nil,
    decisiveReply: Reply? = nil
  ) {
    self.status = status
    self.finding = finding
    self.decisiveCommand = decisiveCommand
    self.decisiveReply = decisiveReply
  }

  /// Why the session could not complete, when that is the finding.
  public var problem: SessionProblem? {
    switch finding {
    case .problem(let problem), .implicitTLSFailed(let problem): problem
    default: nil
    }
  }

  /// The process exit code for this verdict.
  public var exitCode: Int32 { status.exitCode }
}
