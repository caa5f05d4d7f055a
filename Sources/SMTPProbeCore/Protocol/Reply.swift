/// One complete SMTP reply: a code, one or more lines of text, and what was odd about it.
///
/// A reply is a value, never an error: a 550 is something the server said, to be explained
/// (RFC 5321 section 4.2). Deviations from the grammar are kept in `violations`.
public struct Reply: Hashable, Sendable {
  /// The three-digit reply code of the first line (0 when the line carried no code at all).
  public var code: Int
  /// Every line as received, without its line ending (invalid UTF-8 shown as U+FFFD).
  public var lines: [String]
  /// The text of each line after the code and separator, enhanced code included.
  public var texts: [String]
  /// The enhanced status code at the start of the first line's text (RFC 2034), if any.
  public var enhanced: EnhancedStatusCode?
  /// The grammar deviations seen while parsing, in order.
  public var violations: [ReplyViolation]

  /// Makes a reply from its parts; `texts` and `enhanced` are derived from `lines` when omitted.
  public init(
    code: Int, lines: [String], texts: [String]? = nil, enhanced: EnhancedStatusCode? = nil,
    violations: [ReplyViolation] = []
  ) {
    self.code = code
    self.lines = lines
    self.texts = texts ?? lines.map { Reply.text(ofLine: $0) }
    self.enhanced =
      enhanced ?? self.texts.first.flatMap { EnhancedStatusCode.prefix(of: $0[...])?.code }
    self.violations = violations
  }

  /// Makes a single-line reply `code text`, as a server would send it.
  public init(_ code: Int, _ text: String = "") {
    self.init(code: code, lines: [text.isEmpty ? "\(code)" : "\(code) \(text)"])
  }

  /// The reply's class from its first digit, or nil for a code outside 200...599.
  public var replyClass: ReplyClass? { ReplyClass(code: code) }

  /// The human text of the reply, which is what patterns are matched against.
  ///
  /// Each line's text without a leading enhanced code, joined by single spaces.
  public var text: String {
    texts.map { line -> String in
      let sub = line[...]
      if let (_, length) = EnhancedStatusCode.prefix(of: sub) {
        // A byte count: a combining mark after the space would join it in one Character.
        return String(decoding: sub.utf8.dropFirst(length), as: UTF8.self)
      }
      return line
    }
    .filter { !$0.isEmpty }
    .joined(separator: " ")
  }

  /// Whether the reply is 2yz or 3yz.
  public var isPositive: Bool { replyClass?.isPositive ?? false }

  /// The text after the code and separator of one raw line (`250-SIZE 1000` gives `SIZE 1000`).
  static func text(ofLine line: String) -> String {
    let utf8 = Array(line.utf8)
    guard utf8.count >= 3, utf8[0..<3].allSatisfy({ (0x30...0x39).contains($0) }) else {
      return line
    }
    guard utf8.count > 3 else { return "" }
    let start = utf8[3] == 0x20 || utf8[3] == 0x2D ? 4 : 3
    return String(decoding: utf8[start...], as: UTF8.self)
  }
}
