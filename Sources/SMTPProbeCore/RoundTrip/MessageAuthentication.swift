/// What the headers of an arrived message say about its authentication: every
/// `Authentication-Results` (RFC 8601) and `Received-SPF` (RFC 7208 9.1) field, topmost first.
///
/// Receivers add their fields at the top (RFC 5322 3.6.7), so the first field is the last
/// receiver's, the one that delivered to this mailbox.
public struct MessageAuthentication: Hashable, Sendable {
  public var authenticationResults: [AuthenticationResults]
  public var receivedSPF: [ReceivedSPF]

  public init(authenticationResults: [AuthenticationResults], receivedSPF: [ReceivedSPF]) {
    self.authenticationResults = authenticationResults
    self.receivedSPF = receivedSPF
  }

  /// Reads the fields from a header block (RFC 5322 2.2, folded lines unfolded).
  public init(header: [UInt8]) {
    let text = String(decoding: header, as: UTF8.self)
    // "\r\n" is one Character in Swift: split at it and at a bare LF.
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
    let fields = MIMEHeaders.read(lines[...])?.0.fields ?? []
    authenticationResults = fields.filter { $0.name == "authentication-results" }.map {
      AuthenticationResults.parse($0.value)
    }
    receivedSPF = fields.filter { $0.name == "received-spf" }.compactMap {
      ReceivedSPF.parse($0.value)
    }
  }
}
