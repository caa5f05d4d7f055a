/// What a TLS handshake established: protocol, cipher, the chain and its verification.
///
/// Like `openssl s_client` or testssl.sh: the protocol and cipher, the chain as the server sent
/// it (leaf first), and the verification outcome. Verification never aborts the handshake;
/// `isAcceptable` tells whether the caller's policy (`--tls-verify`) lets the session go on.
public struct TLSReport: Hashable, Sendable {
  /// The negotiated protocol, for example `TLSv1.3` (`SSL_get_version`).
  public var protocolVersion: String
  /// The negotiated cipher suite, for example `TLS_AES_256_GCM_SHA384` (`SSL_CIPHER_get_name`).
  public var cipher: String
  /// The cipher's secret key bits (`SSL_CIPHER_get_bits`); 0 when unknown.
  public var cipherBits: Int
  /// The SNI name we sent, or nil (IP literal, or not sent).
  public var serverName: String?
  /// The certificates as the server sent them, leaf first (`SSL_get_peer_cert_chain`).
  public var chain: [CertificateInfo]
  /// Whether the chain is trusted and matches the name we dialled.
  public var verification: TLSVerification
  /// Whether the caller asked for an untrusted certificate to be an error (`--tls-verify`).
  public var verificationRequired: Bool

  /// A report with only the protocol and cipher known (for fakes in tests).
  public init(protocolVersion: String, cipher: String) {
    self.init(
      protocolVersion: protocolVersion, cipher: cipher, cipherBits: 0, serverName: nil, chain: [],
      verification: TLSVerification(expectedName: "", trustStore: .system, faults: []),
      verificationRequired: false)
  }

  public init(
    protocolVersion: String, cipher: String, cipherBits: Int, serverName: String?,
    chain: [CertificateInfo], verification: TLSVerification, verificationRequired: Bool
  ) {
    self.protocolVersion = protocolVersion
    self.cipher = cipher
    self.cipherBits = cipherBits
    self.serverName = serverName
    self.chain = chain
    self.verification = verification
    self.verificationRequired = verificationRequired
  }

  /// The server's own certificate, if it sent one.
  public var leaf: CertificateInfo? { chain.first }

  /// Whether the negotiated version is one RFC 8996 deprecates (TLS 1.0 or 1.1).
  public var usesDeprecatedProtocol: Bool {
    TLSProtocolVersion(openSSLName: protocolVersion)?.isDeprecated ?? false
  }

  /// Whether the session may continue: trusted, or untrusted but only a warning by policy.
  public var isAcceptable: Bool { verification.isTrusted || !verificationRequired }
}
