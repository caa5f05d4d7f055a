/// Reads replies a person pasted: bare reply lines, or a client transcript.
///
/// Line endings may be CRLF, LF or missing; a paste loses its CRLFs, so line endings are not
/// judged (no bare-LF violation). Blank lines are skipped. Transcript prefixes are stripped: `<-`, `<~`,
/// `<**` (swaks), `S:` and `<<<` mark server lines; `->`, `~>`, `**>`, `C:` and `>>>` mark
/// client lines, and `===`/`***` lines are a tool's own notes. When client lines are present,
/// each reply is matched to the command it answered (in order, as with RFC 2920 pipelining),
/// so the classifier gets its context; the first reply before any command is the greeting.
public enum PastedReplies {
  /// One reply with the step it answered, when known.
  public struct Item: Hashable, Sendable {
    public var reply: Reply
    public var after: CommandKind?

    public init(reply: Reply, after: CommandKind?) {
      self.reply = reply
      self.after = after
    }
  }

  private static let serverPrefixes = ["<**", "<~*", "<-", "<~", "S:", "<<<"]
  private static let clientPrefixes = ["**>", "->", "~>", "C:", ">>>"]
  private static let notePrefixes = ["===", "***"]

  /// Parses `text` into replies, or explains why it holds none.
  public static func parse(_ text: String) throws(ExplainError) -> [Item] {
    var items: [Item] = []
    var block: [String] = []
    var pending: [CommandKind?] = []
    var sawTranscript = false
    var sawCommand = false
    var inMessageContent = false
    var lastCommand: CommandKind?

    func flush() throws(ExplainError) {
      guard !block.isEmpty else { return }
      let joined = block.joined(separator: "\r\n")
      block = []
      let replies: [Reply]
      do {
        replies = try ReplyParser.parseAll(Array(joined.utf8))
      } catch {
        throw .unreadable(error)
      }
      for reply in replies {
        var after: CommandKind? = nil
        if sawTranscript {
          if !pending.isEmpty {
            after = pending.removeFirst()
          } else {
            after = sawCommand ? lastCommand : .greeting
          }
          if after == .data, reply.code == 354 { inMessageContent = true }
        }
        items.append(Item(reply: reply, after: after))
      }
    }

    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for rawLine in lines {
      var line = Substring(rawLine)
      if line.last == "\r" { line = line.dropLast() }
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.allSatisfy({ $0.isWhitespace }) { continue }
      if notePrefixes.contains(where: { trimmed.hasPrefix($0) }) {
        sawTranscript = true
        continue
      }
      if let prefix = clientPrefixes.first(where: { trimmed.hasPrefix($0) }) {
        try flush()
        sawTranscript = true
        let command = trimmed.dropFirst(prefix.count).drop { $0 == " " || $0 == "\t" }
        if inMessageContent {
          if command == "." {
            inMessageContent = false
            sawCommand = true
            lastCommand = .endOfData
            pending.append(.endOfData)
          }
          continue
        }
        let verb = command.prefix { $0 != " " && $0 != ":" }
        // An unknown verb, or AUTH's base64 lines, still consumes a reply, with no context.
        let kind = CommandKind(name: String(verb))
        sawCommand = true
        lastCommand = kind
        pending.append(kind)
        continue
      }
      if let prefix = serverPrefixes.first(where: { trimmed.hasPrefix($0) }) {
        sawTranscript = true
        block.append(String(trimmed.dropFirst(prefix.count).drop { $0 == " " || $0 == "\t" }))
      } else {
        block.append(String(trimmed))
      }
    }
    try flush()
    return items
  }
}
