/// The exit status of a verify run, from its verdicts (DESIGN.md "Exit codes").
///
/// One address: 0 deliverable, 1 undeliverable, 2 risky, 3 unknown. A list: 0 when every
/// address got a verdict, unless `--fail-on` names a verdict that some address got: then 1.
/// Usage errors (64), a fatal error in a list (3) and interruption (130) are the caller's.
public enum VerifyExitStatus {
  /// The status for a single address.
  public static func single(_ verdict: VerifyVerdict) -> Int32 {
    switch verdict {
    case .deliverable: 0
    case .undeliverable: 1
    case .risky: 2
    case .unknown: 3
    }
  }

  /// The status for a list whose results have `verdicts`, with `--fail-on` naming `failOn`.
  public static func list(_ verdicts: some Sequence<VerifyVerdict>, failOn: Set<VerifyVerdict>)
    -> Int32
  {
    verdicts.contains(where: failOn.contains) ? 1 : 0
  }

  /// Why a `--fail-on` value is not a comma-separated list of verdicts.
  public struct FailOnError: Error, Hashable, Sendable, CustomStringConvertible {
    public var word: String
    public var description: String {
      "--fail-on: \(InputError.quote(word)) is not a verdict; use "
        + VerifyVerdict.allCases.map(\.rawValue).joined(separator: ", ")
    }
  }

  /// Parses `--fail-on undeliverable,risky,unknown`.
  public static func parseFailOn(_ text: String) throws(FailOnError) -> Set<VerifyVerdict> {
    var verdicts: Set<VerifyVerdict> = []
    for word in text.split(separator: ",", omittingEmptySubsequences: false) {
      let trimmed = AddressList.trimmed(word)
      guard let verdict = VerifyVerdict(rawValue: String(trimmed)) else {
        throw FailOnError(word: String(word))
      }
      verdicts.insert(verdict)
    }
    return verdicts
  }
}
