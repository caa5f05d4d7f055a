// The `address` fuzz target: Address (RFC 5321 4.1.2, 4.5.3.1) and WireValidation on any text.
// Whatever is accepted must be safe to put on the wire: no control character (a CR or LF would
// end our command, RFC 5321 2.3.8), within the length limits, ASCII unless it is declared to need
// SMTPUTF8 (RFC 6531 3.4), and read back the same from its own path.

func fuzzAddress(_ input: [UInt8]) {
  let text = String(decoding: input, as: UTF8.self)
  for field in [InputField.recipient, .sender] {
    if let address = try? Address(text, field: field) { checkAddress(address, field: field) }
  }
  if let sender = try? Address.reversePath(text) { checkAddress(sender, field: .sender) }
  if let needsUTF8 = try? WireValidation.validateDomain(text, field: .recipient) {
    checkWireSafe(text, "domain")
    fuzzCheck(text.utf8.count <= WireValidation.maxDomainOctets, "a domain over 255 octets")
    fuzzCheck(needsUTF8 || isASCII(text), "a non-ASCII domain said to need no SMTPUTF8")
  }
  if (try? WireValidation.validateEHLOName(text)) != nil {
    checkWireSafe(text, "EHLO name")
    fuzzCheck(isASCII(text), "a non-ASCII EHLO name")
  }
  if (try? WireValidation.validateParameter(text)) != nil {
    checkWireSafe(text, "parameter")
    fuzzCheck(isASCII(text) && !text.contains(" "), "a parameter with a space or non-ASCII")
  }
  if (try? WireValidation.validateArgument(text, field: .argument)) != nil {
    checkWireSafe(text, "argument")
  }
}

/// What an accepted address promises.
private func checkAddress(_ address: Address, field: InputField) {
  checkWireSafe(address.path, "address")
  fuzzCheck(address.localPart.utf8.count <= Address.maxLocalPartOctets, "local part too long")
  fuzzCheck(address.path.utf8.count <= Address.maxPathOctets, "path too long")
  fuzzCheck(!address.localPart.isEmpty && !address.domain.isEmpty, "an empty part")
  fuzzCheck(
    address.needsSMTPUTF8 == !isASCII(address.mailbox),
    "needsSMTPUTF8 \(address.needsSMTPUTF8) for \(address.mailbox.debugDescription)")
  let again = try? Address(address.path, field: field)
  fuzzCheck(again == address, "\(address.path.debugDescription) does not read back the same")
}

/// No C0 or C1 control character and no DEL.
private func checkWireSafe(_ text: String, _ what: String) {
  fuzzCheck(
    WireValidation.firstControlCharacter(in: text) == nil,
    "a control character in an accepted \(what): \(text.debugDescription)")
}

private func isASCII(_ text: String) -> Bool {
  text.unicodeScalars.allSatisfy(\.isASCII)
}
