// The libFuzzer entry point of `Scripts/fuzz`: one binary, six targets, chosen by the
// SMTPPROBE_FUZZ_TARGET environment variable (`replies`, `dns`, `address`, `ehlo`, `bounce`, `http`), each with its
// own corpus. Compiled into the same module as the library sources (see ReplyParserFuzz.swift).

#if canImport(Glibc)
  import Glibc
#endif

/// The parsers under fuzzing, by the name `Scripts/fuzz` gives them.
enum FuzzTarget: String, CaseIterable {
  /// ReplyParser and everything read from a reply (ReplyParserFuzz.swift).
  case replies
  /// DNSMessage and DNSAnswer (DNSMessageFuzz.swift).
  case dns
  /// Address and WireValidation (AddressFuzz.swift).
  case address
  /// Capabilities from EHLO keyword lines (CapabilitiesFuzz.swift).
  case ehlo
  /// The bounce reader and explain over a pasted message (BounceTextFuzz.swift).
  case bounce
  /// HTTPResponseParser and the MTA-STS policy parser (HTTPResponseFuzz.swift).
  case http

  /// The target named by SMTPPROBE_FUZZ_TARGET; `replies` when unset.
  static let selected: FuzzTarget = {
    guard let name = getenv("SMTPPROBE_FUZZ_TARGET") else { return .replies }
    guard let target = FuzzTarget(rawValue: String(cString: name)) else {
      fatalError("SMTPPROBE_FUZZ_TARGET must be one of \(allCases.map(\.rawValue))")
    }
    return target
  }()
}

/// Stops the run with a message libFuzzer saves next to the input that broke `condition`.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError("invariant violated: \(message())") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  switch FuzzTarget.selected {
  case .replies: fuzzReplies(input)
  case .dns: fuzzDNSMessage(input)
  case .address: fuzzAddress(input)
  case .ehlo: fuzzCapabilities(input)
  case .bounce: fuzzBounce(input)
  case .http: fuzzHTTPResponse(input)
  }
  return 0
}
