/// Parses one SPF term (RFC 7208 12 ABNF: `directive / modifier`).
enum SPFTermParser {
  /// The term `text`, which starts at `position` in its record.
  static func parse(_ text: String, position: Int) throws(SPFSyntaxError) -> SPFTerm {
    func fail(_ reason: SPFSyntaxError.Reason) -> SPFSyntaxError {
      SPFSyntaxError(position: position, term: text, reason: reason)
    }
    // A modifier is `name=`, name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ).
    let nameEnd = text.firstIndex {
      !($0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)))
    }
    if let nameEnd, text[nameEnd] == "=" {
      let name = text[..<nameEnd].lowercased()
      let value = String(text[text.index(after: nameEnd)...])
      guard let first = name.first, first.isLetter else { throw fail(.invalidModifier(text)) }
      switch name {
      case "redirect":
        return SPFTerm(
          kind: .modifier(.redirect(try domainSpec(value, text: text, position: position))),
          text: text, position: position)
      case "exp":
        return SPFTerm(
          kind: .modifier(.explanation(try domainSpec(value, text: text, position: position))),
          text: text, position: position)
      default:
        do throws(SPFMacroString.Problem) {
          _ = try SPFMacroString.parse(value, explanation: true)
        } catch {
          throw fail(.invalidMacro(error.text))
        }
        return SPFTerm(
          kind: .modifier(.unknown(name: name, value: value)), text: text, position: position)
      }
    }
    var body = Substring(text)
    var qualifier = SPFTerm.Qualifier.pass
    if let first = body.first, let written = SPFTerm.Qualifier(rawValue: String(first)) {
      qualifier = written
      body = body.dropFirst()
    }
    let nameLength = body.prefix { $0.isASCII && $0.isLetter || $0.isNumber }.count
    let name = body.prefix(nameLength).lowercased()
    let rest = body.dropFirst(nameLength)
    let mechanism: SPFTerm.Mechanism
    switch name {
    case "all":
      guard rest.isEmpty else { throw fail(.unexpectedArgument(String(rest))) }
      mechanism = .all
    case "include", "exists":
      guard rest.first == ":", rest.count > 1 else { throw fail(.missingDomain(name)) }
      let spec = try domainSpec(String(rest.dropFirst()), text: text, position: position)
      mechanism = name == "include" ? .include(spec) : .exists(spec)
    case "a", "mx":
      let (spec, v4, v6) = try targetWithCIDR(rest, text: text, position: position)
      mechanism =
        name == "a"
        ? .a(spec, ipv4Prefix: v4, ipv6Prefix: v6) : .mx(spec, ipv4Prefix: v4, ipv6Prefix: v6)
    case "ptr":
      if rest.isEmpty {
        mechanism = .ptr(nil)
      } else {
        guard rest.first == ":" else { throw fail(.unexpectedArgument(String(rest))) }
        mechanism = .ptr(try domainSpec(String(rest.dropFirst()), text: text, position: position))
      }
    case "ip4", "ip6":
      guard rest.first == ":" else { throw fail(.invalidAddress(String(rest))) }
      let value = rest.dropFirst()
      let slash = value.firstIndex(of: "/")
      let addressText = value[..<(slash ?? value.endIndex)]
      let maximum = name == "ip4" ? 32 : 128
      guard let address = IPAddress(addressText), address.isIPv6 == (name == "ip6") else {
        throw fail(.invalidAddress(String(addressText)))
      }
      var prefix = maximum
      if let slash {
        let lengthText = value[value.index(after: slash)...]
        guard let length = prefixLength(lengthText, maximum: maximum) else {
          throw fail(.invalidPrefixLength(String(value[slash...])))
        }
        prefix = length
      }
      mechanism = name == "ip4" ? .ip4(address, prefix: prefix) : .ip6(address, prefix: prefix)
    default:
      throw fail(.unknownMechanism(name.isEmpty ? text : name))
    }
    return SPFTerm(kind: .directive(qualifier, mechanism), text: text, position: position)
  }

  /// `[ ":" domain-spec ] [ dual-cidr-length ]` of `a` and `mx` (RFC 7208 5.3, 5.4).
  private static func targetWithCIDR(_ rest: Substring, text: String, position: Int)
    throws(SPFSyntaxError) -> (SPFMacroString?, Int?, Int?)
  {
    func fail(_ reason: SPFSyntaxError.Reason) -> SPFSyntaxError {
      SPFSyntaxError(position: position, term: text, reason: reason)
    }
    var spec: SPFMacroString?
    var cidr = rest
    if rest.first == ":" {
      let slash = rest.firstIndex(of: "/") ?? rest.endIndex
      spec = try domainSpec(
        String(rest[rest.index(after: rest.startIndex)..<slash]), text: text, position: position)
      cidr = rest[slash...]
    } else if !rest.isEmpty, rest.first != "/" {
      throw fail(.unexpectedArgument(String(rest)))
    }
    guard !cidr.isEmpty else { return (spec, nil, nil) }
    // dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
    var v4: Int?
    var v6: Int?
    if cidr.hasPrefix("//") {
      guard let length = prefixLength(cidr.dropFirst(2), maximum: 128) else {
        throw fail(.invalidPrefixLength(String(cidr)))
      }
      v6 = length
    } else {
      let parts = cidr.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
      guard let first = parts.first, let length = prefixLength(first, maximum: 32) else {
        throw fail(.invalidPrefixLength(String(cidr)))
      }
      v4 = length
      if parts.count == 3, parts[1].isEmpty, let length6 = prefixLength(parts[2], maximum: 128) {
        v6 = length6
      } else if parts.count != 1 {
        throw fail(.invalidPrefixLength(String(cidr)))
      }
    }
    return (spec, v4, v6)
  }

  /// `"0" / %x31-39 0*2DIGIT` up to `maximum` (RFC 7208 5.6), or nil.
  private static func prefixLength(_ text: Substring, maximum: Int) -> Int? {
    guard !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }),
      text == "0" || text.first != "0", let value = Int(text), value <= maximum
    else { return nil }
    return value
  }

  /// A `domain-spec`: a macro-string whose end is a macro or a top label (RFC 7208 7.1).
  static func domainSpec(_ value: String, text: String, position: Int) throws(SPFSyntaxError)
    -> SPFMacroString
  {
    let spec: SPFMacroString
    do throws(SPFMacroString.Problem) {
      spec = try SPFMacroString.parse(value)
    } catch {
      throw SPFSyntaxError(position: position, term: text, reason: .invalidMacro(error.text))
    }
    if case .macro? = spec.pieces.last { return spec }
    var name = Substring(value)
    if name.hasSuffix(".") { name = name.dropLast() }
    let label = name.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
    // toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
    let isTopLabel =
      !label.isEmpty
      && label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
      && !label.hasPrefix("-") && !label.hasSuffix("-")
      && (label.contains(where: \.isLetter) || label.contains("-"))
    guard isTopLabel, name.contains(".") else {
      throw SPFSyntaxError(position: position, term: text, reason: .invalidDomainSpec(value))
    }
    return spec
  }
}
