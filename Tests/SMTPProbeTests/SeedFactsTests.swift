import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The facts of the reference pages in `shared/seeds` hold in our cards (the words are ours).
@Suite("SeedFacts Catalogue")
struct SeedFactsTests {
  /// One seed fact: a code, its class and title as the seeds give them, and words each field
  /// must contain (case-insensitive).
  struct Fact: CustomTestStringConvertible, Sendable {
    let code: Int
    let replyClass: ReplyClass
    let title: String
    let descriptionWords: [String]
    let whenWords: [String]
    let fixWords: [String]
    let retry: RetryAdvice
    let seed: String
    var testDescription: String { "\(code) \(title) (\(seed))" }
  }

  static let facts: [Fact] = [
    Fact(
      code: 221, replyClass: .positiveCompletion, title: "Closing Connection",
      descriptionWords: ["closing", "transmission channel"], whenWords: ["QUIT"],
      fixWords: ["nothing to fix"], retry: .noneNeeded, seed: "003_812ce73916e86eaf"),
    Fact(
      code: 251, replyClass: .positiveCompletion, title: "User Not Local",
      descriptionWords: ["not live on this server", "forward", "relay"],
      whenWords: ["another server"], fixWords: ["no action", "forwarded"], retry: .noneNeeded,
      seed: "000_baf4e62c2d75932f"),
    Fact(
      code: 421, replyClass: .transientNegative, title: "Service Not Available",
      descriptionWords: [
        "not available", "closing the transmission channel", "greeting", "shut down",
      ],
      whenWords: ["overloaded", "maintenance"], fixWords: ["retry", "later"], retry: .later,
      seed: "001_548738544e90eb59"),
    Fact(
      code: 451, replyClass: .transientNegative, title: "Local Error",
      descriptionWords: ["local error in processing"], whenWords: ["DNS"],
      fixWords: ["retry later", "log"], retry: .later, seed: "004_42dca62ea9a98f8c"),
    Fact(
      code: 521, replyClass: .permanentNegative, title: "Host Does Not Accept Mail",
      descriptionWords: ["does not accept mail at all", "RFC 7504"], whenWords: ["only sends"],
      fixWords: ["MX", "another way", "other means"], retry: .never, seed: "002_9dffb5bb27078286"),
    Fact(
      code: 551, replyClass: .permanentNegative, title: "User Not Local",
      descriptionWords: ["not local", "will not forward", "unlike 251", "rejection"],
      whenWords: ["moved", "declines"], fixWords: ["forward-path", "resend"], retry: .never,
      seed: "001_548738544e90eb59"),
  ]

  @Test("seed facts hold", arguments: facts)
  func fact(_ fact: Fact) throws {
    let entry = try #require(ReplyCodeCatalogue.entry(for: fact.code))
    #expect(entry.replyClass == fact.replyClass)
    #expect(entry.title == fact.title)
    #expect(entry.retry == fact.retry)
    for word in fact.descriptionWords {
      #expect(entry.description.localizedCaseInsensitiveContains(word), "description: \(word)")
    }
    for word in fact.whenWords {
      #expect(entry.when.localizedCaseInsensitiveContains(word), "when: \(word)")
    }
    #expect(
      fact.fixWords.contains { entry.fix.localizedCaseInsensitiveContains($0) },
      "fix mentions one of \(fact.fixWords)")
  }

  @Test("the seeds' class names")
  func classNames() throws {
    let names: [(Int, String)] = [
      (221, "2xx Positive Completion"), (251, "2xx Positive Completion"),
      (421, "4xx Transient Negative"), (451, "4xx Transient Negative"),
      (521, "5xx Permanent Negative"), (551, "5xx Permanent Negative"),
    ]
    for (code, name) in names {
      #expect(try #require(ReplyCodeCatalogue.entry(for: code)).classLabel == name)
    }
  }

  @Test("251 forwards and 551 refuses to")
  func forwardingContrast() throws {
    let accepts = try #require(ReplyCodeCatalogue.entry(for: 251))
    let refuses = try #require(ReplyCodeCatalogue.entry(for: 551))
    #expect(accepts.replyClass.isPositive)
    #expect(!refuses.replyClass.isPositive)
    // Same title; 251 is a success the classifier calls ok, 551 a refusal to forward.
    #expect(accepts.title == refuses.title)
    #expect(accepts.category == .ok && accepts.retry == .noneNeeded)
    #expect(refuses.category == .userNotLocal && refuses.retry == .never)
  }

  /// The headings as the seed pages print them, per language.
  struct HeadingCase: CustomTestStringConvertible, Sendable {
    let language: Language
    let sections: [String]
    var testDescription: String { language.rawValue }
  }

  static let headingCases: [HeadingCase] = [
    HeadingCase(
      language: .en,
      sections: [
        "Description", "When You See It", "How to Fix", "Key Differences", "When to Use Which",
        "Learn More",
      ]),
    HeadingCase(
      language: .tr,
      sections: [
        "Açıklama", "Gördüğünüzde", "Nasıl Düzeltilir", "Temel Farklar",
        "Hangisini Ne Zaman Kullanmalı", "Daha Fazla Öğren",
      ]),
    HeadingCase(
      language: .ja,
      sections: ["説明", "このコードが表示される場合", "解決方法", "主な違い", "どちらをいつ使うか", "詳しく見る"]),
  ]

  @Test("section headings match the seeds", arguments: headingCases)
  func headings(_ c: HeadingCase) {
    let h = Headings.forLanguage(c.language)
    #expect(
      [h.description, h.whenYouSeeIt, h.howToFix, h.keyDifferences, h.whenToUseWhich, h.learnMore]
        == c.sections)
    #expect(Headings(c.language) == h)
    #expect(h.language == c.language)
  }

  @Test("every label is translated", arguments: Language.allCases)
  func labels(_ language: Language) {
    let h = Headings(language)
    let labels = [
      h.class, h.title, h.rfc, h.summary, h.explanation, h.fix, h.retry, h.evidence, h.category,
      h.enhancedCode, h.subject, h.violations, h.description, h.whenYouSeeIt, h.howToFix,
      h.keyDifferences, h.whenToUseWhich, h.learnMore,
    ]
    #expect(labels.allSatisfy { !$0.isEmpty })
    // Every label but "RFC" is distinct within a language.
    let named = labels.filter { $0 != "RFC" }
    #expect(Set(named).count == named.count)
    #expect(Language(rawValue: language.rawValue) == language)
  }
}
