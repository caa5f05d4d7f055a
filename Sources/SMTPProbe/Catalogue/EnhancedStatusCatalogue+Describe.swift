/// An enhanced status code explained (TEMP stand-in for the catalogue helper's type).
public struct EnhancedStatusDescription: Hashable, Sendable {
  public var code: EnhancedStatusCode
  public var title: String
  public var description: String
  public var classMeaning: String
  public var subjectTitle: String
  public var subjectDescription: String
  public var isRegistered: Bool
  public var rfc: [String]

  public init(
    code: EnhancedStatusCode, title: String, description: String, classMeaning: String,
    subjectTitle: String, subjectDescription: String, isRegistered: Bool, rfc: [String]
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

extension EnhancedStatusCatalogue {
  /// Explains `code`: its registry entry, or its class and subject when unregistered
  /// (TEMP stand-in).
  public static func describe(_ code: EnhancedStatusCode) -> EnhancedStatusDescription {
    let classMeaning =
      switch code.statusClass {
      case 2: "Success: the action succeeded."
      case 4: "Persistent transient failure: the same message may succeed later."
      default: "Permanent failure: resending unchanged will fail again."
      }
    let subjects = [
      "Other or undefined status", "Addressing status", "Mailbox status", "Mail system status",
      "Network and routing status", "Mail delivery protocol status",
      "Message content or media status",
      "Security or policy status",
    ]
    let subjectTitle = code.subject < subjects.count ? subjects[code.subject] : "Unknown subject"
    let entry = entry(for: code)
    return EnhancedStatusDescription(
      code: code, title: entry?.title ?? "Unregistered code",
      description: entry?.description ?? "This detail is not in the IANA registry.",
      classMeaning: classMeaning, subjectTitle: subjectTitle,
      subjectDescription: "Status about \(subjectTitle.lowercased()).",
      isRegistered: entry != nil, rfc: entry?.rfc ?? ["RFC 3463 2"])
  }
}
