/// The fields of an RFC 3464 delivery status notification, one group per recipient.
///
/// RFC 3464 section 2.1: the `message/delivery-status` body is a group of per-message fields,
/// then one group per recipient, groups separated by blank lines; fields fold like header
/// fields (RFC 5322 section 2.2.3). Only the fields a diagnosis uses are kept.
struct DeliveryStatusReport: Sendable {
  /// One recipient's group (RFC 3464 section 2.3).
  struct Recipient: Sendable {
    /// The address of `Final-Recipient` (or `Original-Recipient`), lowercased.
    var address: String?
    /// `Action` (section 2.3.3): failed, delayed, delivered, relayed, expanded.
    var action: String?
    /// `Status` (section 2.3.4): the enhanced status code.
    var status: EnhancedStatusCode?
    /// `Diagnostic-Code` (section 2.3.6): its type and text.
    var diagnosticType: String?
    var diagnostic: String?
    /// `Remote-MTA` (section 2.3.5).
    var remoteMTA: String?

    /// Whether the recipient failed or was delayed (an SMTP reply may explain it).
    var isFailure: Bool {
      guard let action else { return status.map { $0.statusClass != 2 } ?? true }
      return action.hasPrefix("failed") || action.hasPrefix("delayed")
    }
  }

  var recipients: [Recipient] = []

  /// Reads the delivery status fields in `text`.
  init(_ text: String) {
    var current = Recipient()
    var hasFields = false
    func flush() {
      if hasFields, current.address != nil || current.diagnostic != nil || current.status != nil {
        recipients.append(current)
      }
      current = Recipient()
      hasFields = false
    }
    var lines = MIMEWalker.splitLines(text)[...]
    while !lines.isEmpty {
      while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) {
        flush()
        lines = lines.dropFirst()
      }
      guard let (headers, next) = MIMEHeaders.read(lines) else {
        lines = lines.dropFirst()
        continue
      }
      for (name, value) in headers.fields {
        hasFields = true
        switch name {
        case "final-recipient", "original-recipient":
          if name == "final-recipient" || current.address == nil {
            current.address = Self.afterType(value).1.lowercased()
          }
        case "action": current.action = value.lowercased()
        case "status":
          current.status = EnhancedStatusCode(
            String(value.prefix { !$0.isWhitespace && $0 != "(" }))
        case "diagnostic-code":
          let (type, rest) = Self.afterType(value)
          current.diagnosticType = type
          current.diagnostic = rest
        case "remote-mta": current.remoteMTA = Self.afterType(value).1
        default: break
        }
      }
      flush()
      lines = lines[next...]
    }
    flush()
  }

  /// `type ";" text` split at the semicolon (RFC 3464 section 2.1.2: address-type,
  /// diagnostic-type, mta-name-type), the text trimmed and without angle brackets around an
  /// address.
  static func afterType(_ value: String) -> (String?, String) {
    guard let semicolon = value.firstIndex(of: ";") else { return (nil, value.trimmingWhitespace) }
    var rest = value[value.index(after: semicolon)...].trimmingWhitespace
    if rest.hasPrefix("<"), rest.hasSuffix(">"), !rest.contains(" ") {
      rest = String(rest.dropFirst().dropLast())
    }
    return (value[..<semicolon].trimmingWhitespace.lowercased(), rest)
  }
}
