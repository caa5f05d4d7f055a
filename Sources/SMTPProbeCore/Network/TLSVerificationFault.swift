/// Why a server certificate is not trusted, named the way a mail admin would say it.
///
/// Built from OpenSSL's X509 verification codes (`X509_verify_cert_error_string`, see
/// `openssl verify`) plus our own host name check (RFC 6125 section 6, as used for SMTP by
/// RFC 7672 and RFC 8314 section 4.1). Each fault explains itself and names a fix.
public enum TLSVerificationFault: Hashable, Sendable, CustomStringConvertible {
  /// The certificate's `notAfter` has passed.
  case expired
  /// The certificate's `notBefore` is in the future.
  case notYetValid
  /// The server certificate is signed by itself.
  case selfSigned
  /// The chain ends in a self-signed root that is not in the trust store.
  case selfSignedInChain
  /// No trusted CA issued the chain (OpenSSL: "unable to get local issuer certificate").
  case unknownCA
  /// None of the certificate's names matches the host name we dialled.
  case hostnameMismatch(expected: String, presented: [String])
  /// Any other verification error, with OpenSSL's code and text.
  case other(code: Int, text: String)

  /// X509_V_ERR_* codes from `<openssl/x509_vfy.h>` that have a name of their own.
  enum VerifyCode {
    static let unableToGetIssuerCert = 2
    static let certNotYetValid = 9
    static let certHasExpired = 10
    static let depthZeroSelfSigned = 18
    static let selfSignedInChain = 19
    static let unableToGetIssuerCertLocally = 20
    static let unableToVerifyLeafSignature = 21
  }

  /// The fault for an OpenSSL verification result, or nil for `X509_V_OK` (0).
  public init?(verifyCode code: Int, text: String) {
    switch code {
    case 0: return nil
    case VerifyCode.certHasExpired: self = .expired
    case VerifyCode.certNotYetValid: self = .notYetValid
    case VerifyCode.depthZeroSelfSigned: self = .selfSigned
    case VerifyCode.selfSignedInChain: self = .selfSignedInChain
    case VerifyCode.unableToGetIssuerCert, VerifyCode.unableToGetIssuerCertLocally,
      VerifyCode.unableToVerifyLeafSignature:
      self = .unknownCA
    default: self = .other(code: code, text: text)
    }
  }

  /// A stable kebab-case name for JSON and tests: `expired`, `hostname-mismatch`, ...
  public var name: String {
    switch self {
    case .expired: "expired"
    case .notYetValid: "not-yet-valid"
    case .selfSigned: "self-signed"
    case .selfSignedInChain: "self-signed-in-chain"
    case .unknownCA: "unknown-ca"
    case .hostnameMismatch: "hostname-mismatch"
    case .other: "other"
    }
  }

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
