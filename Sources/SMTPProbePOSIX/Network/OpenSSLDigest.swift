import COpenSSL
import SMTPProbeCore

/// Keyed digests computed by OpenSSL for the pure SASL code.
public enum OpenSSLDigest {
  /// HMAC-MD5 (RFC 2104) for CRAM-MD5 (RFC 2195 section 2).
  ///
  /// The corresponding C function is `HMAC` with `EVP_md5()`.
  public static let hmacMD5 = KeyedDigest(name: "HMAC-MD5") { key, message in
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    _ = HMAC(EVP_md5(), key, Int32(key.count), message, message.count, &digest, &length)
    return Array(digest.prefix(Int(length)))
  }
}
