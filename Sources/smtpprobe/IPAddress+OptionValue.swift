import SMTPProbeCore

/// An IP address option (`--spf-ip`, `--client-ip`): IPv4 dotted quad or IPv6 text form.
extension IPAddress: OptionValue {
  init?(argument: String) { self.init(argument) }

  static var expected: String { "an IPv4 or IPv6 address" }
  static var placeholder: String { "IP" }
}
