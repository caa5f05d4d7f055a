/// A DKIM public key record (RFC 6376 3.6.1): the key type, the key and its flags.
public struct DKIMKeyRecord: Hashable, Sendable {
  /// Why a text is not a usable key record.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The tag list does not parse.
    case tags(TagList.Problem)
    /// `v` is present but not first, or not `DKIM1` (3.6.1).
    case invalidVersion
    /// `p` is missing (3.6.1: required).
    case missingKey
    /// `p` is not base64 (RFC 4648).
    case keyNotBase64
    /// `p` decodes but is not a key of the `k` type (RSA SubjectPublicKeyInfo, Ed25519).
    case keyNotReadable(String)

    public var description: String {
      switch self {
      case .tags(let problem): problem.description
      case .invalidVersion: "v= must come first and be DKIM1"
      case .missingKey: "the required p= tag is missing"
      case .keyNotBase64: "p= is not base64"
      case .keyNotReadable(let type): "p= is not a \(type) public key"
      }
    }
  }

  /// The record as published.
  public var text: String
  public var tags: TagList
  /// `k`, the key type (default `rsa`), lower-cased.
  public var keyType: String
  /// The key's algorithm and size; nil when `p` is empty (revoked, 3.6.1).
  public var key: PublicKeyInfo?
  /// `t=y`: the domain is testing DKIM (3.6.1).
  public var testing: Bool
  /// `t=s`: the `i=` domain must equal `d=` exactly.
  public var strict: Bool

  /// Whether the key has been revoked: `p=` present and empty (RFC 6376 3.6.1).
  public var revoked: Bool { key == nil }

  /// Parses `text`.
  public static func parse(_ text: String) throws(Problem) -> DKIMKeyRecord {
    let tags: TagList
    do throws(TagList.Problem) {
      tags = try TagList.parse(text)
    } catch {
      throw .tags(error)
    }
    if let version = tags["v"], version != "DKIM1" || tags.tags.first?.name != "v" {
      throw .invalidVersion
    }
    guard let encoded = tags["p"] else { throw .missingKey }
    let keyType = (tags["k"] ?? "rsa").lowercased()
    let flags = (tags["t"] ?? "").split(separator: ":").map { PostureText.trimmed($0) }
    var record = DKIMKeyRecord(
      text: text, tags: tags, keyType: keyType, key: nil, testing: flags.contains("y"),
      strict: flags.contains("s"))
    // Base64 in DKIM may be folded with whitespace (RFC 6376 3.6.1 `base64string`).
    let compact = String(encoded.filter { $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\n" })
    guard !compact.isEmpty else { return record }
    guard let der = Base64.decode(compact) else { throw .keyNotBase64 }
    switch keyType {
    case "ed25519":
      guard let key = PublicKeyInfo.ed25519(der) else { throw .keyNotReadable("Ed25519") }
      record.key = key
    default:
      guard let key = PublicKeyInfo.rsa(der) else { throw .keyNotReadable(keyType.uppercased()) }
      record.key = key
    }
    return record
  }
}
