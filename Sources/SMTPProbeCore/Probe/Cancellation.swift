/// How a long run learns that the user asked it to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
///
/// The runner polls `isRequested` at each command boundary and between hosts, and adds
/// `wakeDescriptor` (when there is one) to the descriptors it waits on with `poll`, so a
/// signal ends a wait at once instead of at its timeout. Once it is requested, the runner
/// sends QUIT if it is at a command boundary (briefly), stops, and returns what it saw so far.
public struct Cancellation: Sendable {
  /// Whether the run should stop now.
  public let isRequested: @Sendable () -> Bool
  /// A descriptor that becomes readable when cancellation is requested, or nil.
  public let wakeDescriptor: Int32?

  public init(wakeDescriptor: Int32? = nil, isRequested: @escaping @Sendable () -> Bool) {
    self.wakeDescriptor = wakeDescriptor
    self.isRequested = isRequested
  }

  /// A run nobody can stop early (tests, the library's callers without signals).
  public static let never = Cancellation { false }
}
