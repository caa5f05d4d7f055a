/// Prepares message content for the DATA phase (RFC 5321 4.5.2 and 2.3.8).
///
/// Lines must end in CRLF on the wire, so a bare LF or a bare CR becomes CRLF. The content ends
/// at a line holding a single `.`, so every line that starts with `.` gets one more `.` in front
/// ("transparency"); the receiver removes it. The content is then closed with `.` CRLF.
public enum DotStuffing {
  private static let cr: UInt8 = 0x0D
  private static let lf: UInt8 = 0x0A
  private static let dot: UInt8 = 0x2E

  /// Turns every bare LF, bare CR and CRLF into CRLF, and ends non-empty content with CRLF.
  public static func normalizeLineEndings(_ message: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(message.count + message.count / 32 + 2)
    var previousCR = false
    for byte in message {
      if byte == lf {
        if !previousCR { out.append(cr) }
        out.append(lf)
        previousCR = false
      } else {
        if previousCR { out.append(lf) }  // the CR before this byte was bare
        out.append(byte)
        previousCR = byte == cr
      }
    }
    if previousCR { out.append(lf) }
    if let last = out.last, last != lf { out.append(contentsOf: [cr, lf]) }
    return out
  }

  /// Normalizes line endings, doubles leading dots and appends `.` CRLF (`ContentEncoder` over
  /// the whole message).
  public static func stuff(_ message: some Collection<UInt8>) -> [UInt8] {
    var encoder = ContentEncoder()
    return encoder.encode(message) + encoder.finish()
  }

  /// Reverses `stuff`: drops the terminating line and one leading dot of every line (what a
  /// server does, RFC 5321 4.5.2); used by tests and the scripted server.
  public static func unstuff(_ wire: some Collection<UInt8>) -> [UInt8] {
    var bytes = Array(wire)
    if bytes.suffix(3) == [dot, cr, lf] { bytes.removeLast(3) }
    var out: [UInt8] = []
    var atLineStart = true
    for byte in bytes {
      if atLineStart, byte == dot {
        atLineStart = false
        continue
      }
      out.append(byte)
      atLineStart = byte == lf
    }
    return out
  }
}
