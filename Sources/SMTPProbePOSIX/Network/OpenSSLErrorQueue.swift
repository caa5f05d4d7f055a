import COpenSSL
import SMTPProbeCore

/// Reads OpenSSL's thread-local error queue into one line of text.
enum OpenSSLErrorQueue {
  /// Empties the queue so the next call's errors are its own (`ERR_clear_error`).
  static func clear() { ERR_clear_error() }

  /// The reasons queued since the last `clear()`, oldest first, joined with "; ".
  ///
  /// Uses `ERR_reason_error_string` ("wrong version number") and falls back to
  /// `ERR_error_string_n` when OpenSSL has no reason text. Empties the queue.
  static func drain() -> String? {
    var reasons: [String] = []
    while true {
      let code = ERR_get_error()
      if code == 0 { break }
      if let reason = ERR_reason_error_string(code) {
        reasons.append(String(cString: reason))
      } else {
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self))
      }
    }
    var seen = Set<String>()
    let unique = reasons.filter { seen.insert($0).inserted }
    return unique.isEmpty ? nil : unique.joined(separator: "; ")
  }
}
