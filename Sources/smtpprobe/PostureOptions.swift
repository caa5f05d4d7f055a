import SMTPProbeCore

/// What `check DOMAIN` reads of the domain's DNS posture: on by default for a DOMAIN target,
/// never for `--server` (a server has no domain to read), off with `--no-posture`.
struct PostureOptions: Hashable, Sendable {
  /// `--spf-ip`.
  var spfIP: IPAddress?
  /// `--client-ip`, in order.
  var clientIPs: [IPAddress] = []
  /// `--dkim-selector`, in order.
  var dkimSelectors: [String] = []
  /// `--dnsbl`, or the default zones.
  var dnsblZones = DNSBLCode.defaultZones

  /// Binds the posture options; nil when posture is not read.
  ///
  /// Posture is read for DOMAIN targets (`domains`: a DOMAIN on the command line, or a
  /// `--targets` file that may name some) unless `--no-posture` is given; the options only
  /// posture reads are refused when it is not, so none is silently ignored.
  static func bind(_ parsed: ParsedArguments, domains: Bool) throws(UsageError)
    -> PostureOptions?
  {
    let postureOnly: [Option] = [.spfIP, .clientIP, .dkimSelector, .dnsbl]
    guard domains, !parsed.has(.noPosture) else {
      if let given = postureOnly.first(where: parsed.has) {
        let other =
          parsed.has(.noPosture)
          ? "--no-posture" : parsed.has(.server) ? "--server" : "--submission"
        throw .conflict(given.declaration.name, other)
      }
      return nil
    }
    var options = PostureOptions()
    options.spfIP = try parsed.value(.spfIP, as: IPAddress.self)
    for text in parsed.texts(.clientIP) {
      guard let address = IPAddress(text) else {
        throw .invalidValue(option: "--client-ip", value: text, expected: IPAddress.expected)
      }
      options.clientIPs.append(address)
    }
    for text in parsed.texts(.dkimSelector) {
      guard isDomainLabels(text) else {
        throw .invalidValue(
          option: "--dkim-selector", value: text,
          expected: "a selector: labels of letters, digits and hyphens (RFC 6376 3.1)")
      }
      options.dkimSelectors.append(text)
    }
    let zones = parsed.texts(.dnsbl)
    for zone in zones where !isDomainLabels(zone) || !zone.contains(".") {
      throw .invalidValue(
        option: "--dnsbl", value: zone, expected: "a DNS zone such as zen.spamhaus.org")
    }
    if !zones.isEmpty { options.dnsblZones = zones }
    return options
  }

  /// Dot-separated labels of 1-63 letters, digits, hyphens and underscores, at most 253 in all.
  private static func isDomainLabels(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    return text.utf8.count <= 253
      && labels.allSatisfy { label in
        (1...63).contains(label.utf8.count)
          && label.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
          }
      }
  }
}
