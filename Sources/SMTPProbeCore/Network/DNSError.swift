/// Why a DNS lookup gave no records, each said as what it is (never as "no MX").
///
/// `nameDoesNotExist` and `noData` are definitive answers about the name; every other case is a
/// DNS failure that says nothing about it (`isDefinitiveAnswer` tells them apart).
public enum DNSError: Error, Hashable, Sendable, CustomStringConvertible {
  /// NXDOMAIN: the name does not exist at all (RFC 1035 4.1.1, RFC 8020).
  case nameDoesNotExist(name: String)
  /// NODATA: the name exists but has no record of this type (RFC 2308 2.2).
  case noData(name: String, type: DNSRecordType)
  /// SERVFAIL: the server could not get an answer (broken delegation, DNSSEC failure, ...).
  case serverFailure(name: String, type: DNSRecordType, server: String)
  /// REFUSED: the server will not answer us (not our resolver, or an ACL).
  case refused(name: String, type: DNSRecordType, server: String)
  /// Another RCODE (FORMERR, NOTIMP, ...).
  case unexpectedResponseCode(
    name: String, type: DNSRecordType, code: DNSResponseCode, server: String)
  /// No answer within the timeout, after every try.
  case timedOut(server: String, seconds: Int, tries: Int)
  /// The server could not be reached (ICMP port unreachable: nothing listens there).
  case unreachable(server: String, message: String)
  /// The answer's bytes are not a valid DNS message, or do not answer our question.
  case malformedAnswer(server: String, reason: String)
  /// The answer has TC set and nothing usable, even after asking over TCP (RFC 1035 4.2.1).
  case truncated(server: String)
  /// Over TCP the server closed the connection before a whole answer (RFC 1035 4.2.2).
  case tcpClosed(server: String, receivedBytes: Int)
  /// Over TCP the server accepted the connection but sent no whole answer in time.
  case tcpStalled(server: String, seconds: Int, receivedBytes: Int)
  /// The only packets received were shorter than a DNS header (12 octets, RFC 1035 4.1.1).
  case shortPacket(server: String, bytes: Int)
  /// Only answers with another ID came back (ignored, as RFC 5452 9.1 asks); none with ours.
  case wrongID(server: String, ignored: Int, seconds: Int, tries: Int)
  /// The CNAME chain comes back to a name already in it (RFC 1034 3.6.2).
  case cnameLoop(name: String, chain: [String])
  /// The CNAME chain is longer than we follow: the records at its end were not looked at.
  case cnameChainNotFollowed(name: String, target: String, type: DNSRecordType, server: String)
  /// The name cannot be asked for: not a valid DNS name.
  case invalidName(name: String, reason: String)
  /// The `--dns-server` value is not IP[:PORT] or [IPv6]:PORT.
  case invalidServer(text: String, reason: String)
  /// A system call failed (res_ninit could not read the configuration, out of memory).
  case system(call: String, errno: Int32, message: String)
  /// Not asked, or given up on: the run's `--max-time` of `seconds` was used up.
  case cutByMaxTime(seconds: Double)

  /// True for NXDOMAIN and NODATA: the DNS worked and said the record is not there.
  public var isDefinitiveAnswer: Bool {
    switch self {
    case .nameDoesNotExist, .noData: true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .nameDoesNotExist(let name):
      "the domain \(name) does not exist (NXDOMAIN)"
    case .noData(let name, let type):
      "\(name) exists but has no \(type) record (NODATA)"
    case .serverFailure(let name, let type, let server):
      "DNS server \(server) failed to answer for \(name) \(type) (SERVFAIL)"
    case .refused(let name, let type, let server):
      "DNS server \(server) refused to answer for \(name) \(type) (REFUSED)"
    case .unexpectedResponseCode(let name, let type, let code, let server):
      "DNS server \(server) answered \(code) for \(name) \(type)"
    case .timedOut(let server, let seconds, let tries):
      tries > 1
        ? "no answer from DNS server \(server) after \(tries) tries of \(seconds) s each"
        : "no answer from DNS server \(server) within \(seconds) s"
    case .unreachable(let server, let message):
      "DNS server \(server) is unreachable: \(message)"
    case .malformedAnswer(let server, let reason):
      "DNS server \(server) sent a malformed answer: \(reason)"
    case .truncated(let server):
      "DNS server \(server) sent a truncated (TC) answer with no records, over UDP and TCP"
    case .tcpClosed(let server, let received):
      "DNS server \(server) closed the TCP retry of a truncated answer "
        + (received == 0 ? "without answering" : "after \(received) bytes, before the whole answer")
    case .tcpStalled(let server, let seconds, let received):
      "DNS server \(server) accepted the TCP retry of a truncated answer but sent "
        + (received == 0 ? "nothing" : "only \(received) bytes of it") + " in \(seconds) s"
    case .shortPacket(let server, let bytes):
      "DNS server \(server) sent a \(bytes)-byte packet, shorter than a DNS header (12 bytes)"
    case .wrongID(let server, let ignored, let seconds, let tries):
      "DNS server \(server) sent \(ignored) answer\(ignored == 1 ? "" : "s") with the wrong ID"
        + " (ignored) and none with ours "
        + (tries > 1 ? "in \(tries) tries of \(seconds) s each" : "within \(seconds) s")
    case .cnameLoop(let name, let chain):
      "the CNAME chain of \(name) loops: \(chain.joined(separator: " -> "))"
    case .cnameChainNotFollowed(let name, let target, let type, let server):
      "DNS server \(server) answered \(name) \(type) with a CNAME chain too long to follow; "
        + "it was not followed past \(target)"
    case .invalidName(let name, let reason):
      "'\(name)' is not a valid domain name: \(reason)"
    case .invalidServer(let text, let reason):
      "invalid DNS server '\(text)': \(reason) (expected IP[:PORT] or [IPv6]:PORT)"
    case .system(let call, let errno, let message):
      "\(call) failed: \(message) (errno \(errno))"
    case .cutByMaxTime(let seconds):
      "not looked up: cut by --max-time (\(DecimalText.text(seconds, places: 3)) s)"
    }
  }
}
