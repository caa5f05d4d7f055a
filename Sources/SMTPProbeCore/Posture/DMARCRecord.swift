/// A parsed DMARC policy record (RFC 7489 6.3): the policy, the subdomain policy, the
/// percentage, the report addresses and the alignment modes.
public struct DMARCRecord: Hashable, Sendable {
  /// The requested handling of failing mail (RFC 7489 6.3 `p`).
  public enum Policy: String, Hashable, Sendable {
    case none
    case quarantine
    case reject
  }

  /// Relaxed or strict identifier alignment (RFC 7489 3.1).
  public enum Alignment: String, Hashable, Sendable {
    case relaxed = "r"
    case strict = "s"
  }

  /// Why a text is not a usable DMARC record.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// `v=DMARC1` is not the first tag (6.3).
    case versionNotFirst
    /// The tag list does not parse.
    case tags(TagList.Problem)
    /// A tag's value is not one the RFC allows (the tag, the value).
    case invalidValue(String, String)
    /// `p` is missing (6.3: required for policy records).
    case missingPolicy

    public var description: String {
      switch self {
      case .versionNotFirst: "the first tag is not v=DMARC1"
      case .tags(let problem): problem.description
      case .invalidValue(let tag, let value): "\(tag)=\(value) is not a valid value"
      case .missingPolicy: "the required p= tag is missing"
      }
    }
  }

  /// The record as published.
  public var text: String
  public var tags: TagList
  public var policy: Policy
  /// `sp`, the policy for subdomains; nil means `p` applies.
  public var subdomainPolicy: Policy?
  /// `pct`, the percentage of failing mail the policy applies to (default 100).
  public var percent: Int
  /// `rua`, where aggregate reports go.
  public var aggregateReports: [DMARCReportURI]
  /// `ruf`, where failure reports go.
  public var failureReports: [DMARCReportURI]
  /// `adkim` (default relaxed).
  public var dkimAlignment: Alignment
  /// `aspf` (default relaxed).
  public var spfAlignment: Alignment

  /// Parses `text`; the first problem is thrown.
  public static func parse(_ text: String) throws(Problem) -> DMARCRecord {
    let tags: TagList
    do throws(TagList.Problem) {
      tags = try TagList.parse(text)
    } catch {
      throw .tags(error)
    }
    guard let first = tags.tags.first, first.name == "v", first.value == "DMARC1" else {
      throw .versionNotFirst
    }
    guard let policyText = tags["p"] else { throw .missingPolicy }
    guard let policy = Policy(rawValue: policyText.lowercased()) else {
      throw .invalidValue("p", policyText)
    }
    var record = DMARCRecord(
      text: text, tags: tags, policy: policy, subdomainPolicy: nil, percent: 100,
      aggregateReports: [], failureReports: [], dkimAlignment: .relaxed, spfAlignment: .relaxed)
    if let value = tags["sp"] {
      guard let subdomain = Policy(rawValue: value.lowercased()) else {
        throw .invalidValue("sp", value)
      }
      record.subdomainPolicy = subdomain
    }
    if let value = tags["pct"] {
      guard let percent = Int(value), (0...100).contains(percent) else {
        throw .invalidValue("pct", value)
      }
      record.percent = percent
    }
    for (tag, keyPath) in [("adkim", \DMARCRecord.dkimAlignment), ("aspf", \.spfAlignment)] {
      guard let value = tags[tag] else { continue }
      guard let alignment = Alignment(rawValue: value.lowercased()) else {
        throw .invalidValue(tag, value)
      }
      record[keyPath: keyPath] = alignment
    }
    for (tag, keyPath) in [("rua", \DMARCRecord.aggregateReports), ("ruf", \.failureReports)] {
      guard let value = tags[tag] else { continue }
      var uris: [DMARCReportURI] = []
      for item in value.split(separator: ",") {
        guard let uri = DMARCReportURI(PostureText.trimmed(item)) else {
          throw .invalidValue(tag, String(item))
        }
        uris.append(uri)
      }
      record[keyPath: keyPath] = uris
    }
    return record
  }
}
