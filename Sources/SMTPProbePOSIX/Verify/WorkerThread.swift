#if canImport(Glibc)
  import Glibc
#endif

/// Runs a closure on a new detached POSIX thread.
///
/// The C functions are `pthread_create` and `pthread_detach` (POSIX); the closure travels to
/// the thread in a retained box that the thread releases.
enum WorkerThread {
  private final class Box {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  /// Starts `body` on its own thread; false when the system refused a thread (then `body`
  /// has not run).
  static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
      &thread, nil,
      { context in
        guard let context else { return nil }
        let box = Unmanaged<Box>.fromOpaque(context).takeRetainedValue()
        box.body()
        return nil
      }, box)
    guard result == 0 else {
      Unmanaged<Box>.fromOpaque(box).release()
      return false
    }
    pthread_detach(thread)
    return true
  }
}
