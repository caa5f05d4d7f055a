/// What was found about a domain's MTA-STS policy: the TXT records and, when one announces a
/// policy, the HTTPS fetch of the policy file (RFC 8461 3).
public struct MTASTSFacts: Hashable, Sendable {
  /// The domain whose policy was looked for.
  public var domain: String
  /// The texts of the `_mta-sts.DOMAIN` TXT records, or why the lookup failed.
  public var txt: Result<[String], DNSError>
  /// The fetch of the policy file; nil when no valid record asked for one.
  public var fetch: MTASTSFetch?

  public init(domain: String, txt: Result<[String], DNSError>, fetch: MTASTSFetch? = nil) {
    self.domain = domain
    self.txt = txt
    self.fetch = fetch
  }

  /// The name of the TXT record (RFC 8461 3.1).
  public static func recordName(_ domain: String) -> String { "_mta-sts.\(domain)" }
  /// The host that serves the policy (RFC 8461 3.3).
  public static func policyHost(_ domain: String) -> String { "mta-sts.\(domain)" }
  /// The policy's path (RFC 8461 3.3, RFC 8615 well-known URI).
  public static let policyPath = "/.well-known/mta-sts.txt"

  /// The records senders consider: those that start with `v=STSv1` (RFC 8461 3.1).
  public var candidates: [String] {
    guard case .success(let texts) = txt else { return [] }
    return texts.filter(MTASTSRecord.isCandidate)
  }

  /// The one valid record, when exactly one candidate exists and parses.
  public var record: MTASTSRecord? {
    guard candidates.count == 1, let text = candidates.first else { return nil }
    return try? MTASTSRecord(parsing: text)
  }
}

/// One HTTPS fetch of a policy file: where it went and what came back.
public struct MTASTSFetch: Hashable, Sendable {
  /// `https://mta-sts.DOMAIN[:port]/.well-known/mta-sts.txt`.
  public var url: String
  /// The address connected to, when a connection was made.
  public var address: String?
  /// The response, or why none was read.
  public var outcome: Result<HTTPResponse, MTASTSFetchFailure>

  public init(url: String, address: String?, outcome: Result<HTTPResponse, MTASTSFetchFailure>) {
    self.url = url
    self.address = address
    self.outcome = outcome
  }
}

/// Why a policy file could not be fetched; one line each.
public enum MTASTSFetchFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// `mta-sts.DOMAIN` has no address.
  case resolution(DNSError)
  /// No TCP connection to port 443 (or the test port).
  case connect(ConnectFailure)
  /// The TLS handshake failed, or the certificate is not valid for the name (RFC 8461 3.3).
  case tls(TLSError)
  /// Sending the request or reading the response failed.
  case transport(TransportError)
  /// The response did not parse or broke a bound.
  case response(HTTPResponseError)
  /// Not fetched, or given up on: the run's `--max-time` of `seconds` was used up.
  case cutByMaxTime(seconds: Double)

  /// Whether the run's `--max-time` stopped the fetch (or the lookup of its address).
  public var isCutByMaxTime: Bool {
    switch self {
    case .cutByMaxTime, .resolution(.cutByMaxTime): true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .resolution(let error): error.description
    case .connect(let error): error.description
    case .tls(let error): error.description
    case .transport(let error): error.description
    case .response(let error): error.description
    case .cutByMaxTime(let seconds):
      "not fetched: cut by --max-time (\(DecimalText.text(seconds, places: 3)) s)"
    }
  }
}
