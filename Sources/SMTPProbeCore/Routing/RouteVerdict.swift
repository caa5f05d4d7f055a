/// The outcome of routing alone, when it already ends the probe: an exit code and a summary.
public struct RouteVerdict: Hashable, Sendable {
  /// The DESIGN.md probe exit code: 1 for a domain that accepts no mail, 3 for DNS trouble,
  /// 64 for an invalid domain.
  public var exitCode: Int32
  public var summary: String

  public init(exitCode: Int32, summary: String) {
    self.exitCode = exitCode
    self.summary = summary
  }
}
