import SMTPProbeCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a `Cancellation` the probe runner polls.
///
/// A signal handler can reach no Swift context, so this file holds the only process-wide
/// state of the tool, and only what handling a signal strictly needs: the first signal's
/// number and, while a runner listens, the write end of a self-pipe. Both are atomics; the
/// handler does nothing but async-signal-safe work (an atomic store, `write`, `_exit`; POSIX
/// 2.4.3). Until a runner listens, a signal ends the process at once with 128 + its number,
/// as the default action would, but without SIGQUIT's core dump; a second signal always does.
enum SignalMonitor {
  /// The signals that end a run.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  /// Installs the handler for `signals`; `listening` says whether a runner will poll the
  /// `Cancellation` (else the first signal ends the process at once).
  ///
  /// The corresponding C functions are `pipe`, `fcntl`, `sigaction` and `sigprocmask`.
  static func install(listening: Bool) {
    if listening, wakeWriteEnd.load(ordering: .relaxed) < 0 {
      var ends: [Int32] = [-1, -1]
      if pipe(&ends) == 0 {
        for end in ends {
          _ = fcntl(end, F_SETFD, FD_CLOEXEC)
          _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        wakeReadEnd.store(ends[0], ordering: .relaxed)
        wakeWriteEnd.store(ends[1], ordering: .relaxed)
      }
    }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { number in SignalMonitor.received(number) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for number in signals {
      sigaction(number, &action, nil)
      sigaddset(&unblocked, number)
    }
    // A parent may have blocked them (the mask survives exec): unblock, or they never arrive.
    sigprocmask(SIG_UNBLOCK, &unblocked, nil)
  }

  /// The cancellation the probe runner polls.
  static var cancellation: Cancellation {
    let descriptor = wakeReadEnd.load(ordering: .relaxed)
    return Cancellation(wakeDescriptor: descriptor >= 0 ? descriptor : nil) {
      caught.load(ordering: .relaxed) != 0
    }
  }

  /// The first signal received, or nil.
  static var caughtSignal: Int32? {
    let number = caught.load(ordering: .relaxed)
    return number == 0 ? nil : number
  }

  /// The handler: remembers the first signal and wakes the runner; ends the process when no
  /// runner listens or when this is the second signal.
  private static func received(_ number: Int32) {
    let (first, _) = caught.compareExchange(
      expected: 0, desired: number, ordering: .relaxed)
    let writeEnd = wakeWriteEnd.load(ordering: .relaxed)
    guard first, writeEnd >= 0 else { _exit(128 + number) }
    var byte: UInt8 = 1
    _ = write(writeEnd, &byte, 1)
  }

  /// The first signal's number, 0 before any.
  private static let caught = Atomic<Int32>(0)
  /// The self-pipe, -1 until a runner listens.
  private static let wakeReadEnd = Atomic<Int32>(-1)
  private static let wakeWriteEnd = Atomic<Int32>(-1)
}
