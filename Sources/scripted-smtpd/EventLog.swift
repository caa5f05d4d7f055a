#if canImport(Glibc)
  import Glibc
#endif

/// Where scripted-smtpd writes what happened, one line per event: `C: ` a line the client
/// sent, `S: ` a line we sent, `*: ` connection events, `!: ` script mismatches.
final class EventLog {
  private let fd: Int32

  /// Appends to `path`, or writes to stderr when nil.
  init(path: String?) {
    if let path {
      fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    } else {
      fd = STDERR_FILENO
    }
  }

  func write(_ marker: String, _ bytes: some Sequence<UInt8>) {
    var line = Array("\(marker): ".utf8)
    for byte in bytes {
      switch byte {
      case 0x20..<0x7F where byte != UInt8(ascii: "\\"): line.append(byte)
      case UInt8(ascii: "\\"): line.append(contentsOf: Array("\\\\".utf8))
      case 0x0D: line.append(contentsOf: Array("\\r".utf8))
      case 0x0A: line.append(contentsOf: Array("\\n".utf8))
      default:
        let hex = String(byte, radix: 16)
        line.append(contentsOf: Array(("\\x" + (hex.count == 1 ? "0" : "") + hex).utf8))
      }
    }
    line.append(0x0A)
    _ = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
  }

  func note(_ marker: String, _ text: String) { write(marker, Array(text.utf8)) }
}
