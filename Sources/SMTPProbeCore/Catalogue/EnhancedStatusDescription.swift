/// What smtpprobe can say about any enhanced status code, registered or not (RFC 3463 2).
///
/// A code missing from the registry (4.4.99) still has a meaningful class and subject, so a
/// description always explains those and says whether the detail is registered.
public struct EnhancedStatusDescription: Hashable, Sendable {
  /// The code described.
  public var code: EnhancedStatusCode
  /// The registry title, or a title built from the subject for an unregistered detail.
  public var title: String
  /// What the code means, in our words.
  public var description: String
  /// What the class digit means ("Persistent transient failure: ...").
  public var classMeaning: String
  /// The subject's name ("Network and routing status"), or nil for a subject outside 0...7.
  public var subjectTitle: String?
  /// What the subject covers, or nil for a subject outside 0...7.
  public var subjectDescription: String?
  /// Whether the registry lists this subject and detail.
  public var isRegistered: Bool
  /// Where it is defined; for an unregistered code, the rules it was explained by.
  public var rfc: [String]

  public init(
    code: EnhancedStatusCode, title: String, description: String, classMeaning: String,
    subjectTitle: String?, subjectDescription: String?, isRegistered: Bool, rfc: [String]
  ) {
    self.code = code
    self.title = title
    self.description = description
    self.classMeaning = classMeaning
    self.subjectTitle = subjectTitle
    self.subjectDescription = subjectDescription
    self.isRegistered = isRegistered
    self.rfc = rfc
  }
}
