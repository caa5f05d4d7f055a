/// Punycode, the Bootstring encoding of Unicode labels into ASCII (RFC 3492).
///
/// The parameters are RFC 3492 section 5's (base 36, tmin 1, tmax 26, skew 38, damp 700,
/// initial bias 72, initial n 128, delimiter "-"); the algorithm is section 6's, with the
/// overflow checks of 6.4. Encoding writes lower-case digits and no mixed-case annotations
/// (appendix A is optional); decoding accepts either case.
public enum Punycode {
  /// Why a Punycode string could not be decoded, or a label could not be encoded.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A character that is neither a basic code point before the delimiter nor a base-36 digit.
    case badInput(position: Int)
    /// A value grew past what a code point or the integer type can hold (RFC 3492 6.4).
    case overflow
    /// The decoded value is not a Unicode scalar (a surrogate or past U+10FFFF).
    case notAScalar(UInt32)

    public var description: String {
      switch self {
      case .badInput(let position):
        "position \(position): not a Punycode digit (RFC 3492 5)"
      case .overflow: "the Punycode value overflows (RFC 3492 6.4)"
      case .notAScalar(let value):
        "the Punycode value U+\(String(value, radix: 16, uppercase: true)) is not a character"
      }
    }
  }

  private static let base: UInt32 = 36
  private static let tMin: UInt32 = 1
  private static let tMax: UInt32 = 26
  private static let skew: UInt32 = 38
  private static let damp: UInt32 = 700
  private static let initialBias: UInt32 = 72
  private static let initialN: UInt32 = 128
  private static let delimiter = UInt8(ascii: "-")

  /// Encodes `label`'s scalars: basic code points first, then "-" if there were any, then the
  /// deltas (RFC 3492 6.3).
  public static func encode(_ label: String) throws(Failure) -> String {
    let input = label.unicodeScalars.map(\.value)
    var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
    let basicCount = UInt32(output.count)
    var handled = basicCount
    if basicCount > 0 { output.append(delimiter) }
    var n = initialN
    var delta: UInt32 = 0
    var bias = initialBias
    while handled < input.count {
      // The smallest code point not yet handled.
      guard let m = input.filter({ $0 >= n }).min() else { break }
      let (step, stepOverflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
      guard !stepOverflow, delta <= UInt32.max - step else { throw .overflow }
      delta += step
      n = m
      for c in input {
        if c < n {
          guard delta < UInt32.max else { throw .overflow }
          delta += 1
        }
        if c == n {
          var q = delta
          var k = base
          while true {
            let t = threshold(k, bias: bias)
            if q < t { break }
            output.append(digit(t + (q - t) % (base - t)))
            q = (q - t) / (base - t)
            k += base
          }
          output.append(digit(q))
          bias = adapt(delta, count: handled + 1, first: handled == basicCount)
          delta = 0
          handled += 1
        }
      }
      delta += 1
      n += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes a Punycode string (without any `xn--` prefix) to its label (RFC 3492 6.2).
  public static func decode(_ text: String) throws(Failure) -> String {
    let input = Array(text.utf8)
    var output: [UInt32] = []
    let split = input.lastIndex(of: delimiter)
    for (index, byte) in input[..<(split ?? 0)].enumerated() {
      guard byte < 0x80 else { throw .badInput(position: index) }
      output.append(UInt32(byte))
    }
    var n = initialN
    var i: UInt32 = 0
    var bias = initialBias
    var position = split.map { $0 + 1 } ?? 0
    while position < input.count {
      let oldI = i
      var w: UInt32 = 1
      var k = base
      while true {
        guard position < input.count else { throw .badInput(position: position) }
        guard let value = digitValue(input[position]) else {
          throw .badInput(position: position)
        }
        position += 1
        let (product, productOverflow) = value.multipliedReportingOverflow(by: w)
        guard !productOverflow, i <= UInt32.max - product else { throw .overflow }
        i += product
        let t = threshold(k, bias: bias)
        if value < t { break }
        let (nextW, wOverflow) = w.multipliedReportingOverflow(by: base - t)
        guard !wOverflow else { throw .overflow }
        w = nextW
        k += base
      }
      let count = UInt32(output.count + 1)
      bias = adapt(i - oldI, count: count, first: oldI == 0)
      guard i / count <= UInt32.max - n else { throw .overflow }
      n += i / count
      i %= count
      guard Unicode.Scalar(n) != nil else { throw .notAScalar(n) }
      output.insert(n, at: Int(i))
      i += 1
    }
    var label = ""
    for value in output {
      guard let scalar = Unicode.Scalar(value) else { throw .notAScalar(value) }
      label.unicodeScalars.append(scalar)
    }
    return label
  }

  /// The threshold t for digit position k (RFC 3492 6.1: clamped to tmin...tmax).
  private static func threshold(_ k: UInt32, bias: UInt32) -> UInt32 {
    k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
  }

  /// The bias adaptation function (RFC 3492 6.1).
  private static func adapt(_ delta: UInt32, count: UInt32, first: Bool) -> UInt32 {
    var delta = first ? delta / damp : delta / 2
    delta += delta / count
    var k: UInt32 = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + (base - tMin + 1) * delta / (delta + skew)
  }

  /// The basic code point for digit 0...35: a-z then 0-9 (RFC 3492 5).
  private static func digit(_ value: UInt32) -> UInt8 {
    value < 26 ? UInt8(value) + UInt8(ascii: "a") : UInt8(value - 26) + UInt8(ascii: "0")
  }

  /// The value of a digit, either case, or nil.
  private static func digitValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a"))
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A"))
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0")) + 26
    default: nil
    }
  }
}
