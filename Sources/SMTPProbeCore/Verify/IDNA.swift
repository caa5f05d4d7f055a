/// Domain labels to A-labels (`xn--` + Punycode), the subset of IDNA2008 we can do without
/// Unicode data files (RFC 5890, 5891, 5892).
///
/// What is done, per label: ASCII letters and every other letter are lower-cased with the
/// standard library's Unicode case mapping (a UTS #46-style mapping step; IDNA2008 itself
/// leaves mapping to the application, RFC 5895); each code point is derived as RFC 5892 section
/// 3 does from the standard library's Unicode properties (Exceptions 2.6, Unstable 2.2 by
/// `Changes_When_NFKC_Casefolded`, IgnorableProperties 2.3, IgnorableBlocks 2.4, OldHangulJamo
/// 2.9, Unassigned 2.10, LetterDigits 2.1); CONTEXTJ (appendix A.1, A.2: ZWNJ/ZWJ after a
/// virama) and the CONTEXTO rules that need no script data (A.3 middle dot between two "l",
/// A.8/A.9 Arabic-Indic digits not mixed) are checked; a label may not start with a combining
/// mark (RFC 5891 4.2.3.2), start or end with "-", or hold "--" in positions 3 and 4 unless it
/// is an A-label (RFC 5891 4.2.3.1); an A-label given as input must decode to a valid U-label
/// that encodes back to it (RFC 5891 5.4); the result must fit 63 octets (RFC 1035 2.3.4).
///
/// Not done, for want of data tables: NFC normalization (RFC 5891 5.3; a decomposed input gives
/// a different A-label than its composed form), the Bidi rule (RFC 5893), and the CONTEXTO rules
/// that need the Script property (A.4 Greek keraia, A.5/A.6 Hebrew punctuation, A.7 katakana
/// middle dot), whose code points are refused.
public enum IDNA {
  /// Why a label cannot become an A-label; `offset` counts Unicode scalars from the label start.
  public struct Failure: Error, Hashable, Sendable {
    public var offset: Int
    public var rule: Rule

    /// The IDNA rule a label breaks.
    public enum Rule: Hashable, Sendable {
      case disallowed(Unicode.Scalar)
      case unassigned(Unicode.Scalar)
      case contextual(Unicode.Scalar)
      case leadingCombiningMark
      case hyphen34
      case badALabel
      case tooLong(octets: Int)
    }
  }

  /// The ASCII form of `label`: lower-cased LDH as is, anything else `xn--` + Punycode.
  ///
  /// The LDH syntax of ASCII characters is the mailbox parser's business; this checks only what
  /// IDNA adds.
  public static func aLabel(_ label: Substring) throws(Failure) -> String {
    let lowered = label.lowercased()
    if lowered.unicodeScalars.allSatisfy(\.isASCII) {
      if lowered.hasPrefix("xn--") { try checkALabel(lowered) }
      return lowered
    }
    try checkULabel(lowered)
    let encoded: String
    do { encoded = try "xn--" + Punycode.encode(lowered) } catch {
      throw Failure(offset: 0, rule: .badALabel)
    }
    if encoded.utf8.count > WireValidation.maxLabelOctets {
      throw Failure(offset: 0, rule: .tooLong(octets: encoded.utf8.count))
    }
    return encoded
  }

  /// RFC 5891 5.4: an `xn--` label must decode to a valid U-label and encode back to itself.
  private static func checkALabel(_ label: String) throws(Failure) {
    let body = String(label.dropFirst(4))
    guard let decoded = try? Punycode.decode(body), !decoded.unicodeScalars.allSatisfy(\.isASCII),
      (try? Punycode.encode(decoded)) == body
    else { throw Failure(offset: 0, rule: .badALabel) }
    do { try checkULabel(decoded) } catch { throw Failure(offset: 0, rule: .badALabel) }
  }

