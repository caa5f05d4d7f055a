/// IP and domain reputation: public DNS blocklists, providers' own block lists, and rate limits.
extension ReplyPatterns {
  /// A blocklist operator recognised by a word in the reply, with where to ask for delisting.
  public struct BlocklistOperator: Hashable, Sendable {
    /// A lowercase word the reply contains when this list is named ("spamhaus").
    public let token: String
    /// The list's name as people write it.
    public let name: String
    /// Where to look the address up and request removal.
    public let delisting: String
  }

  /// Blocklists named in real replies, with their lookup and removal pages.
  public static let blocklistOperators: [BlocklistOperator] = [
    BlocklistOperator(token: "spamhaus", name: "Spamhaus", delisting: "https://check.spamhaus.org"),
    BlocklistOperator(
      token: "spamcop", name: "SpamCop", delisting: "https://www.spamcop.net/bl.shtml"),
    BlocklistOperator(
      token: "barracuda", name: "Barracuda Reputation",
      delisting: "https://www.barracudacentral.org/rbl/removal-request"),
    BlocklistOperator(
      token: "sorbs", name: "SORBS",
      delisting: "a current list (SORBS closed in 2024; ask the receiver to drop dnsbl.sorbs.net)"),
    BlocklistOperator(
      token: "proofpoint", name: "Proofpoint Dynamic Reputation",
      delisting: "https://ipcheck.proofpoint.com"),
    BlocklistOperator(
      token: "s3150", name: "Microsoft's own block list", delisting: "https://sender.office.com"),
    BlocklistOperator(
      token: "banned sending ip", name: "Microsoft's own block list",
      delisting: "https://sender.office.com"),
    BlocklistOperator(
      token: "protection.outlook.com", name: "Microsoft's own block list",
      delisting: "https://sender.office.com"),
    BlocklistOperator(
      token: "cloudmark", name: "Cloudmark Sender Intelligence",
      delisting: "https://csi.cloudmark.com/en/reset/"),
    BlocklistOperator(
      token: "gsmtp", name: "Gmail's own reputation system",
      delisting: "https://postmaster.google.com (Postmaster Tools; there is no delisting form)"),
  ]

  /// The first blocklist operator named in `text`, if any.
  public static func blocklistOperator(in text: PatternText) -> BlocklistOperator? {
    blocklistOperators.first { text.contains($0.token) }
  }

