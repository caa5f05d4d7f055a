import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Parses a code a test needs, failing the test when it does not parse.
func enhanced(_ text: String) throws -> EnhancedStatusCode {
  try #require(EnhancedStatusCode(text))
}

@Suite("EnhancedStatusCatalogue")
struct EnhancedStatusCatalogueTests {
  /// Registry codes that must be present, as `X.subject.detail`.
  static let requiredCodes: [String] =
    ["X.0.0"] + (0...10).map { "X.1.\($0)" } + (0...4).map { "X.2.\($0)" }
    + (0...6).map { "X.3.\($0)" } + (0...7).map { "X.4.\($0)" } + (0...6).map { "X.5.\($0)" }
    + (0...10).map { "X.6.\($0)" } + (0...30).map { "X.7.\($0)" }

  /// A registry code with the title the registry gives it.
  struct TitleCase: CustomTestStringConvertible, Sendable {
    let code: String
    let title: String
    var testDescription: String { code }
  }

  static let titles: [TitleCase] = [
    TitleCase(code: "5.1.1", title: "Bad destination mailbox address"),
    TitleCase(code: "5.1.10", title: "Recipient address has null MX"),
    TitleCase(code: "4.2.2", title: "Mailbox full"),
    TitleCase(code: "5.6.7", title: "Non-ASCII addresses not permitted for that sender/recipient"),
    TitleCase(code: "5.7.8", title: "Authentication credentials invalid"),
    TitleCase(code: "5.7.9", title: "Authentication mechanism is too weak"),
    TitleCase(code: "5.7.11", title: "Encryption required for requested authentication mechanism"),
    TitleCase(code: "4.7.12", title: "A password transition is needed"),
    TitleCase(code: "5.7.13", title: "User Account Disabled"),
    TitleCase(code: "5.7.14", title: "Trust relationship required"),
    TitleCase(code: "5.7.20", title: "No passing DKIM signature found"),
    TitleCase(code: "5.7.21", title: "No acceptable DKIM signature found"),
    TitleCase(code: "5.7.22", title: "No valid author-matched DKIM signature found"),
    TitleCase(code: "5.7.23", title: "SPF validation failed"),
    TitleCase(code: "4.7.24", title: "SPF validation error"),
    TitleCase(code: "5.7.25", title: "Reverse DNS validation failed"),
    TitleCase(code: "5.7.26", title: "Multiple authentication checks failed"),
    TitleCase(code: "5.7.27", title: "Sender address has null MX"),
    TitleCase(code: "4.7.28", title: "Mail flood detected"),
    TitleCase(code: "5.7.29", title: "ARC validation failure"),
    TitleCase(code: "5.7.30", title: "REQUIRETLS support required"),
  ]

  @Test("entries are sorted and unique")
  func sortedAndUnique() {
    let keys = EnhancedStatusCatalogue.all.map { [$0.subject, $0.detail] }
    #expect(keys == keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    #expect(Set(keys).count == keys.count)
  }

  @Test("every required registry code is present", arguments: requiredCodes)
  func present(_ registryCode: String) {
    #expect(EnhancedStatusCatalogue.all.contains { $0.registryCode == registryCode })
  }

  @Test("registry titles", arguments: titles)
  func title(_ c: TitleCase) throws {
    let code = try enhanced(c.code)
    let entry = try #require(EnhancedStatusCatalogue.entry(for: code))
    #expect(entry.title == c.title)
    #expect(entry.classes.contains(code.statusClass))
  }

  @Test("every entry is complete", arguments: EnhancedStatusCatalogue.all)
  func complete(_ entry: EnhancedStatusEntry) {
    let problems =
      CatalogueTextChecks.problems(entry.description, field: "description")
      + CatalogueTextChecks.problems(entry.title, field: "title").filter {
        !$0.contains("punctuation")
      }
    #expect(problems.isEmpty, "\(entry.registryCode): \(problems)")
    #expect(!entry.classes.isEmpty)
    #expect(entry.classes.allSatisfy { [2, 4, 5].contains($0) })
    #expect(entry.classes == entry.classes.sorted())
    #expect((0...7).contains(entry.subject))
    #expect(!entry.rfc.isEmpty)
  }

  @Test("lookup ignores the class digit")
  func lookupIgnoresClass() throws {
    let temporary = try enhanced("4.1.1")
    let permanent = try enhanced("5.1.1")
    #expect(
      EnhancedStatusCatalogue.entry(for: temporary) == EnhancedStatusCatalogue.entry(for: permanent)
    )
    #expect(EnhancedStatusCatalogue.entry(for: try enhanced("4.4.99")) == nil)
    #expect(EnhancedStatusCatalogue.entry(for: try enhanced("5.7.31")) == nil)
  }

  @Test("an unregistered code is explained by its class and subject")
  func unregistered() throws {
    let description = EnhancedStatusCatalogue.describe(try enhanced("4.4.99"))
    #expect(!description.isRegistered)
    #expect(description.classMeaning.lowercased().contains("persistent transient failure"))
    #expect(description.subjectTitle == "Network and routing status")
    #expect(description.subjectDescription?.contains("DNS") == true)
    #expect(description.description.contains("99"))
    #expect(description.rfc == ["RFC 3463 2"])
    #expect(CatalogueTextChecks.problems(description.description, field: "d").isEmpty)
  }

  @Test("a registered code carries the registry entry")
  func registered() throws {
    let description = EnhancedStatusCatalogue.describe(try enhanced("5.7.26"))
    #expect(description.isRegistered)
    #expect(description.title == "Multiple authentication checks failed")
    #expect(description.classMeaning.hasPrefix("Permanent failure"))
    #expect(description.subjectTitle == "Security or policy status")
    #expect(description.rfc == ["RFC 7372"])
  }

  @Test("an undefined subject still gets its class")
  func undefinedSubject() throws {
    let description = EnhancedStatusCatalogue.describe(try enhanced("2.9.1"))
    #expect(!description.isRegistered)
    #expect(description.subjectTitle == nil)
    #expect(description.classMeaning.hasPrefix("Success"))
    #expect(description.description.contains("success"))
  }

  @Test("class and subject rules cover RFC 3463's digits")
  func rules() {
    let meanings = [2, 4, 5].map(EnhancedStatusCatalogue.classMeaning)
    #expect(Set(meanings).count == 3)
    #expect(EnhancedStatusCatalogue.classMeaning(3).contains("Not a valid class"))
    for subject in 0...7 {
      let meaning = EnhancedStatusCatalogue.subjectMeaning(subject)
      #expect(meaning != nil)
      #expect(meaning.map { CatalogueTextChecks.problems($0.description, field: "s") } == [])
    }
    #expect(EnhancedStatusCatalogue.subjectMeaning(8) == nil)
  }

  @Test("categories of the authentication-result codes")
  func categories() throws {
    let expected: [(String, DiagnosisCategory)] = [
      ("5.1.1", .mailboxUnknown), ("4.2.2", .mailboxFull), ("5.7.23", .spfFail),
      ("5.7.20", .dkimFail), ("5.7.26", .dmarcFail), ("5.7.25", .rdnsFail),
      ("5.5.3", .tooManyRecipients), ("5.7.8", .authFailed), ("5.7.11", .tlsRequired),
    ]
    for (text, category) in expected {
      let entry = try #require(EnhancedStatusCatalogue.entry(for: try enhanced(text)))
      #expect(entry.category == category, "\(text)")
    }
  }
}
