import SMTPProbePOSIX
import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import smtpprobe

/// Several targets for `check`: the command line's and a `--targets` file's, and the bounded
/// parallel map that runs them.
@Suite struct CheckTargetListTests {
  @Test func aTargetsFileReadsLikeTheCommandLine() throws {
    let text = """
      # the MX hosts
      example.org
        example.net   # trailing comment

      --server mx.example.org:2525
      --submission [2001:db8::1]:587\r
      """
    let targets = try CheckTarget.list(text, source: "'targets.txt'")
    #expect(
      targets == [
        CheckTarget(profile: .inbound, target: .domain("example.org")),
        CheckTarget(profile: .inbound, target: .domain("example.net")),
        CheckTarget(profile: .inbound, target: .server(host: "mx.example.org", port: 2525)),
        CheckTarget(profile: .submission, target: .server(host: "2001:db8::1", port: 587)),
      ])
  }

  @Test(arguments: ["--server", "--relay x", "a b", "not_a_domain!", "--submission host:0"])
  func aBadLineIsAUsageErrorNamingItsLine(line: String) {
    #expect(throws: UsageError.self) { try CheckTarget.list("example.org\n\(line)", source: "f") }
    do {
      _ = try CheckTarget.list("example.org\n\(line)", source: "f")
    } catch {
      #expect(error.description.hasPrefix("f line 2: "), "\(error)")
    }
  }

  @Test func theCommandLineKeepsDomainsServerAndSubmissionInOrder() throws {
    let options = try CheckOptionsTests.bind([
      "example.org", "example.net", "--submission", "smtp.example.org", "--server",
      "mx.example.org:2525", "--concurrency", "3",
    ])
    #expect(
      options.targets.map(\.target) == [
        .domain("example.org"), .domain("example.net"),
        .server(host: "mx.example.org", port: 2525), .server(host: "smtp.example.org", port: nil),
      ])
    #expect(options.targets.map(\.profile) == [.inbound, .inbound, .inbound, .submission])
    #expect(options.concurrency.value == 3)
  }

  @Test(arguments: [
    ["check", "example.org", "--concurrency", "0"],
    ["check", "--submission", "smtp.example.org", "--send-test-message"],
    ["check", "--submission", "smtp.example.org", "--to", "a@example.org"],
    ["check", "--targets", "-", "--auth-user", "u", "--auth-password-file", "-"],
  ])
  func refusedCombinationsAreUnknown(arguments: [String]) {
    #expect(throws: UsageError.self) { try Invocation(arguments: arguments) }
    #expect(Invocation.usageStatus(arguments) == .unknownCheck)
  }

  @Test func eachTargetGetsItsProfilesRequest() throws {
    let options = try CheckOptionsTests.bind([
      "example.org", "--submission", "smtp.example.org", "--submission", "smtp.example.net:2587",
      "--auth-user", "carol@example.org", "--rcpt", "abuse@example.org=accept",
      "--helo", "client.example.org",
    ])
    let prepared = try CheckCommand(options: options).prepare(
      environment: ["SMTPPROBE_PASSWORD": "pw-for-both"])
    #expect(prepared.map(\.request.effectivePort) == [25, 587, 2587])
    #expect(prepared.map(\.judgement.profile) == [.inbound, .submission, .submission])
    let inbound = prepared[0].request.plan
    #expect(inbound.auth == nil)
    #expect(inbound.recipients.map(\.mailbox) == ["postmaster@example.org", "abuse@example.org"])
    #expect(prepared[0].request.allMX)
    // Both submission targets use the one password, read once; neither sends a recipient.
    for target in prepared.dropFirst() {
      #expect(target.request.plan.auth?.user == "carol@example.org")
      #expect(target.request.plan.auth?.password == Secret("pw-for-both"))
      #expect(target.request.plan.recipients.isEmpty)
      #expect(target.request.plan.quitAfter == .mail)
    }
  }

  @Test func implicitTLSSubmissionDefaultsTo465() throws {
    let options = try CheckOptionsTests.bind([
      "--submission", "smtp.example.org", "--tls-on-connect", "--helo", "client.example.org",
    ])
    let prepared = try CheckCommand(options: options).prepare(environment: [:])
    #expect(prepared.map(\.request.effectivePort) == [465])
  }

  @Test func submissionOptionsWithoutASubmissionTargetAreRefused() throws {
    let options = try CheckOptionsTests.bind([
      "example.org", "--auth-user", "carol@example.org", "--helo", "client.example.org",
    ])
    #expect(throws: ProbeCommand.InputProblem.self) {
      try CheckCommand(options: options).prepare(environment: ["SMTPPROBE_PASSWORD": "x"])
    }
  }

  @Test func theParallelMapKeepsOrderAndItsBound() {
    let running = Atomic<Int>(0)
    let highest = Atomic<Int>(0)
    let results = ParallelMap.map(Array(0..<40), width: 4) { value -> Int in
      let now = running.wrappingAdd(1, ordering: .relaxed).newValue
      _ = highest.max(now, ordering: .relaxed)
      var spin = 0
      for index in 0..<20_000 { spin &+= index }
      running.wrappingSubtract(1, ordering: .relaxed)
      return value * 2 + (spin == -1 ? 1 : 0)
    }
    #expect(results == Array(0..<40).map { $0 * 2 })
    #expect(highest.load(ordering: .relaxed) <= 4)
    #expect(highest.load(ordering: .relaxed) >= 1)
  }
}