  static let blocklists: [ReplyPattern] = [
    // Outlook.com: "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please
    // contact your Internet service provider since part of their network is on our block list
    // (S3150)."
    ReplyPattern(
      id: "outlook-s3150-block-list", category: .blocklistedIP,
      phrases: ["part of their network is on our block list"],
      summary: "Outlook.com blocks your sending IP (or its network) on Microsoft's own block list",
      explanation:
        "Microsoft's consumer mail (Outlook.com, Hotmail, Live) keeps a private block list of IPs and ranges with poor reputation. Your server's IP, or part of its network, is on it; public blocklists do not matter here.",
      fix:
        "Fix the cause (compromised accounts, complaints, sudden volume), then request delisting at https://sender.office.com and join SNDS to watch the IP.",
      retry: .afterFix, source: Source.outlookS3150),
    // Exchange Online 5.7.606-649: "Access denied, banned sending IP [192.0.2.1]"; 5.7.708
    // "Service unavailable. Access denied, traffic not accepted from this IP."; 5.7.511
    // "Access denied, banned sender"; 5.7.513 "... blocked by example.com using Customer Block list".
    ReplyPattern(
      id: "microsoft-banned-sending-ip", category: .blocklistedIP,
      phrases: [
        "banned sending ip", "access denied, banned sender", "using customer block list",
        "traffic not accepted from this ip",
      ],
      summary:
        "Microsoft 365 refuses your sending IP: it is on a Microsoft or recipient block list",
      explanation:
        "Exchange Online has banned the IP you send from, either on Microsoft's own list (5.7.606-649, 5.7.511) or on the recipient organisation's custom block list (5.7.513).",
      fix:
        "Fix the cause, then use the delist portal at https://sender.office.com; for a customer block list, ask the recipient's admin to remove your IP.",
      retry: .afterFix, source: Source.microsoftNDR),
    // Gmail 421 4.7.28 / 550 5.7.1 / 550 5.7.28: "Our system has detected an unusual rate of
    // unsolicited mail originating from your IP address."
    ReplyPattern(
      id: "gmail-unsolicited-rate", category: .blocklistedIP,
      phrases: ["unusual rate of unsolicited mail", "an unusual rate of mail"],
      summary: "Gmail blocks your IP: it sees an unusual rate of unsolicited mail from it",
      explanation:
        "Gmail's own reputation system has flagged the sending IP (or its DKIM/SPF domain) for sending mail its users treat as spam. A 421 means rate-limited for now; a 550 means blocked.",
      fix:
        "Stop unsolicited sending, authenticate with SPF, DKIM and DMARC, keep the spam rate low in Google Postmaster Tools, and follow https://support.google.com/mail/answer/81126.",
      retry: .afterFix, transientRetry: .later, source: "\(Source.gmail); \(Source.gmailSenders)"),
    // Gmail 421 4.7.0 / 550 5.7.1: "... suspicious due to the very low reputation of the
    // sending IP address/domain."
    ReplyPattern(
      id: "gmail-ip-reputation", category: .blocklistedIP,
      phrases: [
        "very low reputation of the sending ip", "very low reputation of the sending domain",
        "low reputation of the sending",
      ],
      summary: "Gmail refuses the message: the sending IP or domain has a very low reputation",
      explanation:
        "Gmail judged this message suspicious because of the reputation of the IP address or domain it comes from, not its content.",
      fix:
        "Check the IP and domain reputation in Google Postmaster Tools, stop sending to unengaged lists, and raise volume slowly after fixing the cause.",
      retry: .afterFix, transientRetry: .later, source: Source.gmail),
    // Yahoo "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip
    // is in Spamhaus's list"; "553 5.7.1 [BL23] Connections not accepted from IP addresses on
    // Spamhaus XBL".
    ReplyPattern(
      id: "yahoo-spamhaus", category: .blocklistedIP,
      phrases: [
        "because the ip is in spamhaus's list", "not accepted from ip addresses on spamhaus",
      ],
      summary: "Yahoo refuses the connection: your IP is on a Spamhaus blocklist",
      explanation:
        "Yahoo (and AOL) reject connections from IPs listed by Spamhaus (SBL, XBL or PBL). The listing, not the message, is the reason.",
      fix:
        "Look the IP up at https://check.spamhaus.org, fix what caused the listing (infected host, open proxy, dynamic range), then request delisting.",
      retry: .afterFix, source: Source.yahoo),
    // Yahoo "553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred;
    // Retrying will NOT succeed."
    ReplyPattern(
      id: "yahoo-permanently-deferred", category: .blocklistedIP,
      phrases: ["will be permanently deferred", "permanently deferred"],
      summary:
        "Yahoo blocks all mail from your IP ([TSS09]/[TSS11]/[TS03]): retrying will not help",
      explanation:
        "Yahoo has decided, from complaints and reputation, to refuse every message from this IP. It says plainly that retries will not succeed.",
      fix:
        "Fix the cause (complaints, unauthenticated or unwanted mail), then contact Yahoo through https://senders.yahooinc.com before sending again.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "\(Source.yahoo); https://help.yahoo.com/kb/SLN3436.html ([TS03], a 421 not to be retried)"
    ),
    // Comcast/Postfix/Yandex: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked
    // using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1" (Postfix
    // reject_rbl_client); Barracuda "554 Service unavailable; Client host [x] blocked using
    // Barracuda Reputation".
    ReplyPattern(
      id: "dnsbl-blocked-using", category: .blocklistedIP,
      phrases: ["blocked using"],
      summary: "Your server's IP is on a DNS blocklist the receiver uses",
      explanation:
        "The receiving server looked up the connecting IP in a DNS blocklist (named after 'blocked using') and found it listed, so it refuses mail from that IP.",
      fix: "Look the IP up on the named list, fix what caused the listing, then request delisting.",
      retry: .afterFix, source: "\(Source.postfixCheck); \(Source.barracuda); \(Source.yandex)"),
    // Exim default ACL: "550 rejected because 192.0.2.1 is in a black list at zen.spamhaus.org"
    ReplyPattern(
      id: "exim-black-list", category: .blocklistedIP,
      phrases: ["is in a black list at", "is in a blacklist at"],
      summary: "Your server's IP is on a DNS blocklist the receiver uses",
      explanation:
        "The receiving Exim found the connecting IP on the DNS blocklist named in the reply and refuses mail from it.",
      fix: "Look the IP up on the named list, fix what caused the listing, then request delisting.",
      retry: .afterFix, source: Source.exim),
    // GMX: "554-IP address is block listed. 554 For explanation visit
    // https://postmaster.gmx.net/en/case?c=r0201..."; Proofpoint via iCloud: "550 5.7.0 Blocked -
    // see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=..."; Mimecast "Local CT IP
    // Reputation - (reject)", "IP Temporarily Blacklisted", "Sender address blocked"; Yandex
    // "Blocked by spam statistics".
    ReplyPattern(
      id: "provider-ip-block", category: .blocklistedIP,
      phrases: [
        "ip address is block listed", "support.proofpoint.com/dnsbl-lookup",
        "local ct ip reputation", "ip temporarily blacklisted", "blocked by spam statistics",
        "rejected due to listing in spamhaus", "domain present in the spamhaus",
      ],
      summary: "The receiver blocks your IP (or a domain in the message) on its reputation list",
      explanation:
        "The receiving provider or its filter (GMX, Proofpoint, Mimecast, Yandex, iCloud) keeps a reputation block list, and the sending IP or a domain in the message is on it.",
      fix:
        "Use the lookup link in the reply to see the reason, fix it, then request removal there.",
      retry: .afterFix,
      source: "\(Source.gmx); \(Source.proofpoint); \(Source.mimecast); \(Source.icloud)"),
    // Comcast: the reply carries a block code, e.g. BL000001 (listed on Spamhaus Zen), BL000010
    // (Cloudmark CSI), ES000010 (dynamic/residential IP space); Cox: CXBL, CDRBL, IPBL0001
    // (Spamhaus Zen), IPBL1000 (Cloudmark CSI).
    ReplyPattern(
      id: "isp-block-codes", category: .blocklistedIP,
      phrases: [
        "bl000000", "bl000001", "bl000010", "bl000011", "bl000100", "bl000101",
        "bl000110", "bl000111", "es000001", "es000010", "cxbl", "cdrbl", "ipbl0", "ipbl1",
      ],
      summary: "The receiving ISP (Comcast or Cox) blocks your IP: see the block code",
      explanation:
        "Comcast and Cox put a block code in the reply naming the reason: a public blocklist listing (Spamhaus, Cloudmark), their own spam-pattern block, or an IP in dynamic or residential space.",
      fix:
        "Look the code up on the ISP's postmaster page (https://postmaster.comcast.net, https://postmaster.cox.net), fix the listing or reverse DNS it names, then ask for removal.",
      retry: .afterFix,
      source:
        "http://postmaster.comcast.net/mail-error-codes.html; http://postmaster.cox.net/confluence/display/postmaster/Error+Codes"
    ),
    // T-Online (Deutsche Telekom) refuses IPs it does not know or trust at connect time: "554
    // IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact
    // tosa@rx.t-online.de to clarify.) (BL)", "... None/bad reputation ... (NOWL)", "554:
    // Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de ...
    // (DIAL)".
    ReplyPattern(
      id: "t-online-ip-block", category: .blocklistedIP,
      phrases: [
        "rx.t-online.de", "none/bad reputation", "dialup/transient ip not allowed",
      ],
      summary: "T-Online refuses your IP: unknown, bad or dial-up reputation",
      explanation:
        "Telekom's mail servers only take mail from IPs with a known good reputation. New or long-idle IPs, dynamic address space and IPs that sent spam are refused at connect time; the code in brackets ((BL), (NOWL), (DIAL)) says which.",
      fix:
        "Give the server a host name with reverse DNS and a web page with your contact details (an imprint), then write to the address in the reply with the IP and host name to have it unblocked.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "https://postmaster.t-online.de/index.en.html; https://www.spamresource.com/2020/06/whoops-t-onlinede-not-accepting-mail.html"
    ),
    // Mail.ru "550 we do not accept mail from dynamic ips": the IP is in address space the
    // receiver lists as dynamic or residential (its own data or a policy list like Spamhaus
    // PBL). That is a block on the IP's class, not on its spam record; the PTR-name variant is
    // `generic-ptr-record`.
    ReplyPattern(
      id: "dynamic-ip-refused", category: .blocklistedIP,
      phrases: ["mail from dynamic ip", "from dynamic ips", "dynamic ip addresses are not"],
      summary: "Refused: the receiver treats your IP as dynamic (end-user) address space",
      explanation:
        "The receiver does not take direct mail from IP ranges it lists as dynamic or residential, whatever the message. The listing is about the kind of address, so cleaning up spam will not lift it.",
      fix:
        "Send through your provider's or a hosted relay (smart host), or from a static IP whose owner has it removed from dynamic-range lists and gives it a mail-server PTR name.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "sisimai lib/Sisimai/Reason/NotAccept.pm and bouncehammer (Mail.ru replies)"),
    // Any reply naming a well-known public list.
    ReplyPattern(
      id: "named-blocklist", category: .blocklistedIP,
      phrases: [
        "spamhaus", "spamcop", "barracuda reputation", "sorbs", "dnsbl", "blacklisted",
        "blocklisted", "block listed", "on our block list", "blacklist", "blocklist",
      ],
      summary: "Your server's IP appears to be on a blocklist the receiver uses",
      explanation:
        "The reply names a blocklist. Receivers refuse mail from IPs on such lists regardless of content.",
      fix: "Look the IP up on the list the reply names, fix the cause, then request delisting.",
      retry: .afterFix, source: "\(Source.postfixCheck); \(Source.exim); \(Source.icloud)"),
  ]

  static let rateLimits: [ReplyPattern] = [
    // Exchange Online "451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited
    // due to IP reputation."
    ReplyPattern(
      id: "microsoft-reputation-rate-limit", category: .rateLimited,
      phrases: ["temporarily rate limited due to ip reputation"],
      summary: "Microsoft rate-limits your IP because of its reputation",
      explanation:
        "Outlook.com throttles IPs it does not trust yet (new or low-volume) or whose reputation dropped. Messages are deferred, not rejected.",
      fix:
        "Let the queue retry slowly; warm the IP up gradually and register it in SNDS (https://sendersupport.olc.protection.outlook.com/snds/).",
      retry: .afterFix, source: Source.microsoftNDR),
    // Yahoo "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected
    // volume or user complaints - 4.16.55.1"
    ReplyPattern(
      id: "yahoo-tss04-deferred", category: .rateLimited,
      phrases: [
        "temporarily deferred due to unexpected volume or user complaints",
        "temporarily deferred due to user complaints",
      ],
      summary: "Yahoo defers mail from your IP ([TSS04]): unexpected volume or user complaints",
      explanation:
        "Yahoo (and AOL) slow down an IP whose volume jumped or whose mail draws spam complaints. It is temporary, but keeps happening while the cause remains.",
      fix:
        "Let the queue retry with back-off; reduce volume, remove unengaged recipients, authenticate with SPF, DKIM and DMARC.",
      retry: .afterFix, source: "\(Source.yahoo); https://smtp.codes/yahoo"),
    // Gmail "450 4.2.1 The user you are trying to contact is receiving mail too quickly" and
    // "... at a rate that prevents additional messages from being delivered"; Yahoo "450 User
    // is receiving mail too quickly".
    ReplyPattern(
      id: "recipient-receiving-too-fast", category: .rateLimited,
      phrases: [
        "is receiving mail too quickly",
        "rate that prevents additional messages from being delivered",
      ],
      summary: "The recipient is receiving mail too fast: retry this message later",
      explanation:
        "The recipient's mailbox has hit its incoming rate limit. Nothing is wrong with your message or server; the mailbox is simply getting too much mail right now.",
      fix:
        "Retry later with back-off; if you send many messages to this recipient, spread them out.",
      retry: .afterFix, source: "\(Source.gmail); \(Source.yahoo)"),
    // iCloud "421 4.7.1 Messages to x@icloud.com deferred due to excessive volume. Try again later"
    ReplyPattern(
      id: "icloud-excessive-volume", category: .rateLimited,
      phrases: ["deferred due to excessive volume"],
      summary: "iCloud defers mail to this recipient: excessive volume",
      explanation:
        "iCloud is limiting how fast it takes mail for this address (or from your IP). The deferral clears by itself.",
      fix: "Let the queue retry later; lower concurrency and volume to iCloud.",
      retry: .afterFix, source: Source.icloud),
    // Postfix anvil limits: "421 4.7.0 mx.example.com Error: too many connections from
    // 192.0.2.1"; Yahoo "421 Max message per connection reached, closing transmission channel";
    // Exchange Online "421 4.3.2 The maximum number of concurrent connections per resource
    // forest has exceeded a limit"; Comcast "421 - [Too many sessions opened]".
    ReplyPattern(
      id: "connection-limits", category: .rateLimited,
      phrases: [
        "too many connections from", "max message per connection reached",
        "too many concurrent", "too many messages from", "too many sessions",
        "maximum number of concurrent connections",
      ],
      summary: "Your client exceeded the server's connection or per-connection limits",
      explanation:
        "The server limits how many connections, or messages per connection, one client may use. You went over it, so it refused or closed this session.",
      fix:
        "Open fewer parallel connections to this server and send fewer messages per session; retry later.",
      retry: .afterFix,
      source:
        "\(Source.postfixSmtpd) (anvil limits); \(Source.yahoo); https://smtp.codes/exchangeonline; http://security.comcast.net/get-help/Mail-Delivery-Error-Messages.aspx"
    ),
    // QQ Mail: "550 Ip frequency limited", "550 Sender frequency limited", "550 Domain
    // frequency limited", "550 Connection frequency limited": per-minute, per-hour or per-day
    // volume limits that block the IP, sender or domain for a while, though the code is 5yz.
    // Yahoo "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)" and "451
    // VS1-MF ... (#4.4.5)": the IP is deprioritised for sending to many addresses that do not
    // exist. Before the mailbox patterns, which would read "unknown recipients" as one
    // unknown recipient.
    ReplyPattern(
      id: "yahoo-excessive-unknown-recipients", category: .rateLimited,
      phrases: ["excessive unknown recipients"],
      summary: "Yahoo slows your IP down: too many messages to addresses that do not exist",
      explanation:
        "Sending to many unknown Yahoo addresses looks like list harvesting or an open relay, so Yahoo defers mail from the IP for a while. The recipient in this transaction may well exist.",
      fix:
        "Remove addresses that bounced as unknown, check the server is not an open relay, and let the queue retry later at a lower rate.",
      retry: .afterFix,
      source: "http://help.yahoo.com/l/in/yahoo/mail/original/abuse/abuse-57.html"),
    ReplyPattern(
      id: "qq-frequency-limited", category: .rateLimited,
      phrases: ["frequency limited"],
      summary: "QQ Mail blocks you for a while: your IP, sender or domain sent too much",
      explanation:
        "Tencent limits how much mail one IP, sender address or domain may send per minute, hour and day. Past a limit it refuses mail for minutes, hours or the rest of the day, with a 550 even though the block is temporary.",
      fix: "Pause sending to QQ Mail and resume later at a lower rate.",
      retry: .later, transientRetry: .later,
      source:
        "https://smtp.codes/qq; https://www.computersolutions.cn/blog/qq-mail-550-ip-frequency-limited-errors-and-how-to-solve-them/"
    ),
    // Orange (orange.fr, wanadoo.fr): "421 mwinf... ME Trop de connexions, veuillez verifier
    // votre configuration. Too many connections, slow down. OFR004_104", "421 ... ME Service
    // refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_105".
    ReplyPattern(
      id: "orange-throttling", category: .rateLimited,
      phrases: ["too many connections, slow down", "service refused, please try later"],
      summary: "Orange throttles your IP: too many connections or too much mail for now",
      explanation:
        "Orange allows only a few simultaneous connections per IP and ties its limits to the IP's reputation; past them it refuses service for a while (OFR codes).",
      fix:
        "Use at most a few parallel connections to Orange, spread the volume out, and let the queue retry with back-off.",
      retry: .afterFix,
      source:
        "https://bentonow.com/smtp-errors/orange; https://www.suped.com/knowledge/email-deliverability/technical/what-causes-email-delays-and-ofr_999-errors-when-sending-to-orangefr"
    ),
    ReplyPattern(
      id: "rate-limited", category: .rateLimited,
      phrases: [
        "rate limit", "rate-limit", "ratelimit", "rate limited", "throttled", "throttling",
        "sending quota exceeded", "sending limit exceeded", "relay limit exceeded",
      ],
      summary: "The server is rate-limiting you: slow down and retry later",
      explanation:
        "The receiver limits how much mail it takes from one sender, IP or account in a period of time, and you have gone over that limit.",
      fix:
        "Retry later with back-off and send more slowly (fewer connections, fewer messages per minute).",
      retry: .afterFix, source: "\(Source.gmail) (450 4.2.1 / 550 5.4.5 relay limits)"),
  ]
}
