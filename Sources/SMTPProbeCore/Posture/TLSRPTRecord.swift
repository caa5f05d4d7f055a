/// A TLS reporting policy (RFC 8460 3): `v=TLSRPTv1; rua=URI[,URI]` where each URI is
/// `mailto:` or `https:`.
public struct TLSRPTRecord: Hashable, Sendable {
  /// Why a text is not a TLS-RPT record.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case tags(TagList.Problem)
    /// `v=TLSRPTv1` is not the first field.
    case versionNotFirst
    /// `rua` is missing (3: required).
    case missingRUA
    /// A rua URI that is neither `mailto:` nor `https:` (3).
    case invalidURI(String)

    public var description: String {
      switch self {
      case .tags(let problem): problem.description
      case .versionNotFirst: "the first field is not v=TLSRPTv1"
      case .missingRUA: "the required rua= field is missing"
      case .invalidURI(let uri): "'\(uri)' is neither a mailto: nor an https: URI"
      }
    }
  }

  /// The record as published.
  public var text: String
  /// The report destinations.
  public var rua: [String]

  /// Parses `text`.
  public static func parse(_ text: String) throws(Problem) -> TLSRPTRecord {
    let tags: TagList
    do throws(TagList.Problem) {
      tags = try TagList.parse(text)
    } catch {
      throw .tags(error)
    }
    guard let first = tags.tags.first, first.name == "v", first.value == "TLSRPTv1" else {
      throw .versionNotFirst
    }
    guard let value = tags["rua"], !value.isEmpty else { throw .missingRUA }
    var uris: [String] = []
    for item in value.split(separator: ",") {
      let uri = PostureText.trimmed(item)
      let lower = uri.lowercased()
      guard lower.hasPrefix("mailto:") && uri.contains("@") || lower.hasPrefix("https://") else {
        throw .invalidURI(uri)
      }
      uris.append(uri)
    }
    return TLSRPTRecord(text: text, rua: uris)
  }
}
