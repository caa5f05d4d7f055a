import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

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

@Suite struct LineWrapPiecesTests {
  @Test func breaksOnlyBetweenPieces() {
    let pieces = ["connect 1 ms", "greeting 2 ms", "EHLO 41 ms", "MAIL 0 ms", "RCPT 43 ms"]
    let wrapped = LineWrap.wrap(
      pieces: pieces, separator: ", ", prefix: "timings: ", indent: "  ", width: 40)
    #expect(
      wrapped == "timings: connect 1 ms, greeting 2 ms,\n  EHLO 41 ms, MAIL 0 ms, RCPT 43 ms\n")
  }
}
