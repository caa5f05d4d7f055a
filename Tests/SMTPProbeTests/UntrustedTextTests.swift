import Testing

@testable import SMTPProbeCore

/// How a server's text is shown: controls and invisible characters escaped, the rest as sent.
@Suite struct UntrustedTextTests {
  @Test func terminalControlsPrintAsHexAndTabStays() {
    #expect(UntrustedText.shown("a\u{1B}[31mb\tc\u{7F}\u{9B}") == "a\\x1B[31mb\tc\\x7F\\x9B")
  }

  @Test(arguments: [
    ("\u{2028}", "\\u{2028}"),  // line separator (Zl)
    ("\u{202E}", "\\u{202E}"),  // right-to-left override (Cf, UAX 9)
    ("\u{200B}", "\\u{200B}"),  // zero width space (Cf)
    ("\u{FEFF}", "\\u{FEFF}"),  // byte order mark (Cf)
    ("\u{00AD}", "\\u{00AD}"),  // soft hyphen (Cf): prints as nothing mid-word
    ("\u{E0041}", "\\u{E0041}"),  // tag letter A (Cf): hidden text
  ])
  func invisibleCharactersAreEscaped(character: String, shown: String) {
    #expect(UntrustedText.shown("x" + character + "y") == "x" + shown + "y")
  }

  @Test func visibleTextFromAnyScriptStaysAsSent() {
    // An ideographic space (Zs) and a no-break space are visible gaps, not hidden text.
    let text = "550 ユーザー\u{3000}不明です\u{00A0}é"
    #expect(UntrustedText.shown(text) == text)
  }

  @Test func quotedCutsByCharactersOfTheOriginal() {
    #expect(UntrustedText.quoted("abc\u{1B}def", limit: 4) == "abc\\x1B...")
  }
}
