import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// RFC 4648 section 10's test vectors, both ways, and the inputs a strict decoder refuses.
@Suite struct Base64Tests {
  struct Vector: CustomTestStringConvertible, Sendable {
    let plain: String
    let encoded: String
    var testDescription: String { "\"\(plain)\"" }
  }

  static let vectors = [
    Vector(plain: "", encoded: ""), Vector(plain: "f", encoded: "Zg=="),
    Vector(plain: "fo", encoded: "Zm8="), Vector(plain: "foo", encoded: "Zm9v"),
    Vector(plain: "foob", encoded: "Zm9vYg=="), Vector(plain: "fooba", encoded: "Zm9vYmE="),
    Vector(plain: "foobar", encoded: "Zm9vYmFy"),
  ]

  @Test(arguments: vectors)
  func encodesAndDecodes(_ vector: Vector) {
    #expect(Base64.encode(Array(vector.plain.utf8)) == vector.encoded)
    #expect(Base64.decode(vector.encoded) == Array(vector.plain.utf8))
  }

  @Test func everyByteValueRoundTrips() {
    let bytes = (0...255).map { UInt8($0) }
    for length in 0...bytes.count {
      #expect(Base64.decode(Base64.encode(bytes.prefix(length))) == Array(bytes.prefix(length)))
    }
  }

  @Test(arguments: ["Zg", "Zg=", "Z===", "Zm9v!", "Zh==", "=Zm9", "Zm 9v"])
  func refusesWhatIsNotBase64(_ text: String) {
    #expect(Base64.decode(text) == nil)
  }

  @Test func ignoresSurroundingBlanks() {
    #expect(Base64.decode("  Zm9v\t") == Array("foo".utf8))
  }
}
