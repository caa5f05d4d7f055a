import Foundation
import SMTPProbeCore
import Testing

/// The accuracy targets on the corpora of `Tests/Corpus`: every reply through the classifier,
/// every bounce through the path `smtpprobe explain -` takes.
///
/// The targets are the ones the diagnosis must hold on real material (replies: class 100 %,
/// category and retry 92 %; bounces: the reply found in 92 % of those that hold one, category
/// 80 %). A failure prints the accuracy and the first misses. With `SMTPPROBE_ACCURACY_TABLE`
/// set to a path, the per-label precision/recall tables are written there (`Scripts/bench
/// accuracy` prints them).
@Suite struct CorpusAccuracyTests {
  // MARK: Targets (one constant each)
  static let replyClassTarget = 1.00
  static let replyCategoryTarget = 0.92
  static let replyRetryTarget = 0.92
  static let bounceFoundTarget = 0.92
  static let bounceCategoryTarget = 0.80
  /// The median time to read one bounce, in milliseconds (with room for a loaded machine).
  static let bounceMedianMillisecondsTarget = 25.0

  @Test func repliesMeetTheTargets() throws {
    let score = try ReplyScore.run()
    try writeTables([score.replyClass, score.category, score.retry])
    #expect(
      score.replyClass.accuracy >= Self.replyClassTarget, "\(score.replyClass.report())")
    #expect(score.category.accuracy >= Self.replyCategoryTarget, "\(score.category.report())")
    #expect(score.retry.accuracy >= Self.replyRetryTarget, "\(score.retry.report())")
  }

  @Test func bouncesMeetTheTargets() throws {
    let score = try BounceScore.run()
    try writeTables(
      [score.found, score.foundPublished, score.code, score.category, score.noReply], append: true,
      footer: score.timing)
    #expect(score.found.accuracy >= Self.bounceFoundTarget, "\(score.found.report())")
    #expect(score.category.accuracy >= Self.bounceCategoryTarget, "\(score.category.report())")
    #expect(
      score.medianMilliseconds <= Self.bounceMedianMillisecondsTarget,
      "median \(score.medianMilliseconds) ms per bounce")
  }

  @Test func everyRowCitesItsSourceAndUsesTheVocabulary() throws {
    let commands: Set = [
      "greeting", "ehlo", "mail", "rcpt", "data", "end-of-data", "auth", "starttls", "unknown",
    ]
    let categories = Set(
      DiagnosisCategory.allCases.map(\.rawValue) + ["domain-unknown", "mail-loop"])
    for row in try CorpusTable(named: "replies.tsv").rows {
      let id = row["id"] ?? "?"
      #expect(!(row["source"] ?? "").isEmpty, "reply \(id) has no source")
      #expect(commands.contains(row["command"] ?? ""), "reply \(id): command")
      #expect(categories.contains(row["category"] ?? ""), "reply \(id): category")
      #expect(RetryAdvice(rawValue: row["retry"] ?? "") != nil, "reply \(id): retry")
      #expect(ReplyClass(rawValue: row["class"] ?? "") != nil, "reply \(id): class")
    }
    for row in try CorpusTable(named: "bounces.tsv").rows {
      let id = row["id"] ?? "?"
      #expect(!(row["source"] ?? "").isEmpty, "bounce \(id) has no source")
      #expect(categories.contains(row["category"] ?? ""), "bounce \(id): category")
      #expect((try? CorpusTable.data(at: "bounces/" + (row["file"] ?? ""))) != nil, "bounce \(id)")
    }
  }

  /// Writes the confusion tables to `SMTPPROBE_ACCURACY_TABLE` when it is set.
  private func writeTables(
    _ tallies: [AccuracyTally], append: Bool = false, footer: String = ""
  ) throws {
    guard let path = ProcessInfo.processInfo.environment["SMTPPROBE_ACCURACY_TABLE"],
      !path.isEmpty
    else { return }
    let text =
      tallies.map { $0.confusionTable() }
      .joined(separator: "\n\n") + "\n\n" + (footer.isEmpty ? "" : footer + "\n")
    if append, let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(Data(text.utf8))
      handle.closeFile()
    } else {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }
}

/// The replies corpus scored: class, category and retry advice per row.
struct ReplyScore {
  var replyClass = AccuracyTally("reply class")
  var category = AccuracyTally("reply category")
  var retry = AccuracyTally("reply retry")

