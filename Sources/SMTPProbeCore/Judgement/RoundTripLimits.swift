/// What the round trip's findings are judged against: the arrival thresholds
/// (`--arrival-warn`, `--arrival-crit`, seconds as Nagios ranges) and the `--expect-auth`
/// results.
public struct RoundTripLimits: Hashable, Sendable {
  public var arrival = Thresholds()
  public var expectations: [AuthExpectation] = []

  public init(arrival: Thresholds = Thresholds(), expectations: [AuthExpectation] = []) {
    self.arrival = arrival
    self.expectations = expectations
  }
}
