/// A language for section headings and labels (`--lang en|tr|ja`).
///
/// Only headings are localized; the cards' texts stay in English.
public enum Language: String, CaseIterable, Sendable {
  /// English, the default.
  case en
  /// Turkish.
  case tr
  /// Japanese.
  case ja
}
