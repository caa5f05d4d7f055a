extension CheckJudgement {
  /// The target's report with the posture findings added to its own findings, in the order
  /// SPF, the `--spf-ip` evaluation, DMARC and its report destinations, DKIM, TLS-RPT,
  /// no-mail and the blocklists; the facts travel with it for the JSON report.
  public static func addingPosture(_ posture: DomainPosture, to target: CheckTargetReport)
    -> CheckTargetReport
  {
    var target = target
    target.findings += postureFindings(posture)
    target.posture = posture
    return target
  }

  /// Every posture finding of `posture`.
  public static func postureFindings(_ posture: DomainPosture) -> [CheckFinding] {
    var findings = [unlessCut(spfFinding(posture.spf), posture.spf.lookup)]
    if let evaluation = posture.spfEvaluation { findings.append(spfIPFinding(evaluation)) }
    findings.append(unlessCut(dmarcFinding(posture.dmarc), posture.dmarc.lookup))
    findings += dmarcReportFindings(posture.dmarc)
    findings += posture.dkim.map { unlessCut(dkimFinding($0), $0.lookup) }
    findings.append(unlessCut(tlsRPTFinding(posture.tlsRPT), posture.tlsRPT.lookup))
    if let noMail = noMailFinding(posture) { findings.append(noMail) }
    findings += dnsblFindings(posture.dnsbl)
    return findings
  }
}
