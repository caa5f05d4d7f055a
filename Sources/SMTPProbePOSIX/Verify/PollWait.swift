import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Waits until a descriptor is readable, the user asks to stop, or a monotonic time comes.
///
/// One `poll` (POSIX) on the descriptor and, while the run is not yet being stopped, the
/// cancellation's wake descriptor; the wait is cut into slices of at most a minute.
enum PollWait {
  static func wait(
    for descriptor: Int32, cancellation: Cancellation?, untilMilliseconds: Int64?,
    clock: any MonotonicClock
  ) {
    var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    if let wake = cancellation?.wakeDescriptor {
      fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
    }
    var timeout: Int32 = 60_000
    if let until = untilMilliseconds {
      let now = Int64(clock.nowNanoseconds() / 1_000_000)
      timeout = Int32(max(0, min(60_000, until - now)))
    }
    _ = poll(&fds, nfds_t(fds.count), timeout)
  }
}
