import SMTPProbeCore

extension ProbeTLSOptions {
  /// The OpenSSL configuration these options ask for.
  public var configuration: TLSConfiguration {
    TLSConfiguration(
      serverNameIndication: serverNameIndication, caFile: caFile, verifyRequired: verifyRequired)
  }
}
