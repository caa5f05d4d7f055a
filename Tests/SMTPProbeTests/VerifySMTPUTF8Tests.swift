import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A `Resolver` that counts the queries it passes on, by "name type".
final class CountingResolver: Resolver {
  let inner: any Resolver
  private let log = Mutex<[String: Int]>([:])

  init(_ inner: any Resolver) { self.inner = inner }

  /// How many times `name` was asked for `type`.
  func count(_ name: String, _ type: DNSRecordType) -> Int {
    log.withLock { $0["\(name) \(type)"] ?? 0 }
  }

  func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer {
    log.withLock { $0["\(name) \(type)", default: 0] += 1 }
    return try inner.query(name, type)
  }
}

/// Verify with UTF-8 local parts (RFC 6531) over a fake network: the UTF-8 addresses go in a
/// transaction of their own, skipped when the MX does not offer SMTPUTF8; and each domain's
/// route is looked up once per run.
@Suite struct VerifySMTPUTF8Tests {
  typealias Item = ScriptedTransport.Item

  static func runner(_ connector: FakeConnector, resolver: any Resolver = VerifyRunnerTests.zones)
    -> VerifyRunner
  {
    VerifyRunner(
      template: ProbeRequest(
        target: .domain("unused.test"),
        plan: DialoguePlan(ehloName: "probe.test", quitAfter: .rcpt, tls: .off)),
      server: nil, catchAllProbe: false, recipientsPerSession: 50, greylistWaitMilliseconds: 0,
      greylistLimitMilliseconds: 0, disposable: .none,
      runner: ProbeRunner(
        connector: connector, resolver: resolver, identityResolver: nil, tls: nil,
        clock: connector.clock),
      randomBits: { 0 })
  }

  @Test func withoutSMTPUTF8OnlyTheASCIITransactionIsSent() {
    let script: [Item] =
      [SessionDriverTests.greeting] + SessionDriverTests.ehloPlain + [
        .client("MAIL FROM:<>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<alice@later.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
      ] + SessionDriverTests.quit
    let connector = FakeConnector(["127.0.0.5": .script(script)])
    let run = Self.runner(connector).run(
      AddressList.parse("josé@later.test\nalice@later.test\n"))
    #expect(run.results.map(\.verdict) == [.undeliverable, .deliverable])
    #expect(run.results.map(\.reason) == [.smtpUTF8Unsupported, .category(.ok)])
    #expect(run.results[0].mxHost == "mx.later.test")
    #expect(connector.tried == ["mx.later.test/127.0.0.5"])
  }

  /// The one transaction stopped before MAIL, or a transaction of several not sent.
  @Test(arguments: [false, true])
  func theFactsNameTheMissingExtensionForTheUTF8AddressOnly(skipped: Bool) throws {
    let jose = VerifyAddressTests.must("josé@later.test")
    let alice = VerifyAddressTests.must("alice@later.test")
    var dialogue = DialogueFacts()
    if skipped {
      var result = TransactionResult(
        transaction: TransactionPlan(from: nil, to: [try jose.address()]))
      result.notSent = .smtpUTF8NotOffered(try jose.address())
      dialogue.transactions = [result]
    } else {
      dialogue.problem = .smtpUTF8NotOffered(try jose.address())
    }
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "probe.test"),
      connection: SessionConnection(
        host: "mx.later.test", address: "127.0.0.5", port: 25, connectMilliseconds: 1),
      facts: dialogue)
    let record = ProbeRecord(
      target: "later.test",
      attempts: [HostAttempt(host: "mx.later.test", port: 25, session: session)])
    let facts = VerifyFactsReader.facts(for: jose, probe: nil, record: record, server: nil)
    #expect(facts.session == .smtpUTF8NotOffered)
    let ascii = VerifyFactsReader.facts(for: alice, probe: nil, record: record, server: nil)
    #expect(ascii.session != .smtpUTF8NotOffered)
  }

  /// With PIPELINING, the ASCII group goes without QUIT (a transaction follows in the plan),
  /// the UTF-8 one is skipped, and QUIT goes alone.
  @Test(arguments: ScriptedTransport.Delivery.allCases)
  func aPipelinedSeriesSkipsTheUTF8Transaction(_ delivery: ScriptedTransport.Delivery) throws {
    let jose = try Address("josé@y.test")
    let plan = SessionTransactionsTests.plan([
      TransactionPlan(from: nil, to: [SessionTransactionsTests.bob]),
      TransactionPlan(from: nil, to: [jose]),
    ])
    let script: [Item] =
      [SessionDriverTests.greeting] + SessionDriverTests.ehloPipelining + [
        .client("MAIL FROM:<>\r\nRCPT TO:<bob@y.test>\r\nRSET\r\n"),
        .server("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.0.0 Ok\r\n"),
      ] + SessionDriverTests.quit
    let (record, transport) = SessionTransactionsTests.drive(script, plan, delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.problem == nil)
    #expect(record.transactions.map(\.notSent) == [nil, .smtpUTF8NotOffered(jose)])
    #expect(record.recipients.map(\.reply.code) == [250])
  }

  @Test func theJudgementIsUndeliverableWithItsOwnReason() {
    let facts = VerifyFacts(
      address: VerifyAddressTests.must("josé@example.org"), route: .hosts(["mx.example.org"]),
      session: .smtpUTF8NotOffered, catchAll: .reply(Reply(250)), mxHost: "mx.example.org")
    let result = VerifyJudgement.judge(facts)
    #expect(result.verdict == .undeliverable)
    #expect(result.reason.rawValue == "smtputf8-unsupported")
    #expect(VerifyReason(rawValue: "smtputf8-unsupported") == .smtpUTF8Unsupported)
    #expect(VerifyRetry.reason(facts) == nil)
  }

  @Test func eachDomainIsResolvedOncePerRun() {
    let resolver = CountingResolver(VerifyRunnerTests.zones)
    let connector = FakeConnector([:])
    let run = Self.runner(connector, resolver: resolver).run(
      AddressList.parse("a@later.test\nb@slow.test\nc@later.test\n"))
    #expect(run.results.count == 3)
    #expect(resolver.count("later.test", .mx) == 1)
    #expect(resolver.count("slow.test", .mx) == 1)
    #expect(resolver.count("mx.later.test", .a) == 1)
    #expect(resolver.count("mx1.slow.test", .a) == 1)
  }
}