  static func run() throws -> ReplyScore {
    var score = ReplyScore()
    for row in try CorpusTable(named: "replies.tsv").rows {
      let id = row["id"] ?? "?"
      let text = (row["reply"] ?? "").replacingOccurrences(of: "\\n", with: "\r\n")
      let replies = (try? ReplyParser.parseAll(Array(text.utf8))) ?? []
      // A reply whose code changes part-way parses as two: the last line is the answer.
      guard let reply = replies.last else {
        for tally in [\ReplyScore.replyClass, \.category, \.retry] {
          score[keyPath: tally].record(id: id, expected: "a reply", got: "unparsable")
        }
        continue
      }
      let diagnosis = Classifier.diagnose(reply, after: command(row["command"] ?? ""))
      score.replyClass.record(
        id: id, expected: row["class"] ?? "", got: diagnosis.replyClass?.rawValue ?? "none")
      score.category.record(
        id: id, expected: row["category"] ?? "", got: diagnosis.category.rawValue)
      score.retry.record(id: id, expected: row["retry"] ?? "", got: diagnosis.retry.rawValue)
    }
    return score
  }

  /// The corpus's command column as the step the classifier is told about.
  static func command(_ name: String) -> CommandKind? {
    switch name {
    case "greeting": .greeting
    case "ehlo": .ehlo
    case "mail": .mail
    case "rcpt": .rcpt
    case "data": .data
    case "end-of-data": .endOfData
    case "auth": .auth
    case "starttls": .startTLS
    default: nil
    }
  }
}

/// The bounce corpus scored through `explain -`: whether a reply is found, its code, the
/// category, and the time taken.
struct BounceScore {
  /// Of the bounces that hold a reply: whether one was found.
  var found = AccuracyTally("bounce reply found")
  /// The same, over the published bounces only (not those produced on loopback for the corpus).
  var foundPublished = AccuracyTally("bounce reply found, published bounces only")
  /// Of the bounces that hold no reply (a local failure, a timeout): whether none was reported.
  var noReply = AccuracyTally("bounce without reply reported as such")
  var code = AccuracyTally("bounce code")
  var category = AccuracyTally("bounce category")
  var milliseconds: [Double] = []
  var slowest = (id: "", milliseconds: 0.0)

  var medianMilliseconds: Double {
    let sorted = milliseconds.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[sorted.count / 2]
  }

  /// One line on the time taken: median and slowest bounce.
  var timing: String {
    let median = (medianMilliseconds * 100).rounded() / 100
    let worst = (slowest.milliseconds * 100).rounded() / 100
    return "bounce time: median \(median) ms, slowest \(worst) ms (\(slowest.id)), "
      + "\(milliseconds.count) bounces, no crash"
  }

  static func run() throws -> BounceScore {
    var score = BounceScore()
    for row in try CorpusTable(named: "bounces.tsv").rows {
      let id = row["id"] ?? "?"
      let data = try CorpusTable.data(at: "bounces/" + (row["file"] ?? ""))
      let text = String(decoding: data, as: UTF8.self)
      let clock = ContinuousClock()
      var report: ExplainReport?
      let elapsed = clock.measure {
        report = try? ExplainReport.build(.standardInput, readStandardInput: { text })
      }
      let milliseconds =
        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
      score.milliseconds.append(milliseconds)
      if milliseconds > score.slowest.milliseconds { score.slowest = (id, milliseconds) }
      let first: ExplainReport.ReplyExplanation?
      if case .replies(let explanations) = report {
        first = explanations.first
      } else {
        first = nil
      }
      let expectedCode = row["code"] ?? "none"
      let holdsReply = expectedCode != "none"
      guard holdsReply else {
        score.noReply.record(id: id, expected: "none", got: first == nil ? "none" : "found")
        continue
      }
      score.found.record(id: id, expected: "found", got: first == nil ? "none" : "found")
      if !(row["source"] ?? "").hasPrefix("produced by") {
        score.foundPublished.record(
          id: id, expected: "found", got: first == nil ? "none" : "found")
      }
      let expected = expectedCode + " " + (row["enhanced"] ?? "")
      let got = first.map { "\($0.reply.code) " + ($0.reply.enhanced?.description ?? "") }
      // An enhanced code the label leaves out ("-") is not judged.
      let gotCode =
        (row["enhanced"] ?? "-") == "-" ? first.map { "\($0.reply.code) -" } : got
      score.code.record(id: id, expected: expected, got: gotCode ?? "none")
      score.category.record(
        id: id, expected: row["category"] ?? "",
        got: first?.diagnosis.category.rawValue ?? "no reply found")
    }
    return score
  }
}
