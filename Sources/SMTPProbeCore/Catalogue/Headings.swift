/// Section headings and field labels in one language.
///
/// The card and comparison headings match the reference pages in `shared/seeds` word for word
/// (English, Turkish, Japanese); the other labels are our translations.
public struct Headings: Hashable, Sendable {
  /// The language these headings are in.
  public var language: Language
  /// A card's "Description" section.
  public var description: String
  /// A card's "When You See It" section.
  public var whenYouSeeIt: String
  /// A card's "How to Fix" section.
  public var howToFix: String
  /// A comparison's "Key Differences" section.
  public var keyDifferences: String
  /// A comparison's "When to Use Which" section.
  public var whenToUseWhich: String
  /// The "Learn More" section (RFC references).
  public var learnMore: String
  /// The reply class label.
  public var `class`: String
  /// The title label.
  public var title: String
  /// The RFC label.
  public var rfc: String
  /// A diagnosis's summary label.
  public var summary: String
  /// A diagnosis's explanation label.
  public var explanation: String
  /// A diagnosis's fix label.
  public var fix: String
  /// A diagnosis's retry advice label.
  public var retry: String
  /// A diagnosis's evidence label.
  public var evidence: String
  /// A diagnosis's category label.
  public var category: String
  /// The enhanced status code label.
  public var enhancedCode: String
  /// The enhanced status code's subject label.
  public var subject: String
  /// The label for a reply's protocol violations.
  public var violations: String

  /// The headings for `language`.
  public init(_ language: Language) {
    self = Self.forLanguage(language)
  }

  private init(
    language: Language, description: String, whenYouSeeIt: String, howToFix: String,
    keyDifferences: String, whenToUseWhich: String, learnMore: String, class classLabel: String,
    title: String, rfc: String, summary: String, explanation: String, fix: String, retry: String,
    evidence: String, category: String, enhancedCode: String, subject: String, violations: String
  ) {
    self.language = language
    self.description = description
    self.whenYouSeeIt = whenYouSeeIt
    self.howToFix = howToFix
    self.keyDifferences = keyDifferences
    self.whenToUseWhich = whenToUseWhich
    self.learnMore = learnMore
    self.class = classLabel
    self.title = title
    self.rfc = rfc
    self.summary = summary
    self.explanation = explanation
    self.fix = fix
    self.retry = retry
    self.evidence = evidence
    self.category = category
    self.enhancedCode = enhancedCode
    self.subject = subject
    self.violations = violations
  }

  /// The headings for `language`.
  public static func forLanguage(_ language: Language) -> Headings {
    switch language {
    case .en: english
    case .tr: turkish
    case .ja: japanese
    }
  }

  private static let english = Headings(
    language: .en, description: "Description", whenYouSeeIt: "When You See It",
    howToFix: "How to Fix", keyDifferences: "Key Differences",
    whenToUseWhich: "When to Use Which", learnMore: "Learn More", class: "Class",
    title: "Title", rfc: "RFC", summary: "Summary", explanation: "Explanation", fix: "Fix",
    retry: "Retry", evidence: "Evidence", category: "Category", enhancedCode: "Enhanced Code",
    subject: "Subject", violations: "Violations")

  private static let turkish = Headings(
    language: .tr, description: "Açıklama", whenYouSeeIt: "Gördüğünüzde",
    howToFix: "Nasıl Düzeltilir", keyDifferences: "Temel Farklar",
    whenToUseWhich: "Hangisini Ne Zaman Kullanmalı", learnMore: "Daha Fazla Öğren",
    class: "Sınıf", title: "Başlık", rfc: "RFC", summary: "Özet", explanation: "Ayrıntılar",
    fix: "Çözüm", retry: "Yeniden Deneme", evidence: "Kanıt", category: "Kategori",
    enhancedCode: "Gelişmiş Durum Kodu", subject: "Konu", violations: "İhlaller")

  private static let japanese = Headings(
    language: .ja, description: "説明", whenYouSeeIt: "このコードが表示される場合",
    howToFix: "解決方法", keyDifferences: "主な違い", whenToUseWhich: "どちらをいつ使うか",
    learnMore: "詳しく見る", class: "クラス", title: "タイトル", rfc: "RFC", summary: "概要",
    explanation: "詳細", fix: "対処法", retry: "再試行", evidence: "根拠", category: "カテゴリ",
    enhancedCode: "拡張ステータスコード", subject: "サブジェクト", violations: "プロトコル違反")
}
