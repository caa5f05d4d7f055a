/// The `ptr` and `greeting-name` checks of an MX host: its address's reverse DNS, forward
/// confirmed, and the name its greeting announces.
///
/// RFC 1912 2.1 asks every reachable host for a PTR record whose name resolves back to the
/// address; receivers check exactly that of the hosts that send to them (RFC 8601 2.7.3
/// "iprev"), and an MX sends too (bounces, forwards). RFC 5321 4.3.1 has the greeting carry
/// the server's own name. Mismatches are common on working servers, so each is a WARNING.
extension CheckJudgement {
  /// The identity findings of `attempt`; one skipped `ptr` when no identity check ran (a
  /// loopback address without `--dns-server`, or no session).
  func identityFindings(_ attempt: HostAttempt) -> [CheckFinding] {
    guard let identity = attempt.identity else {
      return [
        .notApplicable(
          .ptr, because: "reverse DNS not checked (loopback address without --dns-server)")
      ]
    }
    return [ptrFinding(identity)] + (greetingNameFinding(identity).map { [$0] } ?? [])
  }

  /// PTR present and forward-confirmed: OK; missing, failed or not confirmed: WARNING.
  func ptrFinding(_ identity: IdentityReport) -> CheckFinding {
    let address = identity.address
    let fix =
      "Ask whoever holds the address block (the hosting provider) for a PTR record of "
      + "\(address) naming this host, and give that name an A or AAAA record back to \(address)."
    guard !identity.ptrNames.isEmpty else {
      let lookupFailed = identity.ptrError.map { !$0.isDefinitiveAnswer } ?? false
      return CheckFinding(
        check: .ptr, state: .warning,
        summary: lookupFailed
          ? "reverse DNS of \(address) could not be looked up: "
            + (identity.ptrError.map { "\($0)" } ?? "")
          : "\(address) has no reverse DNS (PTR) name",
        explanation:
          "RFC 1912 2.1 asks every reachable host for a PTR record; receivers check it on the "
          + "hosts that send to them (RFC 8601 2.7.3), and this host's bounces may be refused.",
        fix: lookupFailed ? "Check the DNS servers of the reverse zone of \(address)." : fix)
    }
    let names = identity.ptrNames.joined(separator: ", ")
    guard let confirmed = identity.forwardConfirmedName else {
      return CheckFinding(
        check: .ptr, state: .warning,
        summary: "\(address) has PTR \(names), which does not resolve back to it",
        explanation:
          "Forward-confirmed reverse DNS fails: no PTR name has an address record pointing "
          + "back to \(address) (RFC 8601 2.7.3), which receivers read as a forged name.",
        fix: "Give \(identity.ptrNames[0]) an A or AAAA record of \(address), or change the "
          + "PTR to a name that has one.")
    }
    return CheckFinding(
      check: .ptr, state: .ok, summary: "\(address) is \(confirmed) (forward-confirmed)")
  }

  /// The greeting's name against the PTR names and the MX name; nil when it named no host.
  func greetingNameFinding(_ identity: IdentityReport) -> CheckFinding? {
    guard let name = identity.greetingName, let matches = identity.greetingMatches else {
      return nil
    }
    let known = identity.ptrNames + (identity.mxHost.map { [$0] } ?? [])
    guard !matches else {
      return CheckFinding(
        check: .greetingName, state: .ok,
        summary: "the greeting names \(name), matching its DNS")
    }
    return CheckFinding(
      check: .greetingName, state: .warning,
      summary: "the greeting names \(name), not "
        + (known.isEmpty ? "any known name of the host" : known.joined(separator: " or ")),
      explanation:
        "RFC 5321 4.3.1 has the greeting carry the server's own name; a name that is neither "
        + "the reverse DNS nor the MX name points at a misconfigured or shared host.",
      fix: "Make the greeting name (Postfix: myhostname, smtpd_banner) the host's PTR name.")
  }
}
