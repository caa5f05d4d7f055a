/// Each certificate fault in words: what is wrong and what to do about it.
extension TLSVerificationFault: CustomStringConvertible {
  /// What is wrong, in one sentence.
  public var explanation: String {
    switch self {
    case .expired:
      "The certificate has expired; clients that check certificates will refuse the connection."
    case .notYetValid:
      "The certificate is not valid yet: its start date is in the future, or the server's or "
        + "this machine's clock is wrong."
    case .selfSigned:
      "The certificate is self-signed, so nobody but the server vouches for it."
    case .selfSignedInChain:
      "The chain ends in a self-signed root certificate that is not in the trust store."
    case .unknownCA:
      "The certificate was not issued by a CA in the trust store, or the server does not send "
        + "the intermediate certificates."
    case .hostnameMismatch(let expected, let presented):
      "The certificate is for "
        + (presented.isEmpty ? "no host name" : presented.joined(separator: ", "))
        + ", not for \(expected)."
    case .other(let code, let text):
      "Certificate verification failed: \(text) (X509 error \(code))."
    }
  }

  /// What to do about it, in one sentence.
  public var fix: String {
    switch self {
    case .expired:
      "Renew the certificate (certbot renew, or your CA) and reload the MTA."
    case .notYetValid:
      "Check the clocks (NTP) on the server and here; if they are right, install a certificate "
        + "that is valid now."
    case .selfSigned, .selfSignedInChain:
      "Install a certificate from a public CA (for example Let's Encrypt), or pass the private "
        + "CA with --cafile if this is intended."
    case .unknownCA:
      "Configure the MTA to send the full chain (leaf plus intermediates, for example "
        + "fullchain.pem), or pass the private CA with --cafile."
    case .hostnameMismatch(let expected, _):
      "Install a certificate whose subject alternative names include \(expected), or probe the "
        + "name the certificate was issued for."
    case .other:
      "Inspect the chain with openssl s_client -showcerts and fix the certificate it names."
    }
  }

  public var description: String { "\(name): \(explanation)" }
}
