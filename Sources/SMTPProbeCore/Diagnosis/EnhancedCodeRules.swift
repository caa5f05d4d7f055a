/// When an enhanced status code decides a reply's category, and its one-line meaning.
///
/// The category itself is the catalogue's (`EnhancedStatusEntry.category`); this type only
/// holds what a table row cannot say: codes whose detail is 0 ("other or undefined") or that
/// are not registered say which area the problem is in, not what it is, so the basic code and
/// the command decide instead (RFC 3463 section 2: "report the general error described in the
/// subject sub-code when the specific detail is unrecognized"), except for X.6.y: the message
/// content is the area, whatever the detail. X.5.1 (invalid command) covers
/// both unknown and out-of-sequence commands, so with 500 to 504 the basic code says more.
enum EnhancedCodeRules {
  /// The catalogue entry whose category decides a negative reply with basic code `code` and
  /// enhanced code `enhanced`, or nil when the basic code and the command should decide.
  static func decidingEntry(_ enhanced: EnhancedStatusCode, code: Int) -> EnhancedStatusEntry? {
    // X.6.y is about the message content (RFC 3463 section 3.7), so even its general or an
    // unregistered detail rules out an address verdict from the basic code ("550 5.6.0").
    if enhanced.subject == 6, enhanced.statusClass != 2,
      enhanced.detail == 0 || EnhancedStatusCatalogue.entry(for: enhanced) == nil,
      let generalCode = EnhancedStatusCode(
        statusClass: enhanced.statusClass, subject: 6, detail: 0),
      let general = EnhancedStatusCatalogue.entry(for: generalCode)
    {
      return general
    }
    guard enhanced.statusClass != 2, enhanced.detail != 0,
      let entry = EnhancedStatusCatalogue.entry(for: enhanced), entry.category != .ok
    else { return nil }
    if enhanced.subject == 5, enhanced.detail == 1, (500...504).contains(code) { return nil }
    return entry
  }

  /// Whether `code` names only an area, not a cause.
  ///
  /// X.Y.0 ("other or undefined"), an unregistered detail, or X.7.1 ("delivery not
  /// authorized"), which receivers use for every kind of policy refusal (RFC 3463 section 3.8).
  /// A known phrase outranks such a code.
  static func isGeneric(_ code: EnhancedStatusCode) -> Bool {
    code.detail == 0 || (code.subject == 7 && code.detail == 1)
      || EnhancedStatusCatalogue.entry(for: code) == nil
  }

  /// The meaning of `code` in one line: the catalogue's title when it has the code, else the
  /// subject's title (RFC 3463 section 3).
  static func meaning(of code: EnhancedStatusCode) -> String {
    if let entry = EnhancedStatusCatalogue.entry(for: code) { return entry.title }
    let subject =
      EnhancedStatusCatalogue.subjectMeaning(code.subject)?.title.lowercased()
      ?? "an unregistered subject \(code.subject)"
    return "\(subject) (detail \(code.detail) is not in our catalogue)"
  }
}
