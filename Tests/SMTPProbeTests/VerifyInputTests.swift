import Testing

@testable import SMTPProbeCore

@Suite struct VerifyInputTests {
  @Test func listKeepsLineNumbersSkipsCommentsAndReportsDuplicates() throws {
    let text =
      "\u{FEFF}# newsletter\r\n  bob@example.org \r\n\r\nBOB@EXAMPLE.ORG\r\nbob@Example.org\n"
      + "\t# indented comment\nbad..x@example.org\ninfo@bücher.example\ninfo@xn--bcher-kva.example\n"
    let entries = AddressList.parse(text)
    let bob = try VerifyAddress.parse("bob@example.org")
    let info = try VerifyAddress.parse("info@bücher.example")
    #expect(
      entries == [
        .init(line: 2, text: "bob@example.org", outcome: .address(bob)),
        // The local part's case is the receiving host's business (RFC 5321 2.4).
        .init(
          line: 4, text: "BOB@EXAMPLE.ORG",
          outcome: .address(try VerifyAddress.parse("BOB@EXAMPLE.ORG"))),
        .init(line: 5, text: "bob@Example.org", outcome: .duplicate(firstLine: 2)),
        .init(
          line: 7, text: "bad..x@example.org",
          outcome: .invalid(MailboxSyntaxError(position: 4, rule: .consecutiveDots))),
        .init(line: 8, text: "info@bücher.example", outcome: .address(info)),
        .init(line: 9, text: "info@xn--bcher-kva.example", outcome: .duplicate(firstLine: 8)),
      ])
  }

  @Test func roleAccountsFromRFC2142() throws {
    for name in [
      "postmaster", "Abuse", "HOSTMASTER", "webmaster", "info", "sales", "support",
      "marketing", "noc", "security", "www", "uucp", "ftp", "news", "usenet",
    ] {
      #expect(RoleAccounts.isRole(try VerifyAddress.parse("\(name)@example.org")), "\(name)")
    }
    for name in ["bob", "info.sales", "\"postmaster\"", "postmasters"] {
      #expect(!RoleAccounts.isRole(try VerifyAddress.parse("\(name)@example.org")), "\(name)")
    }
  }

  @Test func disposableListParsesAndMatchesSubdomains() {
    let (list, problems) = DisposableDomains.parse(
      "# throwaway domains\nMailinator.com\n\n  guerrillamail.com.  # trailing dot\nbad_domain.example\nwegwerf-bücher.example\n"
    )
    #expect(
      list.domains == ["mailinator.com", "guerrillamail.com", "xn--wegwerf-bcher-4ob.example"])
    #expect(
      problems.map(\.description) == [
        "line 5: \"bad_domain.example\" is not a domain name: \"_\" is not allowed in a domain name: letters, digits and \"-\" only (RFC 5321 4.1.2 Let-dig, Ldh-str)"
      ])
    #expect(problems.first?.error.position == 3)
    #expect(list.contains("mailinator.com"))
    #expect(list.contains("eu.MAILINATOR.com"))
    #expect(!list.contains("notmailinator.com"))
    #expect(!list.contains("com"))
  }

  @Test func catchAllLocalPartIsValidAndExact() throws {
    #expect(
      CatchAllLocalPart.make(randomBits: 0x0123_4567_89AB_CDEF)
        == "smtpprobe-check-0123456789abcdef")
    #expect(CatchAllLocalPart.make(randomBits: 0x2A) == "smtpprobe-check-000000000000002a")
    let bob = try VerifyAddress.parse("bob@Bücher.example")
    let probe = CatchAllLocalPart.address(for: bob, randomBits: UInt64.max)
    #expect(probe.mailbox == "smtpprobe-check-ffffffffffffffff@xn--bcher-kva.example")
    // The probe address passes the strict parser itself.
    #expect(try VerifyAddress.parse(probe.mailbox).mailbox == probe.mailbox)
  }

  @Test func greylistRetriesEveryWaitThenGivesUp() {
    var schedule = GreylistSchedule<String>(waitMilliseconds: 60_000, limitMilliseconds: 600_000)
    let wall = UnixTime(seconds: 1_700_000_000)
    var decisions: [GreylistSchedule<String>.Decision] = []
    var now: Int64 = 5_000
    while true {
      let decision = schedule.greylisted(
        "bob", now: now, wallClock: UnixTime(seconds: wall.seconds + (now - 5_000) / 1000))
      decisions.append(decision)
      guard case .retry(let at) = decision else { break }
      now = at
    }
    #expect(decisions.count == 11)
    #expect(decisions.first == .retry(atMilliseconds: 65_000))
    #expect(decisions[9] == .retry(atMilliseconds: 605_000))
    #expect(decisions.last == .giveUp(retryAfter: UnixTime(seconds: 1_700_000_660)))
    #expect(schedule.isEmpty)
  }

  @Test func greylistDueOrderAndWakeup() {
    var schedule = GreylistSchedule<String>(waitMilliseconds: 1_000, limitMilliseconds: 10_000)
    let wall = UnixTime(seconds: 0)
    _ = schedule.greylisted("b", now: 100, wallClock: wall)
    _ = schedule.greylisted("a", now: 100, wallClock: wall)
    _ = schedule.greylisted("c", now: 500, wallClock: wall)
    #expect(schedule.nextRetryMilliseconds == 1_100)
    #expect(schedule.due(now: 1_099) == [])
    #expect(schedule.due(now: 1_100) == ["b", "a"])
    #expect(schedule.due(now: 2_000) == ["b", "a", "c"])
    schedule.finished("b")
    #expect(schedule.due(now: 2_000) == ["a", "c"])
  }

  @Test func exitStatus() throws {
    #expect(VerifyVerdict.allCases.map(VerifyExitStatus.single) == [0, 1, 2, 3])
    let verdicts: [VerifyVerdict] = [.deliverable, .risky, .unknown]
    #expect(VerifyExitStatus.list(verdicts, failOn: []) == 0)
    #expect(VerifyExitStatus.list(verdicts, failOn: [.undeliverable]) == 0)
    #expect(
      VerifyExitStatus.list(
        verdicts, failOn: try VerifyExitStatus.parseFailOn("undeliverable, risky")) == 1)
    #expect(throws: VerifyExitStatus.FailOnError(word: "bad")) {
      try VerifyExitStatus.parseFailOn("risky,bad")
    }
    #expect(
      VerifyExitStatus.FailOnError(word: "bad").description
        == "--fail-on: \"bad\" is not a verdict; use deliverable, undeliverable, risky, unknown")
  }
}
