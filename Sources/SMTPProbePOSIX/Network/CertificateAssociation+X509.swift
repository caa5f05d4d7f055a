import COpenSSL
import SMTPProbeCore

extension CertificateAssociation {
  /// The DER of `cert` and of its SubjectPublicKeyInfo with their SHA-256 and SHA-512 digests
  /// (RFC 6698 2.1.2, 2.1.3); nil when OpenSSL cannot encode it.
  ///
  /// `issuer` is the next certificate of the chain the server sent, if any: whether it issued
  /// this one is `X509_check_issued` (names, key identifiers) and `X509_verify` (the
  /// signature). The other C functions are `i2d_X509`, `i2d_X509_PUBKEY` and `EVP_Digest`.
  init?(x509 cert: OpaquePointer, issuer: OpaquePointer? = nil) {
    let certificate = Self.der { out in i2d_X509(cert, out) }
    let publicKey = X509_get_X509_PUBKEY(cert).flatMap { key in
      Self.der { out in i2d_X509_PUBKEY(key, out) }
    }
    let issued = issuer.map { issuer in
      X509_check_issued(issuer, cert) == X509_V_OK
        && X509_get0_pubkey(issuer).map { X509_verify(cert, $0) == 1 } == true
    }
    OpenSSLErrorQueue.clear()
    guard let certificate, let publicKey else { return nil }
    self.init(
      certificate: certificate, publicKey: publicKey,
      certificateSHA256: Self.digest(certificate, EVP_sha256()),
      certificateSHA512: Self.digest(certificate, EVP_sha512()),
      publicKeySHA256: Self.digest(publicKey, EVP_sha256()),
      publicKeySHA512: Self.digest(publicKey, EVP_sha512()), issuedByNext: issued ?? false)
  }

  /// Runs an `i2d_*` function twice: once for the length, once into a buffer.
  private static func der(
    _ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
  ) -> [UInt8]? {
    let length = encode(nil)
    guard length > 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(length))
    let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
      var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
      return encode(&cursor)
    }
    return written == length ? bytes : nil
  }

  private static func digest(_ bytes: [UInt8], _ md: OpaquePointer?) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    guard EVP_Digest(bytes, bytes.count, &out, &length, md, nil) == 1 else { return [] }
    return Array(out.prefix(Int(length)))
  }
}
