/// Every registered enhanced status code (IANA "SMTP Enhanced Status Codes" registry: RFC 3463,
/// RFC 5248 and later registrations up to X.7.30), plus the class and subject rules of RFC 3463
/// section 2 that explain codes the registry does not list.
///
/// The data lives in `EnhancedStatusCatalogue+Addressing.swift` (subjects 0 to 6) and
/// `EnhancedStatusCatalogue+Policy.swift` (subject 7), one function per group.
public enum EnhancedStatusCatalogue {
  /// All registered entries, in subject.detail order, one per subject and detail.
  public static let all: [EnhancedStatusEntry] = {
    var entries: [EnhancedStatusEntry] = []
    entries += addressAndMailboxEntries()
    entries += systemAndNetworkEntries()
    entries += protocolAndContentEntries()
    entries += securityEntries()
    entries += policyEntries()
    return entries.sorted { ($0.subject, $0.detail) < ($1.subject, $1.detail) }
  }()

  /// The entries keyed by subject and detail (`subject * 1000 + detail`), for constant lookup.
  private static let bySubjectDetail: [Int: EnhancedStatusEntry] = {
    var table: [Int: EnhancedStatusEntry] = [:]
    for entry in all where table[entry.subject * 1000 + entry.detail] == nil {
      table[entry.subject * 1000 + entry.detail] = entry
    }
    return table
  }()

  /// The registered entry for `code`'s subject and detail, or nil.
  ///
  /// The registry lists details as `X.subject.detail`, independent of the class digit.
  public static func entry(for code: EnhancedStatusCode) -> EnhancedStatusEntry? {
    bySubjectDetail[code.subject * 1000 + code.detail]
  }

  /// What a class digit means (RFC 3463 2, the registry's class sub-codes).
  public static func classMeaning(_ statusClass: Int) -> String {
    switch statusClass {
    case 2:
      "Success: the action was completed; any detail reports something noteworthy about it."
    case 4:
      "Persistent transient failure: the message is valid, but a temporary condition stopped it; sending it again later may succeed."
    case 5:
      "Permanent failure: resending the message unchanged will not work; something about the message or its destination must change first."
    default:
      "Not a valid class: RFC 3463 defines only 2 (success), 4 (persistent transient failure) and 5 (permanent failure)."
    }
  }

  /// The title and scope of a subject digit (RFC 3463 2, the registry's subject sub-codes), or
  /// nil for a subject the RFC does not define.
  public static func subjectMeaning(_ subject: Int) -> (title: String, description: String)? {
    switch subject {
    case 0:
      (
        "Other or undefined status",
        "No subject is given: the status is about nothing more specific than its class."
      )
    case 1:
      (
        "Addressing status",
        "About the sender or recipient address: its syntax or whether it is valid. The sender can usually correct these and try again."
      )
    case 2:
      (
        "Mailbox status",
        "About the recipient's mailbox: it exists, but is full, disabled or otherwise unable to take the message. These are under the recipient's control."
      )
    case 3:
      (
        "Mail system status",
        "About the receiving mail system as a whole: storage, size limits, features or configuration. These are for the destination's administrator."
      )
    case 4:
      (
        "Network and routing status",
        "About delivery infrastructure: connections, DNS and other directory services, routing and queues. These are for the administrators of the destination or of a system in between."
      )
    case 5:
      (
        "Mail delivery protocol status",
        "About the SMTP dialogue itself: commands, syntax, sequence and protocol limits, often a client or implementation error."
      )
    case 6:
      (
        "Message content or media status",
        "About the message content: media types, encodings and conversions that the delivery path could not handle. Sender and receiver must agree on supported content."
      )
    case 7:
      (
        "Security or policy status",
        "About security and policy: authentication, encryption, filtering, blocklists, SPF, DKIM and DMARC. Sender and receiver must both allow the exchange."
      )
    default:
      nil
    }
  }

  /// Explains any enhanced status code: the registry entry when there is one, otherwise what
  /// its class and subject say (RFC 3463 2).
  public static func describe(_ code: EnhancedStatusCode) -> EnhancedStatusDescription {
    let classText = classMeaning(code.statusClass)
    let subject = subjectMeaning(code.subject)
    if let entry = entry(for: code) {
      return EnhancedStatusDescription(
        code: code, title: entry.title, description: entry.description,
        classMeaning: classText, subjectTitle: subject?.title,
        subjectDescription: subject?.description, isRegistered: true, rfc: entry.rfc)
    }
    let title: String
    let description: String
    if let subject {
      title = "Unregistered code (\(subject.title.lowercased()))"
      description =
        "The registry lists no detail \(code.detail) under subject \(code.subject), so only the class and subject carry meaning: \(subject.title.lowercased()), reported as a \(className(code.statusClass)). Read the reply text for the server's specific reason."
    } else {
      title = "Unregistered code"
      description =
        "Subject \(code.subject) is not defined by RFC 3463, so only the class carries meaning: a \(className(code.statusClass)). Read the reply text for the server's specific reason."
    }
    return EnhancedStatusDescription(
      code: code, title: title, description: description, classMeaning: classText,
      subjectTitle: subject?.title, subjectDescription: subject?.description,
      isRegistered: false, rfc: ["RFC 3463 2"])
  }

  /// The class's short name for use inside a sentence.
  private static func className(_ statusClass: Int) -> String {
    switch statusClass {
    case 2: "success"
    case 4: "persistent transient failure"
    default: "permanent failure"
    }
  }
}
