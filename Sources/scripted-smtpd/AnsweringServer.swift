import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// `--answer-any`: every connection gets a small mail server's answers instead of a script,
/// many connections at once, each reply held back `--reply-delay` milliseconds.
///
/// For benchmarks: a greeting, EHLO with PIPELINING (RFC 2920), MAIL, RSET and NOOP accepted,
/// RCPT accepted unless the local part starts with `unknown` or `smtpprobe-check-` (550
/// 5.1.1, so the catch-all probe says "no"), QUIT answered and the connection closed. The
/// replies to the commands of one read leave together after the delay, as over a link whose
/// round trip takes that long. `--stats FILE` is rewritten after each connection closes with
/// `connections=N round_trips=M rcpts=K` (round trips: reply batches, the greeting included).
final class AnsweringServer {
  private struct Pending {
    var due: Int64
    var bytes: [UInt8]
    var closeAfter: Bool
  }

  private struct Connection {
    var fd: Int32
    var input: [UInt8] = []
    var pending: [Pending] = []
    var closing = false
  }

  private let listener: Int32
  private let delay: Int64
  private let statsPath: String?
  private let watchStdin: Bool
  private let clock = SystemClock()
  private var connections: [Connection] = []
  private var accepted = 0
  private var roundTrips = 0
  private var recipients = 0

  init(listener: Int32, delayMilliseconds: Int, statsPath: String?, watchStdin: Bool) {
    self.listener = listener
    self.delay = Int64(delayMilliseconds)
    self.statsPath = statsPath
    self.watchStdin = watchStdin
  }

  private var now: Int64 { Int64(clock.nowNanoseconds() / 1_000_000) }

  /// Serves until stdin closes (unless ignored).
  func run() {
    while true {
      var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
      if watchStdin { fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
      let first = fds.count
      for connection in connections {
        fds.append(pollfd(fd: connection.fd, events: Int16(POLLIN), revents: 0))
      }
      let due = connections.flatMap { $0.pending.map(\.due) }.min()
      let timeout = due.map { Int32(max(0, min(60_000, $0 - now))) } ?? 60_000
      _ = poll(&fds, nfds_t(fds.count), timeout)
      if watchStdin, fds[1].revents != 0, StdinWatch.closed() { return }
      if fds[0].revents != 0, let client = try? Syscall.accept(listener) {
        accepted += 1
        var connection = Connection(fd: client)
        schedule(&connection, Array("220 scripted-smtpd ESMTP\r\n".utf8), close: false)
        connections.append(connection)
      }
      for index in connections.indices.reversed() where index + first < fds.count {
        guard fds[index + first].fd == connections[index].fd, fds[index + first].revents != 0
        else { continue }
        read(&connections[index])
      }
      flush()
    }
  }

  private func schedule(_ connection: inout Connection, _ bytes: [UInt8], close: Bool) {
    roundTrips += 1
    connection.pending.append(Pending(due: now + delay, bytes: bytes, closeAfter: close))
  }

  private func read(_ connection: inout Connection) {
    guard let bytes = try? Syscall.receive(connection.fd, maximum: 64 * 1024), !bytes.isEmpty
    else {
      connection.closing = true
      connection.pending.removeAll()
      return
    }
    connection.input += bytes
    var replies: [UInt8] = []
    var close = false
    while let newline = connection.input.firstIndex(of: 0x0A) {
      var line = Array(connection.input[..<newline])
      connection.input.removeSubrange(...newline)
      if line.last == 0x0D { line.removeLast() }
      let (reply, quit) = answer(String(decoding: line, as: UTF8.self))
      replies += Array(reply.utf8)
      if quit {
        close = true
        break
      }
    }
    if !replies.isEmpty { schedule(&connection, replies, close: close) }
  }

  /// The reply to one command line, and whether it ends the connection.
  private func answer(_ line: String) -> (String, Bool) {
    let verb = line.prefix(while: { $0 != " " && $0 != ":" }).uppercased()
    switch verb {
    case "EHLO":
      return (
        "250-scripted-smtpd\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n", false
      )
    case "HELO": return ("250 scripted-smtpd\r\n", false)
    case "MAIL": return ("250 2.1.0 Ok\r\n", false)
    case "RCPT":
      recipients += 1
      let local = line.split(separator: "<").dropFirst().first?.lowercased() ?? ""
      if local.hasPrefix("unknown") || local.hasPrefix("smtpprobe-check-") {
        return ("550 5.1.1 Recipient address rejected: User unknown\r\n", false)
      }
      return ("250 2.1.5 Ok\r\n", false)
    case "RSET", "NOOP": return ("250 2.0.0 Ok\r\n", false)
    case "QUIT": return ("221 2.0.0 Bye\r\n", true)
    default: return ("502 5.5.2 Error: command not recognized\r\n", false)
    }
  }

  /// Writes every reply batch that is due; closes connections that are done.
  private func flush() {
    let time = now
    var changed = false
    for index in connections.indices {
      while let first = connections[index].pending.first, first.due <= time {
        connections[index].pending.removeFirst()
        var offset = 0
        while offset < first.bytes.count {
          guard let written = try? Syscall.send(connections[index].fd, first.bytes, from: offset)
          else { break }
          offset += written
        }
        if first.closeAfter { connections[index].closing = true }
      }
    }
    for index in connections.indices.reversed()
    where connections[index].closing && connections[index].pending.isEmpty {
      Syscall.close(connections[index].fd)
      connections.remove(at: index)
      changed = true
    }
    if changed { writeStats() }
  }

  private func writeStats() {
    guard let statsPath else { return }
    let text = "connections=\(accepted) round_trips=\(roundTrips) rcpts=\(recipients)\n"
    let fd = open(statsPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    writeAll(fd, text)
    close(fd)
  }
}
