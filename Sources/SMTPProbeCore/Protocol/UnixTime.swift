/// A moment in UTC as whole seconds since 1970-01-01T00:00:00Z, the way X.509 validity dates
/// (RFC 5280 4.1.2.5) and the `Date:` header (RFC 5322 3.3) need it.
///
/// The core reads no clock: the current time comes in from the POSIX layer, so renderers and
/// judgements stay deterministic under test.
public struct UnixTime: Hashable, Comparable, Sendable {
  /// Seconds since the epoch; negative before 1970.
  public var seconds: Int64

  public init(seconds: Int64) {
    self.seconds = seconds
  }

  public static func < (lhs: UnixTime, rhs: UnixTime) -> Bool { lhs.seconds < rhs.seconds }

  /// Whole days from `self` until `later`, rounded down (negative when `later` is earlier).
  public func days(until later: UnixTime) -> Int {
    let difference = later.seconds &- seconds
    return Int(difference >= 0 ? difference / 86_400 : (difference - 86_399) / 86_400)
  }

  /// `2035-12-31T00:00:00Z` (RFC 3339 5.6, UTC).
  public var iso8601: String {
    let (days, second) = split
    let (year, month, day) = Self.civil(fromDays: days)
    return "\(year)-\(Self.two(month))-\(Self.two(day))T"
      + "\(Self.two(second / 3600)):\(Self.two(second / 60 % 60)):\(Self.two(second % 60))Z"
  }

  /// `Thu, 01 Jan 1970 00:00:00 +0000`, an RFC 5322 3.3 `date-time` in UTC.
  public var rfc5322: String {
    let (days, second) = split
    let (year, month, day) = Self.civil(fromDays: days)
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    return "\(weekday), \(Self.two(day)) \(months[Int(month) - 1]) \(year) "
      + "\(Self.two(second / 3600)):\(Self.two(second / 60 % 60)):\(Self.two(second % 60)) +0000"
  }

  /// The time of a UTC calendar date (the inverse of `civil(fromDays:)`), as `timegm` computes
  /// it; nil for a month or day out of range.
  public init?(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
    guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
      (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    self.init(seconds: days * 86_400 + hour * 3600 + minute * 60 + second)
  }

  /// Days since the epoch and the seconds into that day.
  private var split: (days: Int64, second: Int64) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    return (days, seconds - days * 86_400)
  }

  /// The proleptic Gregorian date of a day count since 1970-01-01 (the days-to-civil
  /// algorithm described by Howard Hinnant in "chrono-Compatible Low-Level Date Algorithms").
  static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
