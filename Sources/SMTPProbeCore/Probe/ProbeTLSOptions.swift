/// TLS choices of a probe besides the STARTTLS mode (which lives in `DialoguePlan.tls`).
public struct ProbeTLSOptions: Hashable, Sendable {
  /// Implicit TLS: handshake right after connect, before the greeting (`--tls-on-connect`,
  /// RFC 8314 3.3, port 465).
  public var onConnect: Bool
  /// Whether an untrusted certificate stops the session (`--tls-verify`) instead of a warning.
  public var verifyRequired: Bool
  /// The name to send as SNI and check the certificate against (`--sni`), nil for the host
  /// name dialled.
  public var serverNameIndication: String?
  /// A PEM file of trusted CAs (`--cafile`), nil for the system store.
  public var caFile: String?

  public init(
    onConnect: Bool = false, verifyRequired: Bool = false, serverNameIndication: String? = nil,
    caFile: String? = nil
  ) {
    self.onConnect = onConnect
    self.verifyRequired = verifyRequired
    self.serverNameIndication = serverNameIndication
    self.caFile = caFile
  }

}
