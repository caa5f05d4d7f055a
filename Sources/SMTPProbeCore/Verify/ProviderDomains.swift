/// Domains of the large mailbox providers, refused as verify's EHLO name or sender domain
/// unless `--force-identity`.
///
/// Why: a prober that says EHLO gmail.com or MAIL FROM:<x@outlook.com> from an address those
/// providers do not send from fails their SPF (RFC 7208 2.3, 2.4: both the HELO identity and
/// the MAIL FROM domain are checked against the domain's policy) and speaks in another's name;
/// receivers then blocklist the prober's IP, and the provider's abuse desk gets the
/// complaints. Each row is the provider's own consumer mail domain, named in its help pages.
/// A pattern ending in `.*` stands for the name under any top-level domain (`gmx.de`,
/// `gmx.net`); a name also matches its subdomains (`mx.gmail.com`).
public enum ProviderDomains {
  /// One provider's domain.
  public struct Row: Hashable, Sendable {
    /// The domain, or `name.*` for the name under any top-level domain.
    public let pattern: String
    /// Whose mail domain it is.
    public let provider: String
    /// Where the provider names it as its own.
    public let source: String
  }

  // One row per domain: pattern, provider and the page that lists it as theirs.
  public static let rows: [Row] = [
    Row(pattern: "gmail.com", provider: "Gmail (Google)", source: "Gmail help, 'Gmail addresses'"),
    Row(
      pattern: "googlemail.com", provider: "Gmail (Google)",
      source: "the UK and German Gmail domain"),
    Row(pattern: "google.com", provider: "Google", source: "its own corporate mail domain"),
    Row(
      pattern: "outlook.com", provider: "Outlook.com (Microsoft)", source: "Microsoft account help"),
    Row(
      pattern: "hotmail.com", provider: "Outlook.com (Microsoft)", source: "legacy Hotmail domain"),
    Row(
      pattern: "hotmail.co.uk", provider: "Outlook.com (Microsoft)", source: "legacy Hotmail domain"
    ),
    Row(
      pattern: "live.com", provider: "Outlook.com (Microsoft)", source: "legacy Windows Live domain"
    ),
    Row(pattern: "msn.com", provider: "Outlook.com (Microsoft)", source: "legacy MSN domain"),
    Row(pattern: "yahoo.com", provider: "Yahoo Mail", source: "Yahoo help, 'Yahoo Mail addresses'"),
    Row(pattern: "yahoo.co.uk", provider: "Yahoo Mail", source: "the UK Yahoo Mail domain"),
    Row(pattern: "ymail.com", provider: "Yahoo Mail", source: "alternative Yahoo Mail domain"),
    Row(pattern: "aol.com", provider: "AOL Mail (Yahoo Inc.)", source: "AOL help"),
    Row(
      pattern: "icloud.com", provider: "iCloud Mail (Apple)", source: "Apple support, 'iCloud Mail'"
    ),
    Row(pattern: "me.com", provider: "iCloud Mail (Apple)", source: "legacy MobileMe domain"),
    Row(pattern: "mac.com", provider: "iCloud Mail (Apple)", source: "legacy .Mac domain"),
    Row(
      pattern: "gmx.*", provider: "GMX (United Internet)", source: "gmx.de, gmx.net, gmx.com, ..."),
    Row(
      pattern: "web.de", provider: "WEB.DE FreeMail (United Internet)",
      source: "the provider's consumer mail domain"),
    Row(pattern: "yandex.*", provider: "Yandex Mail", source: "yandex.ru, yandex.com, ..."),
    Row(pattern: "ya.ru", provider: "Yandex Mail", source: "the short Yandex domain"),
    Row(
      pattern: "mail.ru", provider: "Mail.ru (VK)", source: "the provider's consumer mail domain"),
    Row(
      pattern: "proton.me", provider: "Proton Mail", source: "Proton support, 'proton.me addresses'"
    ),
    Row(
      pattern: "protonmail.com", provider: "Proton Mail", source: "the original Proton Mail domain"),
    Row(pattern: "pm.me", provider: "Proton Mail", source: "the short Proton Mail domain"),
    Row(pattern: "zoho.com", provider: "Zoho Mail", source: "the provider's consumer mail domain"),
    Row(
      pattern: "qq.com", provider: "QQ Mail (Tencent)",
      source: "the provider's consumer mail domain"),
    Row(
      pattern: "163.com", provider: "NetEase Mail", source: "the provider's consumer mail domain"),
    Row(
      pattern: "126.com", provider: "NetEase Mail", source: "the provider's consumer mail domain"),
    Row(
      pattern: "naver.com", provider: "Naver Mail", source: "the provider's consumer mail domain"),
    Row(
      pattern: "t-online.de", provider: "Telekom Mail (Deutsche Telekom)",
      source: "the provider's consumer mail domain"),
    Row(
      pattern: "orange.fr", provider: "Mail Orange (Orange)",
      source: "the provider's consumer mail domain"),
    Row(
      pattern: "comcast.net", provider: "Xfinity Connect (Comcast)",
      source: "the provider's consumer mail domain"),
  ]

  /// The row `domain` falls under (the domain itself or a parent of it), or nil.
  public static func row(for domain: String) -> Row? {
    var name = domain.lowercased()
    if name.hasSuffix(".") { name.removeLast() }
    let labels = name.split(separator: ".").map(String.init)
    // The name and each parent of it, down to two labels.
    for start in labels.indices where labels.count - start >= 2 {
      let candidate = labels[start...]
      let text = candidate.joined(separator: ".")
      if let row = rows.first(where: { matches($0.pattern, text, Array(candidate)) }) {
        return row
      }
    }
    return nil
  }

  private static func matches(_ pattern: String, _ text: String, _ labels: [String]) -> Bool {
    guard pattern.hasSuffix(".*") else { return pattern == text }
    // `name.*`: the name, then one top-level label or a two-label public suffix (gmx.co.uk).
    let name = String(pattern.dropLast(2))
    return labels.first == name
      && (labels.count == 2 || (labels.count == 3 && labels[1].count <= 3))
  }
}
