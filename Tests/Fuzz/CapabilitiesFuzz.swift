// The `ehlo` fuzz target: Capabilities from EHLO reply texts (RFC 5321 4.1.1.1 `ehlo-line`),
// given straight as lines so that every byte reaches the keyword reader: the first line is the
// greeting, each further line a keyword line (split on LF; a CR stays in the text as a server
// could send it mid-line).

func fuzzCapabilities(_ input: [UInt8]) {
  let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
    .map { String(decoding: $0, as: UTF8.self) }
  let reply = Reply(code: 250, lines: lines.map { "250 \($0)" }, texts: lines)
  let ehlo = Capabilities(reply: reply)
  let keywordLines = lines.dropFirst().filter { line in line.contains { $0 != " " && $0 != "\t" } }
  fuzzCheck(
    ehlo.keywords.count == keywordLines.count,
    "\(ehlo.keywords.count) keywords from \(keywordLines.count) keyword lines")
  for (keyword, line) in zip(ehlo.keywords, keywordLines) {
    fuzzCheck(keyword.line == line, "keyword line \(keyword.line.debugDescription) reordered")
    fuzzCheck(!keyword.name.isEmpty, "a keyword without a name")
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    let oldAUTH = words.first.map { $0.uppercased().hasPrefix("AUTH=") } ?? false
    fuzzCheck(
      keyword.parameters.count == words.count - 1 || oldAUTH,
      "\(keyword.parameters.count) parameters from \(words.count) words")
    fuzzCheck(
      keyword.parameters.allSatisfy { !$0.isEmpty && !$0.contains(" ") },
      "an empty parameter or one with a space")
    if keyword.name.uppercased() == keyword.name {
      fuzzCheck(ehlo.keyword(keyword.name) != nil, "keyword \(keyword.name) not found by name")
    }
  }
  let mechanisms = ehlo.authMechanisms
  fuzzCheck(Set(mechanisms).count == mechanisms.count, "a mechanism listed twice")
  fuzzCheck(mechanisms.isEmpty || ehlo.offers(.auth), "mechanisms without AUTH")
  if let size = ehlo.maximumMessageSize { fuzzCheck(size > 0, "SIZE \(size)") }
  fuzzCheck(ehlo.diff(to: ehlo).isEmpty, "capabilities differ from themselves")
  let none = Capabilities(reply: Reply(code: 250, lines: ["250 x"]))
  fuzzCheck(
    ehlo.diff(to: none).removed.count == ehlo.keywords.count, "diff to none misses keywords")
  _ = ehlo.serverName
  for ext in Capabilities.Extension.allCases { _ = ehlo.offers(ext) }
}
