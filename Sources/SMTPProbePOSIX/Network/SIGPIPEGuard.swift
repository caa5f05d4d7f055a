import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Runs an OpenSSL call with SIGPIPE blocked on this thread, and swallows a SIGPIPE it raised.
///
/// OpenSSL writes to the socket with `write`, which raises SIGPIPE when the server has gone;
/// the default action would kill the probe. Blocking it per thread (`pthread_sigmask`) and
/// consuming it (`sigtimedwait`) leaves the process's signal handling untouched.
enum SIGPIPEGuard {
  /// The call's result and whether it raised SIGPIPE (the peer is gone).
  struct Result {
    var value: Int32
    var sigpipe: Bool
  }

  static func run(_ body: () -> Int32) -> Result {
    var pipeSet = sigset_t()
    sigemptyset(&pipeSet)
    sigaddset(&pipeSet, SIGPIPE)
    var pending = sigset_t()
    sigpending(&pending)
    let alreadyPending = sigismember(&pending, SIGPIPE) == 1
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSet, &previous)
    let savedErrnoValue: Int32
    let value = body()
    savedErrnoValue = errno
    var raised = false
    if !alreadyPending {
      sigpending(&pending)
      if sigismember(&pending, SIGPIPE) == 1 {
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&pipeSet, nil, &zero) == -1 && errno == EINTR {}
        raised = true
      }
    }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    errno = savedErrnoValue
    return Result(value: value, sigpipe: raised)
  }
}
