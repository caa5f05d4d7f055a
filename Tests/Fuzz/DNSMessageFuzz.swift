// The `dns` fuzz target: DNSMessage(parsing:) on any bytes, then DNSAnswer.interpret on what
// parses, for the question asked and for a few types. Parsing is total (RFC 1035 4.1: any bytes
// parse or throw), compression loops end (4.1.4), names stay within 255 octets (2.3.4).

/// The record types asked of every parsed message.
private let askedTypes: [DNSRecordType] = [.a, .aaaa, .mx, .cname, .ptr, .txt, .tlsa]

func fuzzDNSMessage(_ input: [UInt8]) {
  // Also parse a prefix: a message cut short (a truncated UDP answer) must throw, not trap.
  let cut = input.isEmpty ? 0 : Int(input[input.count / 2]) % (input.count + 1)
  _ = try? DNSMessage(parsing: Array(input.prefix(cut)))
  let message: DNSMessage
  do {
    message = try DNSMessage(parsing: input)
  } catch {
    _ = error.description
    return
  }
  fuzzCheck(input.count >= 12, "a \(input.count)-byte message parsed")
  let sections = [message.answers, message.authority, message.additional]
  for record in sections.joined() {
    checkName(record.name)
    switch record.data {
    case .mx(_, let exchange): checkName(exchange)
    case .cname(let target), .ptr(let target): checkName(target)
    default: break
    }
  }
  for question in message.questions { checkName(question.name) }
  fuzzCheck(
    message.questions.count * 5 + sections.map(\.count).reduce(0, +) * 11 <= input.count - 12,
    "more entries than the bytes can hold")
  var names = message.questions.map(\.name)
  names += message.answers.prefix(4).map(\.name)
  for name in names.prefix(6) {
    for type in askedTypes { interpret(message, name: name, type: type) }
  }
}

/// A decoded name is at most 255 octets on the wire: its text at most 253 characters plus
/// the escapes of odd bytes, and never empty.
private func checkName(_ name: String) {
  fuzzCheck(!name.isEmpty, "an empty name")
  fuzzCheck(name.utf8.count <= 255 * 4, "a name of \(name.utf8.count) bytes")
}

/// Interprets the message as the answer to `name type`, checking what an answer promises.
private func interpret(_ message: DNSMessage, name: String, type: DNSRecordType) {
  do {
    let answer = try DNSAnswer.interpret(message, name: name, type: type, server: "fuzz")
    fuzzCheck(!answer.records.isEmpty, "an answer without records")
    fuzzCheck(answer.records.allSatisfy { $0.type == type }, "a record of another type")
    fuzzCheck(
      answer.aliases.count <= DNSAnswer.maximumAliases, "\(answer.aliases.count) aliases followed")
    fuzzCheck(
      answer.records.allSatisfy { $0.name.isSameDNSName(answer.canonicalName) },
      "a record not at the end of the chain")
  } catch {
    _ = error.description
    _ = error.isDefinitiveAnswer
  }
}
