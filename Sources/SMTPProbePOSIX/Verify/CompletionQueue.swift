import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Results handed from worker threads to the thread that waits for them with `poll`.
///
/// Workers `push` under a mutex and write a byte to a pipe; the waiting thread polls the
/// pipe's read end (`descriptor`) beside its other descriptors, then `drain`s. The C
/// functions are `pipe`, `fcntl`, `write`, `read` and `close`.
final class CompletionQueue<Item: Sendable>: Sendable {
  private let items = Mutex<[Item]>([])
  /// Becomes readable when an item was pushed.
  let descriptor: Int32
  private let writeEnd: Int32

  init?() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends {
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      _ = fcntl(end, F_SETFL, O_NONBLOCK)
    }
    descriptor = ends[0]
    writeEnd = ends[1]
  }

  deinit {
    close(descriptor)
    close(writeEnd)
  }

  /// Adds `item` and wakes the waiting thread.
  func push(_ item: Item) {
    items.withLock { $0.append(item) }
    var byte: UInt8 = 1
    // A full pipe already wakes the reader: a failed write loses nothing.
    _ = write(writeEnd, &byte, 1)
  }

  /// Every item pushed so far, in order, and the pipe emptied.
  func drain() -> [Item] {
    var buffer = [UInt8](repeating: 0, count: 256)
    while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    return items.withLock { items in
      defer { items.removeAll() }
      return items
    }
  }
}
