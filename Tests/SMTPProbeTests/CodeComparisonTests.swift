import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite("CodeComparison Catalogue")
struct CodeComparisonTests {
  func entry(_ code: Int) throws -> ReplyCodeEntry {
    try #require(ReplyCodeCatalogue.entry(for: code))
  }

  /// A pair of codes and the class sentence the first key difference must be.
  struct ClassCase: CustomTestStringConvertible, Sendable {
    let a: Int
    let b: Int
    let sentence: String
    var testDescription: String { "\(a) vs \(b)" }
  }

  static let classCases: [ClassCase] = [
    ClassCase(
      a: 251, b: 421,
      sentence:
        "251 is a 2xx Positive Completion reply, while 421 is a 4xx Transient Negative reply."),
    ClassCase(
      a: 421, b: 551,
      sentence:
        "421 is a 4xx Transient Negative reply, while 551 is a 5xx Permanent Negative reply."),
    ClassCase(
      a: 251, b: 521,
      sentence:
        "251 is a 2xx Positive Completion reply, while 521 is a 5xx Permanent Negative reply."),
    ClassCase(
      a: 221, b: 251, sentence: "Both 221 and 251 belong to the 2xx Positive Completion class."),
    ClassCase(
      a: 251, b: 451,
      sentence:
        "251 is a 2xx Positive Completion reply, while 451 is a 4xx Transient Negative reply."),
  ]

  @Test("the first difference compares the classes", arguments: classCases)
  func classSentence(_ c: ClassCase) throws {
    let differences = CodeComparison.differences(try entry(c.a), try entry(c.b))
    #expect(differences.first == c.sentence)
  }

  @Test("251 vs 421: meaning, when, and what to do")
  func keyDifferences() throws {
    let a = try entry(251)
    let b = try entry(421)
    let differences = CodeComparison.differences(a, b)
    #expect(differences.count == 6)
    #expect(differences[1] == "251 (User Not Local): \(a.description)")
    #expect(differences[2] == "421 (Service Not Available): \(b.description)")
    #expect(differences[3].hasPrefix("You see 251 when sending"))
    #expect(differences[4].hasPrefix("You see 421 when the server"))
    #expect(differences[5].contains("251 needs no action"))
    #expect(differences[5].contains("421 calls for retrying later"))
  }

  @Test("same retry advice is said once")
  func sameRetry() throws {
    let differences = CodeComparison.differences(try entry(221), try entry(251))
    #expect(differences.last == "For both 221 and 251, no action is needed from the sender.")
  }

  @Test("summary names both codes, titles and classes")
  func summary() throws {
    let text = CodeComparison.summary(try entry(251), try entry(421))
    #expect(
      text.hasPrefix(
        "SMTP 251 (User Not Local) is a 2xx Positive Completion reply, while 421 (Service Not Available) is a 4xx Transient Negative reply."
      ))
    #expect(text.contains("With 251, the recipient does not live on this server"))
    #expect(text.contains("With 421, by contrast, the service is not available"))
    let same = CodeComparison.summary(try entry(221), try entry(251))
    #expect(same.hasPrefix("SMTP 221 (Closing Connection) and 251 (User Not Local) are both 2xx"))
  }

  @Test("when to use which gives each fix")
  func whenToUseWhich() throws {
    let a = try entry(421)
    let b = try entry(551)
    #expect(
      CodeComparison.whenToUseWhich(a, b)
        == "For 421 (Service Not Available): \(a.fix) For 551 (User Not Local): \(b.fix)")
  }

  @Test("learn more lists each RFC once")
  func learnMore() throws {
    let a = try entry(251)
    let b = try entry(551)
    let references = CodeComparison.learnMore(a, b)
    #expect(references.first == a.rfc.first)
    #expect(Set(references) == Set(a.rfc + b.rfc))
    #expect(Set(references).count == references.count)
  }

  @Test("every pair reads cleanly")
  func everyPair() {
    for a in ReplyCodeCatalogue.all {
      for b in ReplyCodeCatalogue.all where a.code != b.code {
        let texts =
          CodeComparison.differences(a, b) + [
            CodeComparison.summary(a, b), CodeComparison.whenToUseWhich(a, b),
          ]
        for text in texts {
          #expect(
            CatalogueTextChecks.problems(text, field: "\(a.code)/\(b.code)").isEmpty, "\(text)")
        }
      }
    }
  }

  /// Lowercasing the first letter keeps acronyms and names.
  @Test(
    "lowercasing the first letter",
    arguments: [
      ("After EHLO", "after EHLO"), ("SMTPUTF8 is needed", "SMTPUTF8 is needed"),
      ("When sending", "when sending"), ("already lower", "already lower"), ("", ""),
      ("A 2xx reply", "a 2xx reply"),
    ])
  func lowercasing(_ input: String, _ expected: String) {
    #expect(CodeComparison.lowercasingFirst(input) == expected)
  }
}