  /// The U-label checks of RFC 5891 4.2.3 and the code point derivation of RFC 5892.
  private static func checkULabel(_ label: String) throws(Failure) {
    let scalars = Array(label.unicodeScalars)
    if let first = scalars.first, isMark(first) {
      throw Failure(offset: 0, rule: .leadingCombiningMark)
    }
    if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" {
      throw Failure(offset: 2, rule: .hyphen34)
    }
    let arabicIndic = scalars.contains { (0x0660...0x0669).contains($0.value) }
    let extendedArabicIndic = scalars.contains { (0x06F0...0x06F9).contains($0.value) }
    for (index, scalar) in scalars.enumerated() {
      switch derive(scalar) {
      case .pvalid: continue
      case .disallowed: throw Failure(offset: index, rule: .disallowed(scalar))
      case .unassigned: throw Failure(offset: index, rule: .unassigned(scalar))
      case .contextual:
        let previous = index > 0 ? scalars[index - 1] : nil
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        let allowed: Bool
        switch scalar.value {
        case 0x200C, 0x200D:
          // A.1, A.2: after a virama (canonical combining class 9).
          allowed = previous.map { $0.properties.canonicalCombiningClass.rawValue == 9 } ?? false
        case 0x00B7:
          // A.3: between two "l".
          allowed = previous == "l" && next == "l"
        case 0x0660...0x0669, 0x06F0...0x06F9:
          // A.8, A.9: the two sets of Arabic-Indic digits are not mixed.
          allowed = !(arabicIndic && extendedArabicIndic)
        default:
          allowed = false
        }
        if !allowed { throw Failure(offset: index, rule: .contextual(scalar)) }
      }
    }
  }

  private enum Derived { case pvalid, disallowed, unassigned, contextual }

  /// RFC 5892 section 3's derivation for one code point, in its order.
  private static func derive(_ scalar: Unicode.Scalar) -> Derived {
    let value = scalar.value
    switch value {
    // Exceptions (2.6): PVALID, CONTEXTO, DISALLOWED.
    case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return .pvalid
    case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9:
      return .contextual
    case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return .disallowed
    // Join controls (2.8): CONTEXTJ.
    case 0x200C, 0x200D: return .contextual
    default: break
    }
    let properties = scalar.properties
    if properties.generalCategory == .unassigned { return .unassigned }
    // LDH (2.5).
    if scalar.isASCII {
      return WireValidation.isLetterOrDigit(scalar) || scalar == "-" ? .pvalid : .disallowed
    }
    // Unstable (2.2), IgnorableProperties (2.3), IgnorableBlocks (2.4), OldHangulJamo (2.9).
    if properties.changesWhenNFKCCaseFolded || properties.isDefaultIgnorableCodePoint
      || properties.isNoncharacterCodePoint || properties.isWhitespace
    {
      return .disallowed
    }
    switch value {
    case 0x20D0...0x20FF, 0x1D100...0x1D24F, 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF:
      return .disallowed
    default: break
    }
    // LetterDigits (2.1).
    switch properties.generalCategory {
    case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter,
      .nonspacingMark, .spacingMark:
      return .pvalid
    default:
      return .disallowed
    }
  }

  /// Whether `scalar` is a combining mark (General_Category M: Mn, Mc, Me).
  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }
}

extension IDNA.Failure: CustomStringConvertible {
  public var description: String {
    switch rule {
    case .disallowed(let scalar):
      "\(IDNA.Failure.name(scalar)) is not allowed in a domain name (RFC 5892 2)"
    case .unassigned(let scalar):
      "\(IDNA.Failure.name(scalar)) is unassigned in Unicode (RFC 5892 2.10)"
    case .contextual(let scalar):
      "\(IDNA.Failure.name(scalar)) is allowed only in a context this label lacks "
        + "(RFC 5892 appendix A)"
    case .leadingCombiningMark: "a label may not start with a combining mark (RFC 5891 4.2.3.2)"
    case .hyphen34:
      "a label other than an A-label may not hold \"--\" in positions 3 and 4 (RFC 5891 4.2.3.1)"
    case .badALabel:
      "an xn-- label must be valid Punycode of a valid U-label (RFC 5891 5.4)"
    case .tooLong(let octets):
      "the label is \(octets) octets as an A-label, over 63 (RFC 1035 2.3.4, RFC 5890 2.3.2.1)"
    }
  }

  /// `U+00E9 "é"`.
  static func name(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return "U+\(padded) \(InputError.quote(String(scalar)))"
  }
}
