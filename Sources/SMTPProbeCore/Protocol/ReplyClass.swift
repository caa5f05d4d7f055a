/// The class of a reply, named by the first digit of its code (RFC 5321 section 4.2.1).
public enum ReplyClass: String, Sendable, CaseIterable, Codable {
  /// 2yz: the requested action has been completed.
  case positiveCompletion = "positive-completion"
  /// 3yz: the command has been accepted; the server waits for more (DATA, AUTH).
  case positiveIntermediate = "positive-intermediate"
  /// 4yz: not accepted this time; the same command may succeed later.
  case transientNegative = "transient-negative"
  /// 5yz: not accepted; do not repeat the same command unchanged.
  case permanentNegative = "permanent-negative"

  /// The class for a reply code's first digit, or nil when that digit is outside 2...5.
  public init?(firstDigit: Int) {
    switch firstDigit {
    case 2: self = .positiveCompletion
    case 3: self = .positiveIntermediate
    case 4: self = .transientNegative
    case 5: self = .permanentNegative
    default: return nil
    }
  }

  /// The class of a three-digit reply code, or nil for a code outside 200...599.
  public init?(code: Int) {
    guard (200...599).contains(code) else { return nil }
    self.init(firstDigit: code / 100)
  }

  /// The English name as RFC 5321 and the reference pages spell it ("Transient Negative").
  public var title: String {
    switch self {
    case .positiveCompletion: "Positive Completion"
    case .positiveIntermediate: "Positive Intermediate"
    case .transientNegative: "Transient Negative"
    case .permanentNegative: "Permanent Negative"
    }
  }

  /// Whether the reply means success or "go on" (2yz or 3yz).
  public var isPositive: Bool {
    self == .positiveCompletion || self == .positiveIntermediate
  }
}
