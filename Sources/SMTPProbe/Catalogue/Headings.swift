/// Localized section headings (TEMP stand-in for the catalogue helper's file).
public struct Headings: Hashable, Sendable {
  public var description: String
  public var whenYouSeeIt: String
  public var howToFix: String
  public var keyDifferences: String
  public var whenToUseWhich: String
  public var learnMore: String
  public var `class`: String
  public var title: String
  public var rfc: String
  public var summary: String
  public var explanation: String
  public var fix: String
  public var retry: String
  public var evidence: String
  public var category: String
  public var enhancedCode: String
  public var subject: String
  public var violations: String

  /// The headings in `language`.
  public init(_ language: Language) {
    switch language {
    case .en:
      description = "Description"
      whenYouSeeIt = "When You See It"
      howToFix = "How to Fix"
      keyDifferences = "Key Differences"
      whenToUseWhich = "When to Use Which"
      learnMore = "Learn More"
      `class` = "Class"
      title = "Title"
      rfc = "RFC"
      summary = "Summary"
      explanation = "Explanation"
      fix = "Fix"
      retry = "Retry"
      evidence = "Evidence"
      category = "Category"
      enhancedCode = "Enhanced Code"
      subject = "Subject"
      violations = "Violations"
    case .tr:
      description = "Açıklama"
      whenYouSeeIt = "Gördüğünüzde"
      howToFix = "Nasıl Düzeltilir"
      keyDifferences = "Temel Farklar"
      whenToUseWhich = "Hangisini Ne Zaman Kullanmalı"
      learnMore = "Daha Fazla Öğren"
      `class` = "Sınıf"
      title = "Başlık"
      rfc = "RFC"
      summary = "Özet"
      explanation = "Ayrıntı"
      fix = "Çözüm"
      retry = "Yeniden Deneme"
      evidence = "Kanıt"
      category = "Kategori"
      enhancedCode = "Gelişmiş Kod"
      subject = "Konu"
      violations = "İhlaller"
    case .ja:
      description = "説明"
      whenYouSeeIt = "このコードが表示される場合"
      howToFix = "解決方法"
      keyDifferences = "主な違い"
      whenToUseWhich = "どちらをいつ使うか"
      learnMore = "詳しく見る"
      `class` = "クラス"
      title = "タイトル"
      rfc = "RFC"
      summary = "概要"
      explanation = "詳細"
      fix = "対処"
      retry = "再試行"
      evidence = "根拠"
      category = "カテゴリ"
      enhancedCode = "拡張ステータスコード"
      subject = "サブジェクト"
      violations = "違反"
    }
  }
}
