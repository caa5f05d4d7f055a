/// The command line of scripted-smtpd.
///
/// `scripted-smtpd [--listen HOST:PORT] --script FILE [--once | --connections N] [--log FILE]
/// [--ignore-stdin] [--buffer-bytes N] [--then-script FILE]...`, or `--answer-any
/// [--reply-delay MS] [--stats FILE]` instead of a script (`AnsweringServer`). Connection 1 replays
/// `--script`, connection 2 the first `--then-script`, and so on; the last script replays for
/// every later connection (a greylisting server: refuse first, accept on the retry). The default listen address is `127.0.0.1:0` (a free
/// port); an IPv6 address goes in brackets (`[::1]:0`).
struct ServerOptions {
  var listenHost = "127.0.0.1"
  var listenPort = 0
  var scriptPath = ""
  /// The scripts of the second and later connections, in order.
  var laterScriptPaths: [String] = []
  /// Connections to serve before exiting; nil for no limit.
  var connections: Int?
  var logPath: String?
  /// Keep running when stdin closes (by default a closed stdin means "exit").
  var ignoreStdin = false
  /// SO_RCVBUF and SO_SNDBUF for accepted sockets, to make a server that falls behind: small
  /// buffers fill after a few replies the client does not read (RFC 2920 3.1's deadlock).
  var bufferBytes: Int32?
  /// `--answer-any`: no script; every connection gets `AnsweringServer`'s replies.
  var answerAny = false
  /// `--reply-delay MS`: how long `--answer-any` holds each batch of replies.
  var replyDelayMilliseconds = 0
  /// `--stats FILE`: where `--answer-any` writes its counts.
  var statsPath: String?

  static let usage =
    "usage: scripted-smtpd [--listen HOST:PORT] --script FILE [--once | --connections N]"
    + " [--log FILE] [--ignore-stdin] [--buffer-bytes N] [--then-script FILE]...\n"
    + "       scripted-smtpd [--listen HOST:PORT] --answer-any [--reply-delay MS] [--stats FILE]"
    + " [--ignore-stdin]"

  init(arguments: [String]) throws(ScriptError) {
    var rest = arguments[...]
    func value(_ option: String) throws(ScriptError) -> String {
      guard let next = rest.popFirst() else {
        throw ScriptError(line: 0, message: "\(option) needs a value")
      }
      return next
    }
    while let option = rest.popFirst() {
      switch option {
      case "--listen":
        let text = try value(option)
        guard let colon = text.lastIndex(of: ":"),
          let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else { throw ScriptError(line: 0, message: "--listen wants HOST:PORT") }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        listenHost = host
        listenPort = port
      case "--script": scriptPath = try value(option)
      case "--then-script": laterScriptPaths.append(try value(option))
      case "--once": connections = 1
      case "--connections":
        guard let count = Int(try value(option)), count > 0 else {
          throw ScriptError(line: 0, message: "--connections wants a positive number")
        }
        connections = count
      case "--log": logPath = try value(option)
      case "--ignore-stdin": ignoreStdin = true
      case "--buffer-bytes":
        guard let bytes = Int32(try value(option)), bytes > 0 else {
          throw ScriptError(line: 0, message: "--buffer-bytes wants a positive number")
        }
        bufferBytes = bytes
      case "--answer-any": answerAny = true
      case "--reply-delay":
        guard let milliseconds = Int(try value(option)), (0...60_000).contains(milliseconds) else {
          throw ScriptError(line: 0, message: "--reply-delay wants milliseconds, 0-60000")
        }
        replyDelayMilliseconds = milliseconds
      case "--stats": statsPath = try value(option)
      default: throw ScriptError(line: 0, message: "unknown option \(option)")
      }
    }
    if scriptPath.isEmpty, !answerAny {
      throw ScriptError(line: 0, message: "--script is required")
    }
  }
}
