/// A finding with the target and host it was made on.
public struct LocatedFinding: Hashable, Sendable {
  /// The target as the user named it.
  public var target: String
  /// The host name, or nil for a finding about the target itself.
  public var host: String?
  /// The address the host was reached at, if any.
  public var address: String?
  /// The finding.
  public var finding: CheckFinding

  public init(target: String, host: String?, address: String? = nil, finding: CheckFinding) {
    self.target = target
    self.host = host
    self.address = address
    self.finding = finding
  }

  /// The host name, or the target for a finding about the target itself.
  public var place: String { host ?? target }
}
