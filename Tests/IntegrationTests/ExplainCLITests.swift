import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// Input `explain` must refuse with exit 64 and exactly one stderr line.
struct BadInputCase: CustomTestStringConvertible, Sendable {
  let id: String
  let arguments: [String]
  var stdin: String? = nil
  /// The whole stderr line, or nil to check only the prefix.
  var expected: String? = nil
  var testDescription: String { id }
}

/// Runs the built binary: every explain form in text and JSON, headings, colour, bad input.
@Suite struct ExplainCLITests {
  static let escape = "\u{1B}["
  static let userUnknown = "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown"

  private func entry(_ code: Int) throws -> ReplyCodeEntry {
    try #require(ReplyCodeCatalogue.entry(for: code))
  }

  private func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  private func expectSuccess(_ result: RunResult) {
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(!result.stdout.isEmpty)
  }

  // MARK: - Text

  @Test func codeCard() throws {
    let result = try RunBinary.run(["explain", "550"])
    expectSuccess(result)
    let card = try entry(550)
    #expect(result.stdout.hasPrefix("SMTP 550 \(card.title)\n"))
    for heading in ["Description", "When You See It", "How to Fix", "Learn More"] {
      #expect(result.stdout.contains("\n\(heading)\n"), "\(heading)")
    }
    #expect(result.stdout.contains("Permanent Negative"))
    #expect(result.stdout.contains(card.rfc[0]))
    #expect(!result.stdout.contains(Self.escape))
    #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 78 })
  }

  @Test func twoCodes() throws {
    let result = try RunBinary.run(["explain", "250", "550"])
    expectSuccess(result)
    let (a, b) = (try entry(250), try entry(550))
    #expect(result.stdout.hasPrefix("SMTP 250 \(a.title) vs 550 \(b.title)\n"))
    for heading in ["Key Differences", "When to Use Which", "Learn More"] {
      #expect(result.stdout.contains("\n\(heading)\n"), "\(heading)")
    }
    #expect(result.stdout.contains("  1. "))
  }

