import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite("ReplyCodeCatalogue")
struct ReplyCodeCatalogueTests {
  /// Every code RFC 5321 4.2.3 lists.
  static let rfc5321Codes = [
    211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504,
    550, 551, 552, 553, 554, 555,
  ]

  /// A code defined by an extension RFC, with the RFC its card must cite.
  struct ExtensionCode: CustomTestStringConvertible, Sendable {
    let code: Int
    let rfc: String
    var testDescription: String { "\(code) from \(rfc)" }
  }

  static let extensionCodes: [ExtensionCode] = [
    ExtensionCode(code: 521, rfc: "RFC 7504"),
    ExtensionCode(code: 556, rfc: "RFC 7504"),
    ExtensionCode(code: 235, rfc: "RFC 4954"),
    ExtensionCode(code: 334, rfc: "RFC 4954"),
    ExtensionCode(code: 432, rfc: "RFC 4954"),
    ExtensionCode(code: 454, rfc: "RFC 4954"),
    ExtensionCode(code: 454, rfc: "RFC 3207"),
    ExtensionCode(code: 500, rfc: "RFC 4954"),
    ExtensionCode(code: 530, rfc: "RFC 4954"),
    ExtensionCode(code: 530, rfc: "RFC 3207"),
    ExtensionCode(code: 534, rfc: "RFC 4954"),
    ExtensionCode(code: 535, rfc: "RFC 4954"),
    ExtensionCode(code: 538, rfc: "RFC 4954"),
    ExtensionCode(code: 220, rfc: "RFC 3207"),
    ExtensionCode(code: 253, rfc: "RFC 1985"),
    ExtensionCode(code: 458, rfc: "RFC 1985"),
    ExtensionCode(code: 459, rfc: "RFC 1985"),
    ExtensionCode(code: 453, rfc: "RFC 2645"),
    ExtensionCode(code: 355, rfc: "RFC 1845"),
    ExtensionCode(code: 552, rfc: "RFC 1870"),
    ExtensionCode(code: 553, rfc: "RFC 6531"),
    ExtensionCode(code: 422, rfc: "RFC 5248"),
    ExtensionCode(code: 523, rfc: "RFC 5248"),
    ExtensionCode(code: 524, rfc: "RFC 5248"),
    ExtensionCode(code: 525, rfc: "RFC 5248"),
  ]

  @Test("codes are sorted and unique")
  func sortedAndUnique() {
    let codes = ReplyCodeCatalogue.all.map(\.code)
    #expect(codes == codes.sorted())
    #expect(Set(codes).count == codes.count)
  }

  @Test("every RFC 5321 code is catalogued", arguments: rfc5321Codes)
  func rfc5321Code(_ code: Int) throws {
    let entry = try #require(ReplyCodeCatalogue.entry(for: code))
    #expect(entry.rfc.contains { $0.hasPrefix("RFC 5321") })
  }

  @Test("every extension code is catalogued and cites its RFC", arguments: extensionCodes)
  func extensionCode(_ c: ExtensionCode) throws {
    let entry = try #require(ReplyCodeCatalogue.entry(for: c.code))
    #expect(entry.rfc.contains { $0 == c.rfc || $0.hasPrefix(c.rfc + " ") })
  }

  @Test("every entry is complete", arguments: ReplyCodeCatalogue.all)
  func complete(_ entry: ReplyCodeEntry) {
    var problems: [String] = []
    problems += CatalogueTextChecks.problems(entry.title, field: "title").filter {
      !$0.contains("punctuation")
    }
    problems += CatalogueTextChecks.problems(entry.description, field: "description")
    problems += CatalogueTextChecks.problems(entry.when, field: "when")
    problems += CatalogueTextChecks.problems(entry.fix, field: "fix")
    #expect(problems.isEmpty, "\(entry.code): \(problems)")
    #expect(!entry.rfc.isEmpty)
    #expect(entry.rfc.allSatisfy { $0.hasPrefix("RFC ") })
  }

  @Test("the class comes from the first digit", arguments: ReplyCodeCatalogue.all)
  func classFromFirstDigit(_ entry: ReplyCodeEntry) {
    #expect((200...599).contains(entry.code))
    #expect(entry.replyClass == ReplyClass(firstDigit: entry.code / 100))
    #expect(entry.classLabel.hasPrefix("\(entry.code / 100)xx "))
  }

  @Test("the default advice fits the class", arguments: ReplyCodeCatalogue.all)
  func adviceFitsClass(_ entry: ReplyCodeEntry) {
    switch entry.replyClass {
    case .positiveCompletion, .positiveIntermediate:
      #expect(entry.retry == .noneNeeded)
    case .transientNegative:
      #expect(entry.retry != .never)
    case .permanentNegative:
      #expect(entry.retry == .afterFix || entry.retry == .never)
    }
  }

  @Test("'when' reads after \"You see CODE\"", arguments: ReplyCodeCatalogue.all)
  func whenReadsAsClause(_ entry: ReplyCodeEntry) {
    let first = entry.when.split(separator: " ").first.map(String.init) ?? ""
    let openers = ["When", "After", "As", "At", "In", "Most", "Only", "Right"]
    #expect(openers.contains(first), "\(entry.code) starts with \(first)")
  }

  @Test("descriptions read after \"With CODE,\"", arguments: ReplyCodeCatalogue.all)
  func descriptionReadsAsClause(_ entry: ReplyCodeEntry) {
    let first = entry.description.split(separator: " ").first.map(String.init) ?? ""
    #expect(["The", "This", "There"].contains(first), "\(entry.code) starts with \(first)")
  }

  @Test("lookup finds each entry and nothing else")
  func lookup() {
    for entry in ReplyCodeCatalogue.all {
      #expect(ReplyCodeCatalogue.entry(for: entry.code) == entry)
    }
    for code in [0, 199, 299, 600, 999] {
      #expect(ReplyCodeCatalogue.entry(for: code) == nil)
    }
  }
}
