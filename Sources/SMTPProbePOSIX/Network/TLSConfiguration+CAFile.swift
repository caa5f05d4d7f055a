import COpenSSL
import SMTPProbeCore

extension TLSConfiguration {
  /// The largest `--cafile` read: a full system bundle is a few hundred kilobytes.
  public static let caFileLimit = 16 * 1024 * 1024

  /// Checks before connecting that `path` holds at least one PEM certificate OpenSSL can
  /// parse, so a wrong file is a usage error and not a failure after STARTTLS; returns how
  /// many certificates it holds.
  ///
  /// `SSL_CTX_load_verify_locations` reads the same PEM blocks (`-----BEGIN CERTIFICATE-----`,
  /// RFC 7468 5.1) later, per connection. The corresponding C function is `PEM_read_bio_X509`.
  public static func checkCAFile(_ path: String) throws(TLSError) -> Int {
    let bytes: [UInt8]
    do throws(FileReader.Failure) {
      bytes = try FileReader.read(path: path, limit: caFileLimit)
    } catch {
      switch error {
      case .unreadable(_, let reason): throw .caFileUnreadable(path: path, reason: reason)
      case .tooLarge(_, let limit):
        throw .caFileUnreadable(path: path, reason: "larger than \(limit) bytes")
      }
    }
    let pem = String(decoding: bytes, as: UTF8.self)
    guard pem.contains("-----BEGIN CERTIFICATE-----") else {
      throw .caFileUnreadable(
        path: path, reason: "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
    }
    let list = X509List(pem: pem)
    let count = withExtendedLifetime(list) { list.certificates.count }
    guard count > 0 else {
      throw .caFileUnreadable(path: path, reason: "its first certificate does not parse")
    }
    return count
  }
}
