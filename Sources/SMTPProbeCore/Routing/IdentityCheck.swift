/// Reverse DNS, forward confirmation (FCrDNS) and greeting-name checks for a connected host.
///
/// Receivers judge senders this way (RFC 8601 2.7.3 "iprev", RFC 1912 2.1); a sender's view of
/// the receiving host is the same: a PTR that resolves back, and a 220 greeting naming the host
/// (RFC 5321 4.3.1 asks the greeting to carry the server's own name).
public enum IdentityCheck {
  /// Runs the checks for `address`; DNS trouble becomes a warning, never an error.
  public static func run(
    address: String, mxHost: String?, greetingName: String?, resolver: some Resolver
  ) -> IdentityReport {
    var report = IdentityReport(
      address: address, mxHost: mxHost.map(DNSAnswer.trimmed),
      greetingName: greetingName.map(DNSAnswer.trimmed))
    do {
      report.ptrNames = try resolver.ptr(address)
    } catch {
      report.ptrError = error
      report.warnings.append(
        error.isDefinitiveAnswer
          ? "\(address) has no reverse DNS (PTR) name"
          : "could not look up the reverse DNS (PTR) of \(address): \(error)")
    }
    if !report.ptrNames.isEmpty {
      let wanted = IPAddressBytes.parse(address)
      report.forwardConfirmedName = report.ptrNames.first { name in
        guard let addresses = try? resolver.addresses(name) else { return false }
        return addresses.contains { IPAddressBytes.parse($0) == wanted }
      }
      report.isForwardConfirmed = report.forwardConfirmedName != nil
      if report.forwardConfirmedName == nil {
        report.warnings.append(
          "the reverse DNS name \(report.ptrNames.joined(separator: ", ")) of \(address)"
            + " does not resolve back to it (forward-confirmed reverse DNS fails)")
      }
    }
    if let name = report.greetingName {
      let known = report.ptrNames + (report.mxHost.map { [$0] } ?? [])
      let literal = name.hasPrefix("[") ? MXSelection.literalAddress(name) : nil
      report.greetingMatches =
        known.contains { $0.isSameDNSName(name) }
        || literal.flatMap(IPAddressBytes.parse).map { $0 == IPAddressBytes.parse(address) } == true
      if report.greetingMatches == false {
        let expected = known.isEmpty ? "no known name" : known.joined(separator: " or ")
        report.warnings.append(
          "the greeting names the host \(name), which matches neither its reverse DNS nor the"
            + " MX name (\(expected))")
      }
    }
    return report
  }

  /// The host name a 220 greeting announces: the first word of its text (RFC 5321 4.2, 4.3.1).
  public static func greetingName(of greeting: Reply) -> String? {
    greetingName(ofText: greeting.texts.first ?? "")
  }

  /// The first word of a greeting's text, if it looks like a host name or an address literal.
  public static func greetingName(ofText text: String) -> String? {
    guard let word = text.split(separator: " ").first else { return nil }
    let name = String(word)
    if name.hasPrefix("["), name.hasSuffix("]") { return name }
    let isHostName = name.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
    return isHostName ? name : nil
  }
}
