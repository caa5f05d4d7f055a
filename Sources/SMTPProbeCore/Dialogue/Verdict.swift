/// The one-line outcome of a session, and the exit code DESIGN.md gives it.
///
/// Precedence: a session that could not complete is `incomplete` (exit 3) whatever was said
/// before; otherwise any 5yz rejection makes it `permanentFailure` (exit 1) — also when other
/// recipients were accepted, because a script must learn that some address was refused; otherwise
/// any 4yz rejection (421 included) makes it `transientFailure` (exit 2); otherwise `ok` (exit 0).
/// Replies the dialogue works around are not rejections: EHLO refused then HELO accepted, and
/// STARTTLS refused with `--tls auto` (noted in the session's notes instead).
public struct Verdict: Hashable, Sendable {
  /// The verdict's status; raw values are the JSON strings.
  public enum Status: String, Hashable, Sendable, CaseIterable {
    case ok
    case permanentFailure = "permanent-failure"
    case transientFailure = "transient-failure"
    case incomplete

    /// The probe exit code: 0 ok, 1 permanent, 2 transient, 3 could not complete.
    public var exitCode: Int32 {
      switch self {
      case .ok: 0
      case .permanentFailure: 1
      case .transientFailure: 2
      case .incomplete: 3
      }
    }
  }

  public var status: Status
  /// One line a person reads first.
  public var summary: String
  /// Why the session could not complete, for `incomplete`.
  public var problem: SessionProblem?
  /// The step whose reply decided a failure verdict.
  public var decisiveCommand: CommandKind?
  /// The reply that decided a failure verdict.
  public var decisiveReply: Reply?

  public init(
    status: Status, summary: String, problem: SessionProblem? = nil,
    decisiveCommand: CommandKind? = nil, decisiveReply: Reply? = nil
  ) {
    self.status = status
    self.summary = summary
    self.problem = problem
    self.decisiveCommand = decisiveCommand
    self.decisiveReply = decisiveReply
  }

  public var exitCode: Int32 { status.exitCode }
}
