/// The TLS lines of a session: protocol and cipher, then the chain and verification.
extension ProbeTextRenderer {
  /// The TLS summary: protocol and cipher, then the chain and verification, indented.
  func tlsLines(_ tls: TLSReport, prefix: String, label: String = "TLS") -> String {
    var out = "\(prefix)\(label): \(tls.protocolVersion), \(tls.cipher)\n"
    guard !tls.chain.isEmpty || !tls.verification.expectedName.isEmpty else { return out }
    for line in tls.lines(now: now).dropFirst() {
      let tone: TerminalStyle.Tone? = line.trusted.map { $0 ? .good : .warn }
      out += wrapCertificateLine(line, prefix: prefix, tone: tone)
    }
    return out
  }

  /// One line of the certificate report, continued under the text after its label
  /// (`names: `); a subject, issuer, names or key list breaks only between its parts, other
  /// lines between words, keeping a short parenthesis (`(12 days left)`) whole.
  private func wrapCertificateLine(_ line: TLSReportLine, prefix: String, tone: TerminalStyle.Tone?)
    -> String
  {
    let body = UntrustedText.shown(line.text)
    let lead = prefix + String(repeating: " ", count: line.depth * 2)
    let label = body.firstRange(of: ": ").map { String(body[..<$0.upperBound]) } ?? ""
    let hang = String(repeating: " ", count: label.count)
    let width = self.width - lead.count
    let listed = ["subject: ", "issuer: ", "names: ", "key: "].contains(label)
    let wrapped =
      listed
      ? LineWrap.wrap(
        pieces: body.split(separator: ", ", omittingEmptySubsequences: false).map(String.init),
        separator: ", ", prefix: "", indent: hang, width: width)
      : LineWrap.wrap(
        pieces: Self.phrases(body), separator: " ", prefix: "", indent: hang, width: width)
    return wrapped.split(separator: "\n").map { wrappedLine in
      let text = wrappedLine.drop { $0 == " " }
      let indent = String(repeating: " ", count: wrappedLine.count - text.count)
      return lead + indent + (tone.map { style.paint(String(text), $0) } ?? String(text)) + "\n"
    }
    .joined()
  }
}
