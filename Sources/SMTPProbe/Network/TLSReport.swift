/// What a TLS handshake established, in words a mail admin can act on.
///
/// SKELETON: the TLS work fills this in (issue: TLS and AUTH) and may add fields.
public struct TLSReport: Hashable, Sendable {
  /// The negotiated protocol, for example `TLSv1.3`.
  public var protocolVersion: String
  /// The negotiated cipher suite, for example `TLS_AES_256_GCM_SHA384`.
  public var cipher: String

  public init(protocolVersion: String, cipher: String) {
    self.protocolVersion = protocolVersion
    self.cipher = cipher
  }
}
