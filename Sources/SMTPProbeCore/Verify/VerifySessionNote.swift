/// Why verify changed the way it talked to a host, reported beside each result it affected.
///
/// Raw values are the strings of the JSON key `session_note`.
public enum VerifySessionNote: String, Hashable, Sendable, CaseIterable {
  /// With the null sender as MAIL FROM, the server refused a second recipient as one too many,
  /// so every address got a session of its own. Servers do this because a delivery status
  /// notification, which uses the null sender (RFC 5321 4.5.5), has one recipient.
  case oneRecipientForNullSender = "one-recipient-for-null-sender"
}
