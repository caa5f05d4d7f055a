/// The algorithm and size of a public key given as DER, as DKIM key records carry it in
/// `p=` (RFC 6376 3.6.1: an RSA SubjectPublicKeyInfo, RFC 5280 4.1.2.7; RFC 8463 3: a raw
/// 32-octet Ed25519 key).
public struct PublicKeyInfo: Hashable, Sendable {
  /// The key's algorithm.
  public enum Algorithm: String, Hashable, Sendable {
    case rsa
    case ed25519
  }

  public var algorithm: Algorithm
  /// The key size in bits: the RSA modulus length, 256 for Ed25519.
  public var bits: Int

  /// rsaEncryption, 1.2.840.113549.1.1.1 (RFC 8017 A.1), as DER content octets.
  static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
  /// id-Ed25519, 1.3.101.112 (RFC 8410 3).
  static let idEd25519: [UInt8] = [0x2B, 0x65, 0x70]

  /// Reads an RSA key: a SubjectPublicKeyInfo whose BIT STRING holds an RSAPublicKey (RFC
  /// 8017 A.1.1), or a bare RSAPublicKey, which some signers publish; nil when neither.
  public static func rsa(_ der: [UInt8]) -> PublicKeyInfo? {
    var outer = DERReader(der[...])
    guard let top = outer.next(DERReader.sequence), outer.isAtEnd else { return nil }
    var fields = DERReader(top)
    guard let first = fields.next() else { return nil }
    if first.tag == DERReader.integer {
      // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
      return fields.next(DERReader.integer).flatMap { _ in modulus(first.content) }
    }
    guard first.tag == DERReader.sequence else { return nil }
    var algorithm = DERReader(first.content)
    guard let oid = algorithm.next(DERReader.objectIdentifier) else { return nil }
    guard let bitString = fields.next(DERReader.bitString), let unused = bitString.first,
      unused == 0
    else { return nil }
    if Array(oid) == idEd25519 {
      return bitString.count == 33 ? PublicKeyInfo(algorithm: .ed25519, bits: 256) : nil
    }
    guard Array(oid) == rsaEncryption else { return nil }
    var key = DERReader(bitString.dropFirst())
    guard let sequence = key.next(DERReader.sequence) else { return nil }
    var numbers = DERReader(sequence)
    guard let modulus = numbers.next(DERReader.integer), numbers.next(DERReader.integer) != nil
    else { return nil }
    return self.modulus(modulus)
  }

  /// Reads an Ed25519 key as RFC 8463 3 publishes it: the 32 raw octets.
  public static func ed25519(_ bytes: [UInt8]) -> PublicKeyInfo? {
    bytes.count == 32 ? PublicKeyInfo(algorithm: .ed25519, bits: 256) : nil
  }

  /// The size of a positive INTEGER's value in bits (X.690 8.3: two's complement, so a leading
  /// zero octet only keeps the sign positive).
  private static func modulus(_ content: ArraySlice<UInt8>) -> PublicKeyInfo? {
    let value = content.drop { $0 == 0 }
    guard let first = value.first, content.first.map({ $0 & 0x80 == 0 }) ?? false else {
      return nil
    }
    let bits = (value.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    return PublicKeyInfo(algorithm: .rsa, bits: bits)
  }
}
