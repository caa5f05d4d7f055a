/// A threshold range in the Monitoring Plugins format `[@][start:][end]`, and whether a value
/// alerts against it.
///
/// The Monitoring Plugins development guidelines ("Threshold and ranges"): `start` and `:` may
/// be left out when start is 0; an empty end is positive infinity; `~` as start is negative
/// infinity; start must not exceed end. Without `@` a value alerts when it lies outside
/// start...end, endpoints included in the range; with `@` it alerts when it lies inside. So
/// `10` alerts below 0 or above 10, `10:` below 10, `~:10` above 10, `10:20` outside 10...20
/// and `@10:20` within it.
public struct ThresholdRange: Hashable, Sendable, CustomStringConvertible {
  /// The lower end; nil is negative infinity (`~`).
  public var start: Double?
  /// The upper end; nil is positive infinity.
  public var end: Double?
  /// Whether the range is inverted by `@`: alert inside rather than outside.
  public var alertsInside: Bool

  public init(start: Double?, end: Double?, alertsInside: Bool = false) {
    self.start = start
    self.end = end
    self.alertsInside = alertsInside
  }

  /// Alert when the value is above `limit` or below zero (`0:limit`, spelled `limit`): the
  /// form for times, which are never negative.
  public static func above(_ limit: Double) -> ThresholdRange {
    ThresholdRange(start: 0, end: limit)
  }

  /// Alert when the value is below `limit` (`limit:`): the form for days left.
  public static func below(_ limit: Double) -> ThresholdRange {
    ThresholdRange(start: limit, end: nil)
  }

  /// Parses `text`; `option` names the flag for the error message.
  public static func parse(_ text: String, option: String) throws(CheckOptionError)
    -> ThresholdRange
  {
    var body = Substring(text)
    let inside = body.first == "@"
    if inside { body = body.dropFirst() }
    guard !body.isEmpty else {
      throw .invalidRange(option: option, value: text, reason: "no start and no end")
    }
    let start: Double?
    let end: Double?
    if let colon = body.firstIndex(of: ":") {
      let startText = body[..<colon]
      let endText = body[body.index(after: colon)...]
      if startText == "~" {
        start = nil
      } else if startText.isEmpty {
        start = 0
      } else {
        start = try number(startText, text: text, option: option)
      }
      end = endText.isEmpty ? nil : try number(endText, text: text, option: option)
    } else {
      start = 0
      end = try number(body, text: text, option: option)
    }
    if let start, let end, start > end {
      throw .invalidRange(
        option: option, value: text,
        reason: "start \(DecimalText.text(start)) is greater than end \(DecimalText.text(end))")
    }
    return ThresholdRange(start: start, end: end, alertsInside: inside)
  }

  /// Whether `value` raises the alert this range stands for.
  public func alerts(_ value: Double) -> Bool {
    let aboveStart = start.map { value >= $0 } ?? true
    let belowEnd = end.map { value <= $0 } ?? true
    let within = aboveStart && belowEnd
    return alertsInside ? within : !within
  }

  /// The range in its shortest spelling (`10`, `20:`, `~:10`, `@10:20`), as perfdata carries it.
  public var description: String {
    let prefix = alertsInside ? "@" : ""
    let endText = end.map { DecimalText.text($0) } ?? ""
    switch start {
    case nil: return "\(prefix)~:\(endText)"
    case 0 where end != nil: return "\(prefix)\(endText)"
    case let start?: return "\(prefix)\(DecimalText.text(start)):\(endText)"
    }
  }

  /// A decimal number in the guidelines' class `[-0-9.]`; `inf`, `nan` and exponents are
  /// refused.
  private static func number(_ part: Substring, text: String, option: String)
    throws(CheckOptionError) -> Double
  {
    let allowed = part.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
    guard allowed, let value = Double(part) else {
      throw .invalidRange(option: option, value: text, reason: "'\(part)' is not a number")
    }
    return value
  }
}
