extension DomainPosture {
  /// The posture as JSON: every record as published and as parsed, and every lookup's
  /// outcome, under stable snake_case keys (README, "check --json").
  public var jsonValue: JSONValue {
    [
      "domain": .string(domain),
      "spf": spf.jsonValue,
      "spf_evaluation": spfEvaluation?.jsonValue ?? .null,
      "dmarc": dmarc.jsonValue,
      "dkim": .array(dkim.map(\.jsonValue)),
      "tls_rpt": tlsRPT.jsonValue,
      "null_mx": nullMX.map { .bool($0) } ?? .null,
      "dnsbl": .array(dnsbl.map(\.jsonValue)),
    ]
  }
}

extension TXTRecordLookup {
  /// `{"status": "found|none|several|failed", "records": [...], "error"}`.
  var jsonValue: JSONValue {
    switch self {
    case .found(let text):
      ["status": "found", "records": JSONValue([text]), "error": .null]
    case .none: ["status": "none", "records": .array([]), "error": .null]
    case .several(let texts): ["status": "several", "records": JSONValue(texts), "error": .null]
    case .failed(let error):
      ["status": "failed", "records": .array([]), "error": .string(error.description)]
    }
  }
}

extension SPFAnalysis {
  var jsonValue: JSONValue {
    [
      "lookup": lookup.jsonValue,
      "terms": record.map { .array($0.terms.map(\.jsonValue)) } ?? .null,
      "syntax_error": syntaxError.map { .string($0.description) } ?? .null,
      "dns_lookups": .int(lookups),
      "reached": .array(
        reached.map {
          [
            "domain": .string($0.domain), "term": .string($0.term), "from": .string($0.from),
            "record": JSONValue($0.text),
          ]
        }),
      "problems": JSONValue(problems.map(\.description)),
      "not_followed": JSONValue(unexpanded),
    ]
  }
}

extension SPFTerm {
  /// `{"term", "position", "kind": "directive|modifier", "qualifier", "name", "value"}`.
  var jsonValue: JSONValue {
    let kind: String
    var qualifier: String?
    let name: String
    switch self.kind {
    case .directive(let written, let mechanism):
      kind = "directive"
      qualifier = written.rawValue
      switch mechanism {
      case .all: name = "all"
      case .include: name = "include"
      case .a: name = "a"
      case .mx: name = "mx"
      case .ptr: name = "ptr"
      case .ip4: name = "ip4"
      case .ip6: name = "ip6"
      case .exists: name = "exists"
      }
    case .modifier(let modifier):
      kind = "modifier"
      switch modifier {
      case .redirect: name = "redirect"
      case .explanation: name = "exp"
      case .unknown(let written, _): name = written
      }
    }
    return [
      "term": .string(text), "position": .int(position), "kind": .string(kind),
      "qualifier": JSONValue(qualifier), "name": .string(name),
      "dns_lookup": .bool(queriesDNS),
    ]
  }
}

extension SPFEvaluation {
  var jsonValue: JSONValue {
    [
      "ip": .string(ip.description), "sender": .string(sender),
      "result": .string(result.rawValue), "term": JSONValue(term),
      "term_domain": JSONValue(termDomain), "chain": JSONValue(chain),
      "problem": problem.map { .string($0.description) } ?? .null,
      "dns_lookups": .int(lookups), "void_lookups": .int(voidLookups),
      "used_ptr": .bool(usedPTR),
    ]
  }
}

extension DMARCPosture {
  var jsonValue: JSONValue {
    [
      "name": .string(name),
      "lookup": lookup.jsonValue,
      "record": record.map { record in
        [
          "p": .string(record.policy.rawValue),
          "sp": JSONValue(record.subdomainPolicy?.rawValue),
          "pct": .int(record.percent),
          "rua": JSONValue(record.aggregateReports.map(\.uri)),
          "ruf": JSONValue(record.failureReports.map(\.uri)),
          "adkim": .string(record.dkimAlignment.rawValue),
          "aspf": .string(record.spfAlignment.rawValue),
          "tags": .object(record.tags.tags.map { (key: $0.name, value: .string($0.value)) }),
        ] as JSONValue
      } ?? .null,
      "problem": problem.map { .string($0.description) } ?? .null,
      "external_destinations": .array(
        external.map {
          [
            "uri": .string($0.uri), "domain": .string($0.domain),
            "authorisation_name": .string($0.authorisationName),
            "authorised": $0.authorised.map { .bool($0) } ?? .null,
            "error": JSONValue($0.failure?.description),
          ]
        }),
    ]
  }
}

extension DKIMKeyPosture {
  var jsonValue: JSONValue {
    [
      "selector": .string(selector), "name": .string(name), "lookup": lookup.jsonValue,
      "record": record.map { record in
        [
          "k": .string(record.keyType),
          "algorithm": JSONValue(record.key?.algorithm.rawValue),
          "bits": JSONValue(record.key?.bits),
          "revoked": .bool(record.revoked), "testing": .bool(record.testing),
          "strict": .bool(record.strict),
          "tags": .object(record.tags.tags.map { (key: $0.name, value: .string($0.value)) }),
        ] as JSONValue
      } ?? .null,
      "problem": problem.map { .string($0.description) } ?? .null,
    ]
  }
}

extension TLSRPTPosture {
  var jsonValue: JSONValue {
    [
      "name": .string(name), "lookup": lookup.jsonValue,
      "rua": record.map { JSONValue($0.rua) } ?? .null,
      "problem": problem.map { .string($0.description) } ?? .null,
    ]
  }
}

extension DNSBLLookup {
  /// `{"address", "zone", "query", "status": "not_listed|listed|could_not_check", "codes"}`.
  var jsonValue: JSONValue {
    let status: String
    var codes: [DNSBLCode] = []
    var error: String?
    switch outcome {
    case .notListed: status = "not_listed"
    case .listed(let found):
      status = "listed"
      codes = found
    case .refusedByOperator(let found):
      status = "could_not_check"
      codes = found
    case .failed(let failure):
      status = "could_not_check"
      error = failure.description
    }
    return [
      "address": .string(address), "zone": .string(zone), "query": .string(query),
      "status": .string(status),
      "codes": .array(
        codes.map {
          [
            "address": .string($0.address), "meaning": .string($0.meaning),
            "source": .string($0.source),
          ]
        }),
      "error": JSONValue(error),
    ]
  }
}
