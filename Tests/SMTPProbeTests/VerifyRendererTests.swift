import Testing

@testable import SMTPProbeCore

@Suite struct VerifyRendererTests {
  static let deliverable = VerifyResult(
    address: "bob@example.org", verdict: .deliverable, reason: .category(.ok), catchAll: .no,
    mxHost: "mx.example.org", tls: true, reply: Reply(code: 250, lines: ["250 2.1.5 Ok"]),
    diagnosis: nil, attempts: 1, elapsedMilliseconds: 412)

  static let blocked: VerifyResult = VerifyJudgement.judge(
    VerifyFacts(
      address: VerifyAddressTests.must("carol@example.org"), route: .hosts(["mx.example.org"]),
      session: .recipient(
        Reply(
          code: 554,
          lines: [
            "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org, \"see\" site"
          ])), mxHost: "mx.example.org", attempts: 1, elapsedMilliseconds: 80))

  static let syntax = VerifyJudgement.syntaxResult(
    "bob.smi.@x.org", MailboxSyntaxError(position: 7, rule: .trailingDot))

  @Test func textLines() {
    #expect(
      VerifyTextRenderer.line(Self.deliverable)
        == "bob@example.org  deliverable  ok  mx.example.org")
    #expect(
      VerifyTextRenderer.line(Self.syntax)
        == "bob.smi.@x.org  undeliverable  address-syntax  -  — position 7: a dot may not end the local part (RFC 5321 4.1.2 Dot-string)"
    )
    let blocked = VerifyTextRenderer.line(Self.blocked)
    #expect(
      blocked.hasPrefix(
        "carol@example.org  unknown  prober-refused (blocklisted-ip)  mx.example.org  — the server refused this prober, which says nothing about the address."
      ))
    // The classifier's fix follows, naming the list's delisting page.
    #expect(blocked.hasSuffix(Self.blocked.diagnosis?.fix ?? "missing"))
  }

  @Test func jsonObjectHasDesignKeysInOrder() {
    let object = VerifyJSONRenderer.object(Self.deliverable)
    guard case .object(let members) = object else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.key) == [
        "address", "verdict", "reason", "mx_host", "catch_all", "tls", "reply", "diagnosis",
        "attempts", "role_account", "elapsed_ms", "refusal_category", "disposable",
        "retry_after", "syntax_error", "proxy_failure", "session_note",
      ])
    #expect(
      object.compact
        == #"{"address":"bob@example.org","verdict":"deliverable","reason":"ok","mx_host":"mx.example.org","catch_all":"no","tls":true,"reply":{"code":250,"enhanced":"2.1.5","lines":["250 2.1.5 Ok"],"violations":[]},"diagnosis":null,"attempts":1,"role_account":false,"elapsed_ms":412,"refusal_category":null,"disposable":false,"retry_after":null,"syntax_error":null,"proxy_failure":null,"session_note":null}"#
    )
    let blocked = VerifyJSONRenderer.object(Self.blocked)
    #expect(blocked["reason"] == .string("prober-refused"))
    #expect(blocked["refusal_category"] == .string("blocklisted-ip"))
    #expect(blocked["diagnosis"]?["category"] == .string("blocklisted-ip"))
    #expect(
      VerifyJSONRenderer.object(Self.syntax)["syntax_error"]
        == [
          "position": .int(7),
          "rule": .string("a dot may not end the local part (RFC 5321 4.1.2 Dot-string)"),
        ])
  }

  @Test func jsonLinesOnePerResultInOrder() {
    let lines = VerifyJSONRenderer.renderLines([Self.deliverable, Self.syntax])
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"address":"bob@example.org","#))
    #expect(lines[1].hasPrefix(#"{"address":"bob.smi.@x.org","verdict":"undeliverable","#))
    #expect(lines[2] == "")
  }

  @Test func csvQuotesPerRFC4180() {
    let csv = VerifyCSVRenderer.render([Self.deliverable, Self.blocked])
    let records = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(
      records[0]
        == "address,verdict,reason,mx_host,catch_all,tls,reply_code,enhanced,reply_text,category,fix,attempts,role_account,disposable,retry_after,elapsed_ms,session_note"
    )
    #expect(
      records[1]
        == "bob@example.org,deliverable,ok,mx.example.org,no,true,250,2.1.5,250 2.1.5 Ok,,,1,false,false,,412,"
    )
    #expect(
      records[2].hasPrefix(
        #"carol@example.org,unknown,prober-refused,mx.example.org,not-run,false,554,5.7.1,"554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org, ""see"" site",blocklisted-ip,"#
      ))
    #expect(records.last == "")
    #expect(VerifyCSVRenderer.field("a\nb") == "\"a\nb\"")
    #expect(VerifyCSVRenderer.field("plain") == "plain")
  }
}
