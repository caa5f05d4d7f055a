/// How long one phase of a session took.
public struct PhaseTiming: Hashable, Sendable {
  /// The phase.
  public var phase: CheckPhase
  /// Its duration in seconds.
  public var seconds: Double

  public init(_ phase: CheckPhase, seconds: Double) {
    self.phase = phase
    self.seconds = seconds
  }
}
