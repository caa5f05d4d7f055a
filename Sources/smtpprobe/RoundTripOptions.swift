import SMTPProbeCore

/// What `check --roundtrip` was asked to do: the mailbox, where its password comes from, how
/// long to wait and what the arrived message must say.
struct RoundTripOptions: Hashable, Sendable {
  /// How long to wait for the message unless `--arrival-timeout` says otherwise.
  static let defaultTimeout = Seconds(120)

  var mailbox: IMAPMailbox
  /// `--imap-password-file`; nil reads `SMTPPROBE_IMAP_PASSWORD`.
  var passwordFile: String?
  var timeout = Self.defaultTimeout
  var limits = RoundTripLimits()

  /// The round trip's options, nil without `--roundtrip`; the IMAP options without it are a
  /// usage error.
  static func bind(_ parsed: ParsedArguments) throws(UsageError) -> RoundTripOptions? {
    let related: [Option] = [
      .imap, .imapPasswordFile, .arrivalWarn, .arrivalCrit, .arrivalTimeout, .expectAuth,
    ]
    guard parsed.has(.roundtrip) else {
      if let option = related.first(where: parsed.has) {
        throw .invalid("\(option.declaration.name) applies to --roundtrip")
      }
      return nil
    }
    guard let url = parsed.text(.imap) else {
      throw .invalid("--roundtrip needs --imap imaps://USER@HOST[:PORT]/MAILBOX")
    }
    guard let mailbox = IMAPMailbox(url: url) else {
      throw .invalidValue(option: "--imap", value: url, expected: IMAPMailbox.expected)
    }
    var options = RoundTripOptions(mailbox: mailbox, passwordFile: parsed.text(.imapPasswordFile))
    options.timeout = try parsed.value(.arrivalTimeout, as: Seconds.self) ?? options.timeout
    do throws(CheckOptionError) {
      if let text = parsed.text(.arrivalWarn) {
        options.limits.arrival.warning = try ThresholdRange.parse(text, option: "--arrival-warn")
      }
      if let text = parsed.text(.arrivalCrit) {
        options.limits.arrival.critical = try ThresholdRange.parse(text, option: "--arrival-crit")
      }
    } catch {
      throw .invalid(error.description)
    }
    if let text = parsed.text(.expectAuth) {
      guard let list = AuthExpectation.parseList(text) else {
        throw .invalidValue(
          option: "--expect-auth", value: text, expected: AuthExpectation.expected)
      }
      options.limits.expectations = list
    }
    return options
  }
}
