/// One registered enhanced status code detail, `X.subject.detail` (RFC 3463, RFC 5248 registry).
///
/// The registry lists most codes once for class X (4 or 5, and sometimes 2); `classes` says
/// which class digits the registry allows.
public struct EnhancedStatusEntry: Hashable, Sendable {
  /// The subject digit (0 to 7 in the registry).
  public var subject: Int
  /// The detail digit within the subject.
  public var detail: Int
  /// The registry's title ("Bad destination mailbox address").
  public var title: String
  /// What it means, in our words.
  public var description: String
  /// The class digits the registry lists for it (2, 4, 5).
  public var classes: [Int]
  /// Where it is defined ("RFC 3463 3.2").
  public var rfc: [String]
  /// The category a reply gets from this code when no text pattern is more specific.
  public var category: DiagnosisCategory

  public init(
    subject: Int, detail: Int, title: String, description: String, classes: [Int],
    rfc: [String], category: DiagnosisCategory
  ) {
    self.subject = subject
    self.detail = detail
    self.title = title
    self.description = description
    self.classes = classes
    self.rfc = rfc
    self.category = category
  }

  /// `X.subject.detail`, the registry's own spelling.
  public var registryCode: String { "X.\(subject).\(detail)" }
}
