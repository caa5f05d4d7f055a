import Testing

@testable import SMTPProbe

@Suite struct LineWrapTests {
  @Test func wrapsAtWordsWithinTheWidth() {
    let text = Array(repeating: "word", count: 40).joined(separator: " ")
    let wrapped = LineWrap.wrap(text, prefix: "    ", indent: "      ", width: 30)
    let lines = wrapped.split(separator: "\n").map(String.init)
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 30 })
    #expect(lines.first?.hasPrefix("    word") == true)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      word") })
    #expect(lines.joined(separator: " ").split(separator: " ").count == 40)
  }

  @Test func aLongWordStaysWhole() {
    let url = "https://" + String(repeating: "x", count: 50) + ".example/help"
    let wrapped = LineWrap.wrap("see \(url) now", prefix: "", indent: "  ", width: 20)
    #expect(wrapped == "see\n  \(url)\n  now\n")
  }

  @Test func shortTextIsOneLine() {
    #expect(LineWrap.wrap("fix: retry", prefix: "  ", indent: "    ") == "  fix: retry\n")
  }
}
