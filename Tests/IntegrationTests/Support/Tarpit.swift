import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback address whose connects hang: a listener that never accepts, its queue filled.
///
/// With a backlog of 0 Linux queues one connection (listen(2)); the fillers take that place
/// (and one more for good measure), so the kernel drops every further SYN and a client's
/// connect waits for its own timeout, as with a host that drops SYNs.
final class Tarpit {
  private let listener: LoopbackListener
  private var fillers: [Int32] = []

  init() throws {
    listener = try LoopbackListener(backlog: 0)
    for _ in 0..<3 {
      let fd = try Syscall.socket(family: AF_INET, nonBlocking: true)
      fillers.append(fd)
      _ = try? Syscall.connect(fd, to: listener.address)
    }
  }

  deinit { fillers.forEach(Syscall.close) }

  var port: Int { listener.port }

  /// Whether a fresh connect now hangs: not done within `milliseconds`.
  func connectHangs(milliseconds: Int32 = 300) -> Bool {
    guard let fd = try? Syscall.socket(family: AF_INET, nonBlocking: true) else { return false }
    defer { Syscall.close(fd) }
    guard (try? Syscall.connect(fd, to: listener.address)) == false else { return false }
    var fds = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)]
    return poll(&fds, 1, milliseconds) == 0
  }
}
