import COpenSSL
import SMTPProbeCore

/// Checks a peer's chain after the handshake and names every fault, not just the first.
///
/// The handshake runs with `SSL_VERIFY_NONE` so it always completes; this then runs
/// `X509_verify_cert` with a callback that records each error and carries on, and checks the
/// host name itself (`X509_check_host`, or `X509_check_ip_asc` for IP literals), RFC 6125
/// section 6.
enum ChainVerifier {
  /// Collects `(code, depth)` pairs from the verify callback.
  private final class Collector {
    var errors: [(code: Int, depth: Int)] = []
  }

  /// Verifies `leaf` plus the untrusted `chain` against `store` at `time`, and the host name.
  static func verify(
    leaf: OpaquePointer?, chain: OpaquePointer?, store: OpaquePointer?, expectedName: String,
    trustStore: TLSVerification.TrustStore, time: UnixTime
  ) -> TLSVerification {
    guard let leaf else {
      return TLSVerification(
        expectedName: expectedName, trustStore: trustStore,
        faults: [.other(code: -1, text: "the server sent no certificate")])
    }
    var faults: [TLSVerificationFault] = []
    for error in chainErrors(leaf: leaf, chain: chain, store: store, time: time) {
      let text = String(cString: X509_verify_cert_error_string(error.code))
      if let fault = TLSVerificationFault(verifyCode: error.code, text: text),
        !faults.contains(fault)
      {
        faults.append(fault)
      }
    }
    if !matches(leaf, expectedName) {
      faults.append(
        .hostnameMismatch(
          expected: expectedName, presented: CertificateInfo(x509: leaf).presentedNames))
    }
    OpenSSLErrorQueue.clear()
    return TLSVerification(expectedName: expectedName, trustStore: trustStore, faults: faults)
  }

  private static func chainErrors(
    leaf: OpaquePointer, chain: OpaquePointer?, store: OpaquePointer?, time: UnixTime
  ) -> [(code: Int, depth: Int)] {
    guard let store, let context = X509_STORE_CTX_new() else {
      return [(code: -1, depth: 0)]
    }
    defer { X509_STORE_CTX_free(context) }
    guard X509_STORE_CTX_init(context, store, leaf, chain) == 1 else {
      return [(code: -1, depth: 0)]
    }
    // Check as a TLS server certificate (purpose sslserver), at the injected time.
    _ = X509_STORE_CTX_set_default(context, "ssl_server")
    X509_STORE_CTX_set_time(context, 0, time_t(time.seconds))
    let collector = Collector()
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    smtpprobe_X509_STORE_CTX_set_app_data(context, unmanaged.toOpaque())
    X509_STORE_CTX_set_verify_cb(context) { ok, context in
      guard ok == 0, let context else { return ok }
      if let data = smtpprobe_X509_STORE_CTX_get_app_data(context) {
        let collector = Unmanaged<Collector>.fromOpaque(data).takeUnretainedValue()
        collector.errors.append(
          (
            code: Int(X509_STORE_CTX_get_error(context)),
            depth: Int(X509_STORE_CTX_get_error_depth(context))
          ))
      }
      return 1  // keep going: we want every fault
    }
    _ = X509_verify_cert(context)
    return collector.errors
  }

  /// Whether the certificate is valid for `name`: a DNS name by `X509_check_host` (SANs first,
  /// CN only without DNS SANs; a wildcard covers one left-most label), an IP by address SANs.
  private static func matches(_ leaf: OpaquePointer, _ name: String) -> Bool {
    if IPLiteral.isIPLiteral(name) {
      return X509_check_ip_asc(leaf, IPLiteral.unbracketed(name), 0) == 1
    }
    let flags = UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)
    return name.withCString { X509_check_host(leaf, $0, strlen($0), flags, nil) } == 1
  }
}

extension ChainVerifier {
  /// Verifies a PEM chain (leaf first) against the PEM trust anchors in `trustedPEM`, without a
  /// connection: the same checks as after a handshake, for tests and offline inspection.
  static func verify(
    pemChain: String, trustedPEM: String, expectedName: String, time: UnixTime
  ) -> TLSVerification {
    let chain = X509List(pem: pemChain)
    let anchors = X509List(pem: trustedPEM)
    guard let store = X509_STORE_new() else {
      return TLSVerification(
        expectedName: expectedName, trustStore: .caFile("<memory>"),
        faults: [.other(code: -1, text: "X509_STORE_new failed")])
    }
    defer { X509_STORE_free(store) }
    for anchor in anchors.certificates { X509_STORE_add_cert(store, anchor) }
    guard let stack = OPENSSL_sk_new_null() else {
      return TLSVerification(
        expectedName: expectedName, trustStore: .caFile("<memory>"),
        faults: [.other(code: -1, text: "OPENSSL_sk_new_null failed")])
    }
    defer { OPENSSL_sk_free(stack) }
    for cert in chain.certificates { OPENSSL_sk_push(stack, UnsafeRawPointer(cert)) }
    return withExtendedLifetime((chain, anchors)) {
      verify(
        leaf: chain.certificates.first, chain: stack, store: store,
        expectedName: expectedName, trustStore: .caFile("<memory>"), time: time)
    }
  }
}
