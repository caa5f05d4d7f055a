/// The language of the section headings (TEMP stand-in for the catalogue helper's file).
public enum Language: String, Sendable, CaseIterable {
  case en
  case tr
  case ja
}
