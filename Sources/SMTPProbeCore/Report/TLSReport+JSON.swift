extension TLSReport {
  /// The TLS part of a probe session's JSON (`sessions[].tls`).
  ///
  /// `{"version", "cipher", "cipher_bits", "sni", "chain": [{"subject", "issuer", "sans",
  /// "not_before", "not_after", "days_left", "self_signed"}], "verification": {"trusted",
  /// "expected_name", "trust_store", "required", "faults": [{"name", "explanation", "fix"}]},
  /// "warnings"}`. Dates are ISO 8601 UTC; `days_left` counts from `now`.
  public func jsonValue(now: UnixTime) -> JSONValue {
    let chain: [JSONValue] = chain.map { certificate in
      [
        "subject": .string(certificate.subject),
        "issuer": .string(certificate.issuer),
        "sans": JSONValue(certificate.alternativeNames.map(\.description)),
        "not_before": .string(certificate.notBefore.iso8601),
        "not_after": .string(certificate.notAfter.iso8601),
        "days_left": .int(certificate.daysLeft(now: now)),
        "self_signed": .bool(certificate.isSelfSigned),
      ]
    }
    let faults: [JSONValue] = verification.faults.map { fault in
      [
        "name": .string(fault.name), "explanation": .string(fault.explanation),
        "fix": .string(fault.fix),
      ]
    }
    return [
      "version": .string(protocolVersion),
      "cipher": .string(cipher),
      "cipher_bits": .int(cipherBits),
      "sni": JSONValue(serverName),
      "chain": .array(chain),
      "verification": [
        "trusted": .bool(verification.isTrusted),
        "expected_name": .string(verification.expectedName),
        "trust_store": .string(verification.trustStore.description),
        "required": .bool(verificationRequired),
        "faults": .array(faults),
      ],
      "warnings": JSONValue(warnings(now: now)),
    ]
  }
}
