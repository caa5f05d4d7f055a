/// The random local part of the catch-all probe: `smtpprobe-check-` and 16 hex digits.
///
/// The randomness is injected (64 bits from the caller's source), so tests are exact. The
/// result is a Dot-string of lower-case letters, digits and "-" (RFC 5321 4.1.2), 32 octets,
/// well within the 64 of RFC 5321 4.5.3.1.1, and names its sender to a postmaster who reads
/// the log; the chance that such a mailbox exists is negligible.
public enum CatchAllLocalPart {
  public static let prefix = "smtpprobe-check-"

  /// The local part for `randomBits`.
  public static func make(randomBits: UInt64) -> String {
    let hex = String(randomBits, radix: 16)
    return prefix + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The probe address at `address`'s domain (an address literal stays one).
  public static func address(for address: VerifyAddress, randomBits: UInt64) -> VerifyAddress {
    VerifyAddress(
      input: "\(make(randomBits: randomBits))@\(address.wireDomain)",
      localPart: make(randomBits: randomBits), domain: address.domain)
  }
}
