import COpenSSL
import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

extension CertificateInfo {
  /// Reads the fields of an OpenSSL certificate; the caller keeps ownership of `cert`.
  ///
  /// `issuer` is the certificate that follows it in the chain, if any (see
  /// `CertificateAssociation.issuedByNext`).
  init(x509 cert: OpaquePointer, issuer: OpaquePointer? = nil) {
    let subjectName = X509_get_subject_name(cert)
    let issuerName = X509_get_issuer_name(cert)
    var notBefore = UnixTime(seconds: 0)
    var notAfter = UnixTime(seconds: 0)
    if let time = X509_get0_notBefore(cert) { notBefore = Self.date(time) }
    if let time = X509_get0_notAfter(cert) { notAfter = Self.date(time) }
    var keyType = "unknown"
    var keyBits = 0
    if let key = X509_get0_pubkey(cert) {
      keyBits = Int(EVP_PKEY_get_bits(key))
      if let name = EVP_PKEY_get0_type_name(key) { keyType = String(cString: name) }
    }
    let signatureNID = X509_get_signature_nid(cert)
    let signature = OBJ_nid2ln(signatureNID).map { String(cString: $0) } ?? "unknown"
    // Self-issued (subject == issuer) and self-signed (its own key verifies the signature).
    let selfIssued = X509_NAME_cmp(subjectName, issuerName) == 0
    let selfSigned = selfIssued && X509_get0_pubkey(cert).map { X509_verify(cert, $0) == 1 } == true
    OpenSSLErrorQueue.clear()
    self.init(
      commonName: Self.commonName(subjectName), subject: Self.oneLine(subjectName),
      issuerCommonName: Self.commonName(issuerName), issuer: Self.oneLine(issuerName),
      alternativeNames: Self.alternativeNames(cert), notBefore: notBefore, notAfter: notAfter,
      serialNumber: Self.serial(cert), keyType: keyType, keyBits: keyBits,
      signatureAlgorithm: signature, isSelfSigned: selfSigned,
      association: CertificateAssociation(x509: cert, issuer: issuer))
  }

  private static func oneLine(_ name: OpaquePointer?) -> String {
    guard let name else { return "" }
    var buffer = [CChar](repeating: 0, count: 1024)
    let count = smtpprobe_X509_NAME_oneline(name, &buffer, Int32(buffer.count))
    guard count > 0 else { return "" }
    return String(decoding: buffer.prefix(Int(count)).map(UInt8.init), as: UTF8.self)
  }

  private static func commonName(_ name: OpaquePointer?) -> String? {
    guard let name else { return nil }
    let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
    guard index >= 0, let entry = X509_NAME_get_entry(name, index),
      let data = X509_NAME_ENTRY_get_data(entry)
    else { return nil }
    return utf8(data)
  }

  private static func utf8(_ string: UnsafePointer<ASN1_STRING>) -> String? {
    var out: UnsafeMutablePointer<UInt8>?
    let length = ASN1_STRING_to_UTF8(&out, string)
    guard length >= 0, let out else { return nil }
    defer { smtpprobe_OPENSSL_free(out) }
    return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
  }

  private static func alternativeNames(_ cert: OpaquePointer) -> [AlternativeName] {
    guard let names = smtpprobe_X509_subject_alt_names(cert) else {
      OpenSSLErrorQueue.clear()
      return []
    }
    defer { smtpprobe_GENERAL_NAMES_free(names) }
    var result: [AlternativeName] = []
    for index in 0..<smtpprobe_sk_GENERAL_NAME_num(names) {
      var type: Int32 = 0
      guard let value = smtpprobe_GENERAL_NAME_value(names, index, &type),
        let bytes = ASN1_STRING_get0_data(value)
      else { continue }
      let octets = Array(UnsafeBufferPointer(start: bytes, count: Int(ASN1_STRING_length(value))))
      if type == GEN_DNS {
        result.append(.dns(String(decoding: octets, as: UTF8.self)))
      } else if type == GEN_IPADD, let address = ipString(octets) {
        result.append(.ip(address))
      }
    }
    return result
  }

  private static func ipString(_ octets: [UInt8]) -> String? {
    let family: Int32
    switch octets.count {
    case 4: family = AF_INET
    case 16: family = AF_INET6
    default: return nil
    }
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let ok = octets.withUnsafeBytes { raw in
      inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil
    }
    guard ok else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
  }

  private static func serial(_ cert: OpaquePointer) -> String {
    guard let integer = X509_get_serialNumber(cert),
      let number = ASN1_INTEGER_to_BN(integer, nil)
    else { return "" }
    defer { BN_free(number) }
    guard let hex = BN_bn2hex(number) else { return "" }
    defer { smtpprobe_OPENSSL_free(hex) }
    return String(cString: hex)
  }

  /// An ASN.1 UTCTime/GeneralizedTime as a `UnixTime` (`ASN1_TIME_to_tm`, then `timegm`).
  private static func date(_ time: UnsafePointer<ASN1_TIME>) -> UnixTime {
    var parts = tm()
    guard ASN1_TIME_to_tm(time, &parts) == 1 else { return UnixTime(seconds: 0) }
    return UnixTime(seconds: Int64(timegm(&parts)))
  }
}

extension CertificateInfo {
  /// The certificates in a PEM text, in order (`PEM_read_bio_X509`); stops at the first
  /// block that does not parse.
  public static func certificates(pem: String) -> [CertificateInfo] {
    let list = X509List(pem: pem)
    return withExtendedLifetime(list) {
      let certificates = list.certificates
      return certificates.indices.map { index in
        CertificateInfo(
          x509: certificates[index],
          issuer: index + 1 < certificates.count ? certificates[index + 1] : nil)
      }
    }
  }
}

/// Owns the `X509` objects read from a PEM text and frees them.
final class X509List {
  private(set) var certificates: [OpaquePointer] = []

  init(pem: String) {
    let bytes = Array(pem.utf8)
    let bio = bytes.withUnsafeBytes { BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }
    guard let bio else { return }
    defer { BIO_free(bio) }
    while let cert = PEM_read_bio_X509(bio, nil, nil, nil) {
      certificates.append(cert)
    }
    OpenSSLErrorQueue.clear()  // the end of the text reads as "no start line"
  }

  deinit {
    for cert in certificates { X509_free(cert) }
  }
}
