/// Sender authentication: SPF (RFC 7208), DKIM (RFC 6376) and DMARC (RFC 7489) failures in
/// the words receivers use.
extension ReplyPatterns {
  static let authentication: [ReplyPattern] = [
    // Gmail 550 5.7.26 / 451 4.7.26: "Unauthenticated email from example.com is not accepted
    // due to domain's DMARC policy."
    ReplyPattern(
      id: "gmail-dmarc-policy", category: .dmarcFail,
      phrases: ["is not accepted due to domain's dmarc policy"],
      summary: "Gmail rejected the message: it fails the sender domain's DMARC policy",
      explanation:
        "The From: domain publishes a DMARC policy of reject (or quarantine), and this message passed neither an aligned SPF check nor an aligned DKIM signature. Gmail applies the domain owner's policy.",
      fix:
        "Sign with DKIM for the From: domain (or send from an IP in its SPF record with an aligned envelope sender), then retry.",
      retry: .afterFix, transientRetry: .later, source: Source.gmail),
    // Gmail 421 4.7.32 / 550 5.7.32 "... the From: header (RFC5322) in this message isn't
    // aligned with either the authenticated SPF or DKIM organizational domain";
    // iCloud "554 5.7.1 Your message was rejected due to example.com's DMARC policy", Zoho
    // "550 5.7.1 Email rejected per DMARC policy", Exchange Online 5.7.509 "does not pass DMARC
    // verification", Mimecast "DMARC Sender Invalid - envelope rejected".
    ReplyPattern(
      id: "dmarc-policy", category: .dmarcFail,
      phrases: [
        "dmarc policy", "does not pass dmarc", "dmarc sender invalid", "dmarc verification",
        "dmarc check failed", "failed dmarc",
        "isn't aligned with either the authenticated spf or dkim", "dmarc dns lookup",
        "dmarc validation", "due to dmarc", "dmarc fail", "dmarc reject", "rejected by dmarc",
      ],
      summary: "The message fails the sender domain's DMARC policy",
      explanation:
        "DMARC requires SPF or DKIM to pass for a domain aligned with the From: header. Neither did, and the domain's published policy tells receivers to reject such mail.",
      fix:
        "Make the From: domain align: sign with DKIM for it, or send from an IP in its SPF record with a matching envelope sender. Check with a DMARC report or a test message.",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.icloud); \(Source.zoho); \(Source.microsoftNDR); \(Source.mimecast)"),
    // Gmail 550 5.7.26 "This message fails to pass SPF checks for an SPF record with a hard
    // fail policy (-all)", 421 4.7.27 "... Gmail requires all bulk email senders to
    // authenticate their email with SPF", 451 4.7.24 / 550 5.7.24 "The SPF record of the
    // sending domain has one or more suspicious entries".
    ReplyPattern(
      id: "gmail-spf", category: .spfFail,
      phrases: [
        "fails to pass spf checks", "has an spf record with a hard fail policy",
        "senders to authenticate with spf", "senders to authenticate their email with spf",
        "spf record of the sending domain",
      ],
      summary: "Gmail refused the message: SPF did not pass for the sending domain",
      explanation:
        "The envelope sender's domain does not list the sending IP in its SPF record (or the record is broken), and Gmail requires SPF for this traffic.",
      fix:
        "Add the sending IP (or your provider's include:) to the envelope sender domain's SPF record and fix any syntax errors; check it with an SPF validator.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmail); \(Source.gmailSenders)"),
    // GMX/Web.de "550 <x>: Reject due to SPF policy", Mimecast "SPF Sender Invalid - envelope
    // rejected", Exchange 5.7.23 "The message was rejected because of Sender Policy Framework
    // violation", Postfix with pypolicyd-spf "Message rejected due to: SPF fail - not authorized";
    // postfix-policyd-spf-perl "Recipient address rejected: Please see
    // http://www.openspf.net/Why?s=mfrom;id=...", "... domain owner discourages use of this host";
    // Proofpoint "550 5.7.1 Message rejected per sender's SPF policy - OXSUS001_514".
    ReplyPattern(
      id: "spf-fail", category: .spfFail,
      phrases: [
        "reject due to spf policy", "spf sender invalid",
        "sender policy framework violation", "spf fail - not authorized", "spf check failed",
        "spf validation failed", "failed spf", "openspf.net/why",
        "domain owner discourages use of this host", "per sender's spf policy",
      ],
      summary: "SPF failed: the sending IP is not authorised by the sender domain's SPF record",
      explanation:
        "The receiver checked the envelope sender's domain (RFC 7208) and its SPF record does not allow the IP this message came from. Receivers treat that as a forged sender.",
      fix:
        "Add the sending IP or your provider's include: to the sender domain's SPF record, or send through a server the record already lists.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "\(Source.gmx); \(Source.mimecast); \(Source.microsoftNDR); pypolicyd-spf (policyd-spf.py EXPLANATIONS); postfix-policyd-spf-perl (default_authority_explanation); \(Source.proofpoint)"
    ),
    // Gmail 421 4.7.30 / 550 5.7.30: "... Gmail requires all large senders to authenticate
    // with DKIM"; Mimecast "DKIM Sender Invalid - envelope rejected".
    ReplyPattern(
      id: "dkim-fail", category: .dkimFail,
      phrases: [
        "senders to authenticate their email with dkim", "senders to authenticate with dkim",
        "dkim sender invalid", "dkim does not pass", "dkim verification failed",
        "dkim signature verification failed",
      ],
      summary: "DKIM failed: the message has no valid DKIM signature the receiver accepts",
      explanation:
        "The receiver requires a valid DKIM signature (RFC 6376) and this message has none, or its signature does not verify against the key published in DNS.",
      fix:
        "Sign outgoing mail with DKIM for the From: domain and publish the matching public key at selector._domainkey; check that nothing rewrites the message after signing.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmail); \(Source.mimecast)"),
    // Gmail 550 5.7.26 "This message does not have authentication information or fails to pass
    // authentication checks (SPF or DKIM)", 421 4.7.26 "... Gmail requires all senders to
    // authenticate with either SPF or DKIM"; Yahoo 550 5.7.9 "This mail has been blocked because
    // the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF
    // or DKIM"; iCloud [HME1] "blocked for failing both SPF and DKIM authentication checks";
    // Exchange Online 4.7.26 "must pass either SPF or DKIM validation".
    ReplyPattern(
      id: "unauthenticated-sender", category: .dmarcFail,
      phrases: [
        "senders to authenticate with either spf or dkim",
        "fails to pass authentication checks", "does not have authentication information",
        "because the sender is unauthenticated", "unauthenticated email is not accepted",
        "failing both spf and dkim", "must pass either spf or dkim",
      ],
      summary: "The message is unauthenticated: neither SPF nor DKIM passed",
      explanation:
        "Gmail, Yahoo, iCloud and Microsoft require every message to pass SPF or DKIM for its domain. This one passed neither, so it cannot pass DMARC either.",
      fix:
        "Publish an SPF record that lists the sending IP and sign with DKIM for the From: domain; then retry.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmail); \(Source.yahoo); \(Source.icloud); \(Source.microsoftNDR)"),
  ]
}
