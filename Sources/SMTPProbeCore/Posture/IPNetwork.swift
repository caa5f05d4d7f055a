/// Whether an address lies in a network given as an address and a prefix length (RFC 4632
/// 3.1 for IPv4, RFC 4291 2.3 for IPv6): the first `prefix` bits agree.
enum IPNetwork {
  /// True when `address` and `network` are of one family and share their first `prefix` bits.
  static func contains(_ network: IPAddress, prefix: Int, _ address: IPAddress) -> Bool {
    let left = network.bytes
    let right = address.bytes
    guard left.count == right.count, prefix >= 0, prefix <= left.count * 8 else { return false }
    let whole = prefix / 8
    guard left.prefix(whole) == right.prefix(whole) else { return false }
    let bits = prefix % 8
    guard bits > 0 else { return true }
    let mask = UInt8(0xFF) << (8 - bits)
    return left[whole] & mask == right[whole] & mask
  }
}