  @Test func enhancedCodes() throws {
    let registered = try RunBinary.run(["explain", "5.1.1"])
    expectSuccess(registered)
    let description = EnhancedStatusCatalogue.describe(
      try #require(EnhancedStatusCode("5.1.1")))
    #expect(registered.stdout.contains("5.1.1 \(description.title)"))
    #expect(registered.stdout.contains("Registered in the IANA"))

    let unregistered = try RunBinary.run(["explain", "4.4.99"])
    expectSuccess(unregistered)
    #expect(unregistered.stdout.contains("Not in the IANA registry"))

    let anyClass = try RunBinary.run(["explain", "X.1.1"])
    expectSuccess(anyClass)
    #expect(anyClass.stdout.contains("X stands for any class"))
  }

  @Test func replyArgument() throws {
    let result = try RunBinary.run(["explain", Self.userUnknown, "--after", "rcpt"])
    expectSuccess(result)
    let reply = Reply(550, "5.1.1 <bob@example.org>: Recipient address rejected: User unknown")
    let diagnosis = Classifier.diagnose(reply, after: .rcpt)
    #expect(result.stdout.hasPrefix(diagnosis.summary))
    #expect(result.stdout.contains("<- \(Self.userUnknown)"))
    let english = Headings(.en)
    #expect(result.stdout.contains("\(english.category): \(diagnosis.category.rawValue)"))
    #expect(result.stdout.contains("In answer to RCPT."))
    #expect(result.stdout.contains("\n\(english.evidence)\n"))
    #expect(result.stdout.contains("SMTP 550 \(try entry(550).title)"))
  }

  @Test func multiLineReplyOnStandardInput() throws {
    let gmail =
      "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
      + "550-5.1.1 double-checking the recipient's email address for typos or\n"
      + "550 5.1.1 unnecessary spaces.\n"
    let result = try RunBinary.run(["explain", "-"], stdin: gmail)
    expectSuccess(result)
    #expect(result.stdout.contains("<- 550-5.1.1 double-checking"))
    // A paste loses its CRLFs; line endings are not judged, so nothing is a violation.
    #expect(!result.stdout.contains(Headings(.en).violations))
  }

  @Test func transcriptOnStandardInput() throws {
    let transcript = "<- 220 mx.test ESMTP\n-> MAIL FROM:<a@x.org>\n<- 250 ok\n"
    let result = try RunBinary.run(["explain", "-", "--json"], stdin: transcript)
    expectSuccess(result)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    let first = try json(String(lines[0]))
    let second = try json(String(lines[1]))
    #expect(first["after"] as? String == "greeting")
    #expect(second["after"] as? String == "MAIL")
  }

  // MARK: - JSON

  @Test func codeCardJSON() throws {
    let result = try RunBinary.run(["explain", "550", "--json"])
    expectSuccess(result)
    let object = try json(result.stdout)
    let card = try entry(550)
    #expect(object["code"] as? Int == 550)
    #expect(object["class"] as? String == "permanent-negative")
    #expect(object["title"] as? String == card.title)
    #expect(object["description"] as? String == card.description)
    #expect(object["when"] as? String == card.when)
    #expect(object["fix"] as? String == card.fix)
    #expect(object["rfc"] as? [String] == card.rfc)
    #expect(object["category"] as? String == card.category.rawValue)
    #expect(object["retry"] as? String == card.retry.rawValue)
  }

  @Test func twoCodesJSON() throws {
    let result = try RunBinary.run(["--json", "explain", "250", "550"])
    expectSuccess(result)
    let object = try json(result.stdout)
    let codes = try #require(object["codes"] as? [[String: Any]])
    #expect(codes.map { $0["code"] as? Int } == [250, 550])
    let differences = try #require(object["differences"] as? [String])
    #expect(differences == CodeComparison.differences(try entry(250), try entry(550)))
    #expect(object["summary"] is String && object["when_to_use_which"] is String)
  }

  @Test func enhancedJSON() throws {
    let result = try RunBinary.run(["explain", "--json", "4.4.99"])
    expectSuccess(result)
    let object = try json(result.stdout)
    #expect(object["enhanced"] as? String == "4.4.99")
    #expect(object["class"] as? String == "transient-negative")
    #expect(object["subject"] as? Int == 4)
    #expect(object["registered"] as? Bool == false)
    for key in ["class_meaning", "subject_title", "subject_description", "title", "description"] {
      #expect(object[key] is String, "\(key)")
    }
  }

  @Test func replyJSON() throws {
    let result = try RunBinary.run(["explain", Self.userUnknown, "--json", "--after=rcpt"])
    expectSuccess(result)
    let object = try json(result.stdout)
    let reply = try #require(object["reply"] as? [String: Any])
    #expect(reply["code"] as? Int == 550)
    #expect(reply["enhanced"] as? String == "5.1.1")
    #expect(reply["lines"] as? [String] == [Self.userUnknown])
    #expect(reply["violations"] as? [String] == [])
    let diagnosis = try #require(object["diagnosis"] as? [String: Any])
    #expect(diagnosis["class"] as? String == "permanent-negative")
    for key in ["category", "summary", "explanation", "fix", "retry"] {
      #expect(diagnosis[key] is String, "\(key)")
    }
    let evidence = try #require(diagnosis["evidence"] as? [[String: String]])
    #expect(!evidence.isEmpty)
    #expect(evidence.allSatisfy { Set($0.keys) == ["kind", "value", "detail"] })
    #expect((object["code_card"] as? [String: Any])?["code"] as? Int == 550)
    #expect((object["enhanced_status"] as? [String: Any])?["enhanced"] as? String == "5.1.1")
  }

  // MARK: - Language and colour

  @Test(arguments: [Language.tr, Language.ja])
  func localizedHeadings(_ language: Language) throws {
    let result = try RunBinary.run(["explain", "250", "550", "--lang", language.rawValue])
    expectSuccess(result)
    let headings = Headings(language)
    for heading in [
      headings.description, headings.whenYouSeeIt, headings.howToFix, headings.keyDifferences,
      headings.whenToUseWhich, headings.learnMore,
    ] {
      #expect(result.stdout.contains("\n\(heading)\n"), "\(heading)")
    }
    #expect(!result.stdout.contains("\nWhen You See It\n"))
  }

  @Test func noColourInAPipeOrWithNO_COLOR() throws {
    let piped = try RunBinary.run(["explain", "550"], environment: ["TERM": "xterm-256color"])
    #expect(!piped.stdout.contains(Self.escape))
    let noColor = try RunBinary.run(
      ["explain", "550", "--color", "auto"], environment: ["NO_COLOR": "1"])
    #expect(!noColor.stdout.contains(Self.escape))
    let never = try RunBinary.run(["explain", "550", "--color=never"])
    #expect(!never.stdout.contains(Self.escape))
  }

  @Test func colourWhenAskedFor() throws {
    let always = try RunBinary.run(["explain", "550", "--color", "always"])
    expectSuccess(always)
    #expect(always.stdout.contains("\u{1B}[31m"))  // 5yz in red
    #expect(always.stdout.contains("\u{1B}[1m"))  // bold headings
    let overridden = try RunBinary.run(
      ["explain", "250", "--color", "always"], environment: ["NO_COLOR": "1"])
    #expect(overridden.stdout.contains("\u{1B}[32m"))  // 2yz in green
    let json = try RunBinary.run(["explain", "550", "--json", "--color", "always"])
    #expect(!json.stdout.contains(Self.escape))
  }

  // MARK: - Bad input

  static let badInputs: [BadInputCase] = [
    BadInputCase(
      id: "uncatalogued code", arguments: ["explain", "299"],
      expected:
        "smtpprobe: 299 is not a reply code smtpprobe knows (no RFC it catalogues defines it; "
        + "paste the whole reply to have it diagnosed)"),
    BadInputCase(
      id: "600", arguments: ["explain", "600"],
      expected:
        "smtpprobe: 600 is not an SMTP reply code: the first digit must be 2 to 5 (RFC 5321 4.2)"),
    BadInputCase(
      id: "abc", arguments: ["explain", "abc"],
      expected: "smtpprobe: 'abc' is not a reply code, an enhanced status code or an SMTP reply"),
    BadInputCase(
      id: "no argument", arguments: ["explain"],
      expected:
        "smtpprobe: explain needs a reply code, an enhanced status code or a reply text "
        + "(try 'smtpprobe explain --help')"),
    BadInputCase(
      id: "empty stdin", arguments: ["explain", "-"], stdin: "",
      expected: "smtpprobe: standard input held no reply to explain"),
    BadInputCase(id: "blank stdin", arguments: ["explain", "-"], stdin: "\n\n  \n"),
    BadInputCase(id: "stdin without a code", arguments: ["explain", "-"], stdin: "User unknown\n"),
    BadInputCase(id: "enhanced subject 9", arguments: ["explain", "5.9.1"]),
    BadInputCase(id: "enhanced class 3", arguments: ["explain", "3.1.1"]),
    BadInputCase(id: "three codes", arguments: ["explain", "250", "421", "550"]),
    BadInputCase(id: "reply code 600 in text", arguments: ["explain", "600 what"]),
    BadInputCase(id: "--after for a code", arguments: ["explain", "550", "--after", "rcpt"]),
    BadInputCase(
      id: "unknown option", arguments: ["explain", "550", "--frob"],
      expected: "smtpprobe: unknown option '--frob'"),
    BadInputCase(
      id: "missing option value", arguments: ["explain", "550", "--lang"],
      expected: "smtpprobe: option '--lang' needs a value"),
    BadInputCase(
      id: "unknown command", arguments: ["frob"],
      expected: "smtpprobe: unknown command 'frob' (try 'smtpprobe --help')"),
    BadInputCase(id: "a control character in the argument", arguments: ["explain", "a\u{1B}b\nc"]),
  ]

  @Test(arguments: badInputs)
  func refusesBadInput(_ c: BadInputCase) throws {
    let result = try RunBinary.run(c.arguments, stdin: c.stdin)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.hasPrefix("smtpprobe: "))
    if let expected = c.expected {
      #expect(result.stderrLines.first == expected)
    }
  }

  // MARK: - Help and version

  @Test func versionAndHelp() throws {
    let version = try RunBinary.run(["--version"])
    #expect(version.status == 0 && version.stdout == "smtpprobe 0.1.0\n")
    let help = try RunBinary.run(["explain", "--help"])
    #expect(help.status == 0 && help.stdout.contains("smtpprobe explain CODE CODE"))
    let toolHelp = try RunBinary.run(["-h"])
    #expect(toolHelp.status == 0 && toolHelp.stdout.contains("Commands:"))
  }

  @Test func probeToAClosedPortCannotComplete() throws {
    let port = try LoopbackListener.closedPort()
    let result = try RunBinary.run(["probe", "--server", "127.0.0.1:\(port)", "--helo", "x.test"])
    #expect(result.status == 3)
    #expect(result.stdout.contains("127.0.0.1:\(port): connection refused"))
  }
}
