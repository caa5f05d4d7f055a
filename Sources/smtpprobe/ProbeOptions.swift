import SMTPProbeCore
import SMTPProbePOSIX

/// Everything `smtpprobe probe` was asked to do, validated (DESIGN.md, "Command line").
struct ProbeOptions: Hashable, Sendable {
  var target: ProbeTarget
  /// `--port N`; nil means the default (25, or the port in `--server`).
  var port: Int? = nil
  /// `--from`; nil means the null sender `<>`.
  var from: String? = nil
  /// `--to`, repeatable, in order.
  var to: [String] = []
  var helo: String? = nil
  /// `--quit-after connect|greeting|ehlo|starttls|auth|mail|rcpt|data`.
  var quitAfter: String? = nil
  /// `--tls auto|require|off`.
  var tls: String = "auto"
  var tlsOnConnect: Bool = false
  var tlsVerify: Bool = false
  var sni: String? = nil
  var cafile: String? = nil
  var authUser: String? = nil
  var authPasswordFile: String? = nil
  var authMech: String? = nil
  var authInsecure: Bool = false
  /// `--data FILE`: a whole RFC 5322 message.
  var dataFile: String? = nil
  var sendTestMessage: Bool = false
  /// `--dns-server IP[:PORT]`, as given.
  var dnsServer: String? = nil
  /// `--timeout SECONDS`, per command.
  var timeout: Double = 30
  var greetingTimeout: Double = 60
  var connectTimeout: Double = 15
  var family: AddressFamilyPreference = .any
  var noPipelining: Bool = false
  var allMX: Bool = false
  var json: Bool = false
  var color: ColorChoice = .auto
  var lang: Language = .en

  /// The stages `--quit-after` accepts, in dialogue order.
  static let quitAfterStages = [
    "connect", "greeting", "ehlo", "starttls", "auth", "mail", "rcpt", "data",
  ]
  /// The values `--tls` accepts.
  static let tlsModes = ["auto", "require", "off"]
}
