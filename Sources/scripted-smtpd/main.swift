import SMTPProbeCore
import SMTPProbePOSIX

// scripted-smtpd: a loopback SMTP test peer replaying a script on each connection, for the
// behaviour a real MTA will not show (odd replies, slow or hostile peers). See ScriptStep for
// the script format and ServerOptions for the command line. Prints `PORT n` once listening.
#if canImport(Glibc)
  import Glibc
#endif

func writeAll(_ fd: Int32, _ text: String) {
  let bytes = Array(text.utf8)
  _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

func fail(_ message: String, code: Int32) -> Never {
  writeAll(STDERR_FILENO, "scripted-smtpd: \(message)\n")
  exit(code)
}

func readFile(_ path: String) -> String? {
  guard let file = fopen(path, "r") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    if count == 0 { break }
    bytes += chunk[..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}

ProcessSetup.ignoreSIGPIPE()
let options: ServerOptions
var scripts: [Script] = []
do {
  options = try ServerOptions(arguments: Array(CommandLine.arguments.dropFirst()))
  for path in (options.answerAny ? [] : [options.scriptPath]) + options.laterScriptPaths {
    guard let text = readFile(path) else { fail("cannot read \(path)", code: 66) }
    scripts.append(try Script(parsing: text))
  }
} catch {
  fail("\(error)\n\(ServerOptions.usage)", code: 64)
}

guard let address = SocketAddress(numericHost: options.listenHost, port: options.listenPort)
else { fail("--listen wants a numeric address", code: 64) }
let listener: Int32
let port: Int
do {
  listener = try Syscall.socket(
    family: address.family == .ipv4 ? AF_INET : AF_INET6, nonBlocking: false)
  try Syscall.setOption(listener, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
  if let bytes = options.bufferBytes {
    // Set before listen so accepted sockets inherit them and the window is small from the start.
    try Syscall.setOption(listener, level: SOL_SOCKET, name: SO_RCVBUF, value: bytes)
    try Syscall.setOption(listener, level: SOL_SOCKET, name: SO_SNDBUF, value: bytes)
  }
  try Syscall.bind(listener, to: address)
  try Syscall.listen(listener, backlog: 16)
  port = try Syscall.localAddress(listener).port
} catch {
  fail("cannot listen on \(address): \(error)", code: 71)
}

let log = EventLog(path: options.logPath)
writeAll(STDOUT_FILENO, "PORT \(port)\n")
if options.answerAny {
  AnsweringServer(
    listener: listener, delayMilliseconds: options.replyDelayMilliseconds,
    statsPath: options.statsPath, watchStdin: !options.ignoreStdin
  ).run()
  Syscall.close(listener)
  exit(0)
}

var served = 0
serving: while options.connections.map({ served < $0 }) ?? true {
  var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
  if !options.ignoreStdin {
    fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0))
  }
  _ = try? Syscall.poll(&fds, deadline: nil, clock: SystemClock())
  if !options.ignoreStdin, fds[1].revents != 0, StdinWatch.closed() { break serving }
  guard fds[0].revents != 0, let client = try? Syscall.accept(listener) else { continue }
  served += 1
  let peer = (try? Syscall.peerAddress(client)).map(\.description) ?? "?"
  log.note("*", "connection \(served) from \(peer)")
  let connection = ScriptedConnection(fd: client, log: log, watchStdin: !options.ignoreStdin)
  do {
    try connection.run(scripts[min(served, scripts.count) - 1])
    log.note("*", "connection \(served) closed by script")
  } catch .shutdown {
    Syscall.close(client)
    break serving
  } catch {
    log.note("*", "connection \(served) ended by client")
  }
  Syscall.close(client)
}
Syscall.close(listener)
exit(0)
