import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A string and its exact JSON spelling.
struct EscapeCase: CustomTestStringConvertible, Sendable {
  let id: String
  let input: String
  let expected: String
  var testDescription: String { id }
}

@Suite struct JSONValueTests {
  static let escapes: [EscapeCase] = [
    EscapeCase(id: "plain", input: "User unknown", expected: #""User unknown""#),
    EscapeCase(
      id: "quote and backslash", input: #"say "hi" \ bye"#, expected: #""say \"hi\" \\ bye""#),
    EscapeCase(id: "CR LF tab", input: "a\r\nb\tc", expected: #""a\r\nb\tc""#),
    EscapeCase(id: "backspace and form feed", input: "\u{08}\u{0C}", expected: #""\b\f""#),
    EscapeCase(
      id: "NUL and other controls", input: "\u{00}\u{1B}\u{1F}", expected: #""\u0000\u001b\u001f""#),
    EscapeCase(id: "DEL", input: "\u{7F}", expected: #""\u007f""#),
    EscapeCase(
      id: "line and paragraph separators", input: "\u{2028}\u{2029}", expected: #""\u2028\u2029""#),
    EscapeCase(id: "non-ASCII stays UTF-8", input: "Açıklama 説明 ✓", expected: #""Açıklama 説明 ✓""#),
    EscapeCase(id: "replacement character", input: "\u{FFFD}", expected: "\"\u{FFFD}\""),
    EscapeCase(id: "slash is not escaped", input: "a/b", expected: #""a/b""#),
  ]

  @Test(arguments: escapes)
  func escapesStrings(_ c: EscapeCase) {
    #expect(JSONValue.string(c.input).compact == c.expected)
  }

  @Test func keepsKeyOrderCompact() {
    let value: JSONValue = ["z": 1, "a": [true, false, nil], "m": ["k": "v"], "e": [], "o": [:]]
    #expect(value.compact == #"{"z":1,"a":[true,false,null],"m":{"k":"v"},"e":[],"o":{}}"#)
  }

  @Test func prettyIndentsByTwo() {
    let value: JSONValue = ["code": 550, "lines": ["a", "b"], "empty": [], "nested": ["x": nil]]
    let expected = """
      {
        "code": 550,
        "lines": [
          "a",
          "b"
        ],
        "empty": [],
        "nested": {
          "x": null
        }
      }
      """
    #expect(value.pretty == expected)
  }

  @Test func numbers() {
    #expect(JSONValue.int(-42).compact == "-42")
    #expect(JSONValue.double(2.5).compact == "2.5")
    #expect(JSONValue.double(.nan).compact == "null")
    #expect(JSONValue.double(.infinity).compact == "null")
  }

  @Test func optionalsBecomeNull() {
    #expect(JSONValue(nil as String?) == .null)
    #expect(JSONValue("x" as String?) == .string("x"))
    #expect(JSONValue(nil as Int?) == .null)
    #expect(JSONValue(["a", "b"]) == .array([.string("a"), .string("b")]))
  }

  @Test func subscriptAndEquality() {
    let value: JSONValue = ["a": 1, "b": "two"]
    #expect(value["b"] == .string("two"))
    #expect(value["c"] == nil)
    #expect(value != ["b": "two", "a": 1])
  }
}
