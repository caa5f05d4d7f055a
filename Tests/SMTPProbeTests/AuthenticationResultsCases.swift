@testable import SMTPProbeCore

/// Real `Authentication-Results` and `Received-SPF` fields from providers, one row each.
///
/// Each row says where the header was seen and what a reader must get out of it; the value
/// is the field's value exactly as it was published (folding kept), after the field name.
struct AuthenticationResultsCase: Sendable, CustomStringConvertible {
  /// Which provider wrote it.
  var id: String
  /// Where the header was seen.
  var source: String
  /// `authentication-results` or `received-spf`.
  var field: String
  var value: String
  /// The authserv-id, nil when the field names none.
  var authservID: String?
  /// Each method's result in order, `method=result`.
  var results: [String]
  /// Properties that must be read, `method ptype.property=value`.
  var properties: [String] = []

  var description: String { id }
}

// swift-format-ignore
let authenticationResultsCases: [AuthenticationResultsCase] = [
  AuthenticationResultsCase(
    id: "Gmail (mx.google.com)",
    source: "peermesh/knowledge-graph-lab, docs/team/module-assignments/publishing-tools/handoffs/email-integration/VERIFY-AUTHENTICATION.md",
    field: "authentication-results",
    value: "mx.google.com;\r\n       spf=pass (google.com: domain of noreply@distributedcreatives.org designates X.X.X.X as permitted sender) smtp.mailfrom=noreply@distributedcreatives.org;\r\n       dkim=pass header.i=@distributedcreatives.org;\r\n       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=distributedcreatives.org",
    authservID: "mx.google.com", results: ["spf=pass", "dkim=pass", "dmarc=pass"],
    properties: ["spf smtp.mailfrom=noreply@distributedcreatives.org", "dmarc header.from=distributedcreatives.org"]),
  AuthenticationResultsCase(
    id: "Microsoft 365 (no authserv-id)",
    source: "amd-gfx list archive (linux-mailinglist-archives), message <20250307085321.677381-1-Yifan.Zha@amd.com>, X-MS-Exchange-Authentication-Results",
    field: "authentication-results",
    value: "spf=pass (sender IP is 165.204.84.17)\r\n smtp.mailfrom=amd.com; dkim=none (message not signed)\r\n header.d=none;dmarc=pass action=none header.from=amd.com;",
    authservID: nil, results: ["spf=pass", "dkim=none", "dmarc=pass"],
    properties: ["dmarc header.from=amd.com", "dmarc action=none"]),
  AuthenticationResultsCase(
    id: "Microsoft 365 Received-SPF",
    source: "amd-gfx list archive (linux-mailinglist-archives), message <20250307085321.677381-1-Yifan.Zha@amd.com>",
    field: "received-spf",
    value: "Pass (protection.outlook.com: domain of amd.com designates\r\n 165.204.84.17 as permitted sender) receiver=protection.outlook.com;\r\n client-ip=165.204.84.17; helo=SATLEXMB04.amd.com; pr=C",
    authservID: nil, results: ["spf=pass"],
    properties: ["spf client-ip=165.204.84.17", "spf helo=SATLEXMB04.amd.com"]),
  AuthenticationResultsCase(
    id: "Microsoft 365 (lower-case field, internal)",
    source: "public list archive, Microsoft sender, authentication-results of a message from microsoft.com (2025-01-23)",
    field: "authentication-results",
    value: "dkim=none (message not signed)\r\n header.d=none;dmarc=none action=none header.from=microsoft.com;",
    authservID: nil, results: ["dkim=none", "dmarc=none"]),
  AuthenticationResultsCase(
    id: "Yahoo (atlas, comment without a space)",
    source: "TryHackMe 'Phishing Emails' room notes, email1.eml (ADT newsletter received by Yahoo, 21 Jun 2021)",
    field: "authentication-results",
    value: "atlas206.free.mail.ne1.yahoo.com;\r\n dkim=pass header.i=@ant.anki-tech.com header.s=default;\r\n spf=pass smtp.mailfrom=ant.anki-tech.com;\r\n dmarc=pass(p=NONE) header.from=ant.anki-tech.com;",
    authservID: "atlas206.free.mail.ne1.yahoo.com", results: ["dkim=pass", "spf=pass", "dmarc=pass"],
    properties: ["dkim header.s=default", "dkim header.i=@ant.anki-tech.com"]),
  AuthenticationResultsCase(
    id: "Yahoo Received-SPF",
    source: "TryHackMe 'Phishing Emails' room notes, email1.eml (ADT newsletter received by Yahoo, 21 Jun 2021)",
    field: "received-spf",
    value: "pass (domain of ant.anki-tech.com designates 43.255.56.161 as permitted sender)",
    authservID: nil, results: ["spf=pass"]),
  AuthenticationResultsCase(
    id: "Yahoo (softfail, properties without ptype)",
    source: "public Postfix/DKIM setup notes quoting a message received by Yahoo (atlas116.free.mail.bf1.yahoo.com)",
    field: "authentication-results",
    value: "atlas116.free.mail.bf1.yahoo.com;\r\n dkim=unknown;\r\n spf=softfail smtp.mailfrom=asleepace.com arc_overridden_status=NOT_OVERRIDDEN;\r\n dmarc=unknown header.from=asleepace.com arc_overridden_status=NOT_OVERRIDDEN;",
    authservID: "atlas116.free.mail.bf1.yahoo.com", results: ["dkim=unknown", "spf=softfail", "dmarc=unknown"],
    properties: ["spf arc_overridden_status=NOT_OVERRIDDEN"]),
  AuthenticationResultsCase(
    id: "NetEase Coremail (folded inside a value and after '=')",
    source: "qianweicheng/hello-world, protocol/email/security/demo.md (Amazon SES message received by 126.com)",
    field: "authentication-results",
    value: "mx19; spf=pass smtp.mail=0101016ffeb63bb7-a63b\r\n\t8f9e-44d0-4b12-bbb1-01b2b11f319d-000000@us-west-2.amazonses.com; dkim=\r\n\tpass header.i=@amazonses.com",
    authservID: "mx19", results: ["spf=pass", "dkim=pass"],
    properties: ["dkim header.i=@amazonses.com"]),
  AuthenticationResultsCase(
    id: "kernel.org subspace (quoted value, 2048-bit comment)",
    source: "linux-mailinglist-archives/linux-kernel.vger.kernel.org.5, m (message from intel.com, 19 Apr 2024)",
    field: "authentication-results",
    value: "smtp.subspace.kernel.org;\r\n\tdkim=pass (2048-bit key) header.d=intel.com header.i=@intel.com header.b=\"aM7VhuRR\"",
    authservID: "smtp.subspace.kernel.org", results: ["dkim=pass"],
    properties: ["dkim header.b=aM7VhuRR", "dkim header.d=intel.com"]),
  AuthenticationResultsCase(
    id: "kernel.org subspace (ARC, client-ip property)",
    source: "linux-mailinglist-archives/linux-kernel.vger.kernel.org.5, m (message from intel.com, 19 Apr 2024)",
    field: "authentication-results",
    value: "smtp.subspace.kernel.org; arc=fail smtp.client-ip=198.175.65.12",
    authservID: "smtp.subspace.kernel.org", results: ["arc=fail"],
    properties: ["arc smtp.client-ip=198.175.65.12"]),
  AuthenticationResultsCase(
    id: "Amazon SES (spf with envelope pairs, dkim by Fastmail)",
    source: "public Amazon SES receipt notification (JSON) of a message forwarded by Fastmail (forward2-smtp.messagingengine.com)",
    field: "authentication-results",
    value: "amazonses.com; spf=neutral (spfCheck: 66.111.4.226 is neither permitted nor denied by domain of cantab.net) client-ip=66.111.4.226; envelope-from=joe.bloggs@example.com; helo=forward2-smtp.messagingengine.com; dkim=pass header.i=@messagingengine.com; dmarc=fail header.from=cantab.net;",
    authservID: "amazonses.com", results: ["spf=neutral", "dkim=pass", "dmarc=fail"],
    properties: ["dkim header.i=@messagingengine.com"]),
  AuthenticationResultsCase(
    id: "RFC 8601 Appendix B.2 (no result)",
    source: "RFC 8601 Appendix B.2, 'Nearly Trivial Case; Service Provided, but No Authentication Done'",
    field: "authentication-results",
    value: "example.org 1; none",
    authservID: "example.org", results: []),
]
