/// One `--rcpt ADDR=accept|reject` assertion: the outcome a recipient must have at RCPT TO.
///
/// RFC 5321 4.1.1.3: a 2yz reply accepts the recipient (250, or 251 "will forward"); anything
/// else refuses it for this transaction.
public struct RecipientAssertion: Hashable, Sendable {
  /// What the server is expected to answer.
  public enum Expectation: String, Hashable, Sendable, CaseIterable {
    case accept
    case reject
  }

  /// The recipient, already validated as it will go on the wire.
  public var address: Address
  public var expectation: Expectation

  public init(address: Address, expectation: Expectation) {
    self.address = address
    self.expectation = expectation
  }

  /// Parses `ADDR=accept` or `ADDR=reject`; the split is at the last `=`, since a local part
  /// may hold one (RFC 5321 4.1.2 atext).
  public static func parse(_ text: String, option: String = "--rcpt") throws(CheckOptionError)
    -> RecipientAssertion
  {
    guard let equals = text.lastIndex(of: "=") else {
      throw .invalidExpectation(option: option, value: text)
    }
    let expected = String(text[text.index(after: equals)...]).lowercased()
    guard let expectation = Expectation(rawValue: expected) else {
      throw .invalidExpectation(option: option, value: text)
    }
    do throws(InputError) {
      let address = try Address(String(text[..<equals]), field: .recipient)
      return RecipientAssertion(address: address, expectation: expectation)
    } catch {
      throw .invalidAddress(option: option, reason: error.description)
    }
  }
}
