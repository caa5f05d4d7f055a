/// Turns message content into DATA wire bytes block by block, in constant memory, counting the
/// faults it carries (RFC 5321 4.5.2, 4.5.3.1.6, 2.3.8).
///
/// Feed the message in blocks of any size with `encode(_:)`, then call `finish()` once. The
/// output is what `DotStuffing.stuff` makes of the whole message: every bare LF, bare CR and
/// CRLF becomes CRLF (a CR at the end of one block waits for the next to decide), each line
/// that starts with `.` gets another `.` in front (a line may start in a later block than the
/// one that ended the previous line), the content ends with CRLF, then `.` CRLF. Only the
/// line being read is remembered, never the message.
///
/// Faults are counted, not repaired: a line longer than 1,000 octets with its CRLF (RFC 5321
/// 4.5.3.1.6; servers answer "500 Line too long" or fold it) and NUL octets (RFC 5322 2.3 and
/// RFC 2045 2.7-2.8 admit none in a message body). Line numbers count from 1.
public struct ContentEncoder: Sendable {
  private static let cr: UInt8 = 0x0D
  private static let lf: UInt8 = 0x0A
  private static let dot: UInt8 = 0x2E

  /// The longest line RFC 5321 4.5.3.1.6 allows, CRLF included.
  public static let maximumLineOctets = 1000

  /// What was encoded so far.
  public private(set) var report = ContentReport()
  /// The last byte was a CR whose meaning depends on the next byte.
  private var pendingCR = false
  /// No byte of the current line has been written yet.
  private var atLineStart = true
  /// Octets of the current line on the wire so far (a doubled dot included), without CRLF.
  private var lineOctets = 0
  private var finished = false

  public init() {}

  /// The wire bytes for `block`, the next part of the message.
  public mutating func encode(_ block: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(block.count + block.count / 32 + 4)
    for byte in block {
      if pendingCR {
        pendingCR = false
        endLine(into: &out)
        if byte == Self.lf { continue }  // CR LF: one line ending
      }
      if byte == Self.cr {
        pendingCR = true
        continue
      }
      if byte == Self.lf {
        endLine(into: &out)  // a bare LF
        continue
      }
      if atLineStart {
        atLineStart = false
        if byte == Self.dot {
          out.append(Self.dot)  // RFC 5321 4.5.2: transparency
          lineOctets += 1
        }
      }
      out.append(byte)
      lineOctets += 1
      report.octets += 1
      if byte == 0 { report.nulOctets.count(onLine: report.lines + 1) }
      if byte > 0x7F { report.has8BitOctets = true }
    }
    return out
  }

  /// The last wire bytes: the pending line ending, a final CRLF when the content lacks one,
  /// then `.` CRLF; call once, after the last block.
  public mutating func finish() -> [UInt8] {
    guard !finished else { return [] }
    finished = true
    var out: [UInt8] = []
    if pendingCR || !atLineStart {
      pendingCR = false
      endLine(into: &out)
    }
    return out + [Self.dot, Self.cr, Self.lf]
  }

  private mutating func endLine(into out: inout [UInt8]) {
    out.append(Self.cr)
    out.append(Self.lf)
    report.octets += 2
    report.lines += 1
    if lineOctets + 2 > Self.maximumLineOctets {
      report.longLines.count(onLine: report.lines)
    }
    lineOctets = 0
    atLineStart = true
  }
}

/// What went into a message's DATA: its size and lines as RFC 1870 3 counts them (CRLF line
/// endings, before dot-stuffing, without the final `.`), and the faults found on the way.
public struct ContentReport: Hashable, Sendable {
  /// Octets with CRLF line endings, before dot-stuffing (the SIZE of RFC 1870 3).
  public var octets = 0
  /// Lines, each ended by CRLF.
  public var lines = 0
  /// Whether any octet is above 127 (RFC 6152: needs `BODY=8BITMIME`).
  public var has8BitOctets = false
  /// Lines over 1,000 octets with their CRLF (RFC 5321 4.5.3.1.6).
  public var longLines = LineFault()
  /// NUL octets (RFC 5322 2.3).
  public var nulOctets = LineFault()

  public init() {}
}

/// How often a fault occurred in a message, and on which line first.
public struct LineFault: Hashable, Sendable {
  public private(set) var count = 0
  /// The line (from 1) of the first occurrence, nil when none.
  public private(set) var firstLine: Int?

  public init() {}

  /// Counts one more occurrence, on `line`.
  mutating func count(onLine line: Int) {
    count += 1
    if firstLine == nil { firstLine = line }
  }
}
