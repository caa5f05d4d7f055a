/// Verify results as JSON: one object per address (DESIGN.md keys), JSON Lines for a list.
///
/// Keys, in order: `address, verdict, reason, mx_host, catch_all, tls, reply, diagnosis,
/// attempts, role_account, elapsed_ms`, then `refusal_category` (the classifier's category
/// when the reason is `prober-refused`), `disposable`, `retry_after` (RFC 3339 UTC, when
/// greylisting was given up on) and `syntax_error` (`{"position", "rule"}` for
/// `address-syntax`), `proxy_failure` (the hop of `--proxy` that failed, for
/// `proxy-failed`) and `session_note` (`one-recipient-for-null-sender` when the server
/// took one recipient per transaction from the null sender); absent values are `null`,
/// so every object has every key.
public enum VerifyJSONRenderer {
  /// The object for one result.
  public static func object(_ result: VerifyResult) -> JSONValue {
    [
      "address": .string(result.address),
      "verdict": .string(result.verdict.rawValue),
      "reason": .string(result.reason.rawValue),
      "mx_host": JSONValue(result.mxHost),
      "catch_all": .string(result.catchAll.rawValue),
      "tls": .bool(result.tls),
      "reply": result.reply?.jsonValue ?? .null,
      "diagnosis": result.diagnosis?.jsonValue ?? .null,
      "attempts": .int(result.attempts),
      "role_account": .bool(result.roleAccount),
      "elapsed_ms": .int(result.elapsedMilliseconds),
      "refusal_category": JSONValue(result.refusalCategory?.rawValue),
      "disposable": .bool(result.disposable),
      "retry_after": JSONValue(result.retryAfter?.iso8601),
      "syntax_error": result.syntaxError.map {
        ["position": .int($0.position), "rule": .string($0.ruleText)]
      } ?? .null,
      "proxy_failure": JSONValue(result.proxyFailure?.description),
      "session_note": JSONValue(result.sessionNote?.rawValue),
    ]
  }

  /// One address: the object, indented, with a final newline.
  public static func render(_ result: VerifyResult) -> String {
    object(result).pretty + "\n"
  }

  /// A list: one compact object per line, in input order (JSON Lines).
  public static func renderLines(_ results: [VerifyResult]) -> String {
    results.map { object($0).compact + "\n" }.joined()
  }
}
