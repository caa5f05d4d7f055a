/// Looks for the submitted test message in a mailbox over IMAP until it arrives or the time
/// is up, reads its header, then deletes it.
///
/// The session: connect; TLS on connect (`imaps`, RFC 8314 3.2) or STARTTLS, which must be
/// offered (`imap`, RFC 9051 6.2.1); the certificate must verify before the password is sent;
/// AUTHENTICATE PLAIN (RFC 4616) when offered, else LOGIN (6.2.3) unless LOGINDISABLED;
/// SELECT; `UID SEARCH HEADER Subject "token"` (6.4.4) every `pollInterval` seconds with a
/// NOOP (6.1.2) between, so that new mail is reported; `UID FETCH … BODY.PEEK[HEADER]` (6.4.5,
/// PEEK leaves `\Seen` alone); `UID STORE … +FLAGS.SILENT (\Deleted)` and `UID EXPUNGE` (RFC
/// 4315) or, without UIDPLUS, EXPUNGE; LOGOUT.
public struct RoundTripRunner: Sendable {
  public var connector: any Connector
  public var tls: any TLSUpgrading & Sendable
  public var clock: any MonotonicClock
  /// Waits this many seconds between searches (`poll` in the POSIX layer, the fake clock in
  /// tests).
  public var pause: @Sendable (Double) -> Void

  public init(
    connector: any Connector, tls: any TLSUpgrading & Sendable, clock: any MonotonicClock,
    pause: @escaping @Sendable (Double) -> Void
  ) {
    self.connector = connector
    self.tls = tls
    self.clock = clock
    self.pause = pause
  }

  /// Runs the round trip for `request`; `since` is when the submission was accepted, on
  /// `clock` (nanoseconds).
  public func run(_ request: RoundTripRequest, since: UInt64) -> RoundTripRecord {
    var record = RoundTripRecord(request: request)
    let mailbox = request.mailbox
    let transport: any Transport
    do throws(ConnectFailure) {
      transport = try connector.connect(
        host: mailbox.host, port: mailbox.port, addresses: nil, family: .any,
        timeout: request.connectTimeout
      ).0
    } catch {
      record.failure = .connect(error)
      record.waitedSeconds = seconds(since: since)
      return record
    }
    let connection = IMAPConnection(
      transport: transport, clock: clock, timeout: request.commandTimeout)
    do throws(RoundTripFailure) {
      try session(connection, request, since: since, into: &record)
    } catch {
      record.failure = error
    }
    record.transcript = connection.transcript
    record.waitedSeconds = seconds(since: since)
    connection.transport.close()
    return record
  }

  private func session(
    _ connection: IMAPConnection, _ request: RoundTripRequest, since: UInt64,
    into record: inout RoundTripRecord
  ) throws(RoundTripFailure) {
    let mailbox = request.mailbox
    if mailbox.implicitTLS { try upgrade(connection, mailbox, into: &record) }
    let greeting = try connection.greeting()
    let preauthenticated = greeting.status == .preauth
    if connection.capabilities.isEmpty { _ = try connection.run("CAPABILITY") }
    if !mailbox.implicitTLS {
      guard connection.offers("STARTTLS") else { throw .startTLSNotOffered }
      let answer = try connection.run("STARTTLS")
      guard answer.status == .ok else { throw .startTLSRefused(text: answer.text) }
      try upgrade(connection, mailbox, into: &record)
      _ = try connection.run("CAPABILITY")
    }
    if let report = record.tls, !report.verification.isTrusted {
      throw .untrustedCertificate(faults: report.verification.faults.map(\.name))
    }
    if !preauthenticated {
      let answer: IMAPConnection.Completion
      if connection.offers("AUTH=PLAIN") {
        answer = try connection.authenticatePlain(user: mailbox.user, password: request.password)
      } else if connection.offers("LOGINDISABLED") {
        throw .loginDisabled
      } else {
        answer = try connection.run(
          "LOGIN", [.string(mailbox.user), .secret(request.password)])
      }
      guard answer.status == .ok else { throw .loginRefused(text: answer.text) }
    }
    record.authenticated = true
    let selected = try connection.run("SELECT", [.string(mailbox.mailbox)])
    guard selected.status == .ok else {
      throw .selectRefused(mailbox: mailbox.mailbox, text: selected.text)
    }
    let deadline = Deadline.after(seconds: request.arrivalTimeout, from: since)
    while true {
      let found = try connection.run(
        "UID SEARCH", [.atom("HEADER"), .atom("Subject"), .string(request.token)])
      record.searches += 1
      guard found.status == .ok else {
        throw .commandRefused(command: "UID SEARCH", text: found.text)
      }
      let uids = Self.searchResults(found.untagged)
      if !uids.isEmpty {
        record.uids = uids
        record.arrivalSeconds = seconds(since: since)
        break
      }
      let left = deadline.remainingSeconds(on: clock)
      guard left > 0 else { break }
      pause(min(request.pollInterval, left))
      _ = try connection.run("NOOP")
    }
    guard let first = record.uids.first else {
      _ = try? connection.run("LOGOUT")
      return
    }
    let fetched = try connection.run(
      "UID FETCH", [.atom(String(first)), .atom("BODY.PEEK[HEADER]")])
    guard fetched.status == .ok else {
      throw .commandRefused(command: "UID FETCH", text: fetched.text)
    }
    record.header = fetched.untagged.first { !$0.literals.isEmpty }?.literals.first
    record.cleanup = delete(record.uids, connection)
    _ = try? connection.run("LOGOUT")
  }

  /// Flags the messages `\Deleted` and expunges them: only them with UIDPLUS (RFC 4315 2.1).
  private func delete(_ uids: [UInt32], _ connection: IMAPConnection) -> RoundTripRecord.Cleanup {
    let set = uids.map(String.init).joined(separator: ",")
    do throws(RoundTripFailure) {
      let stored = try connection.run(
        "UID STORE", [.atom(set), .atom("+FLAGS.SILENT"), .atom("(\\Deleted)")])
      guard stored.status == .ok else { return .failed(command: "UID STORE", text: stored.text) }
      let expunge = connection.offers("UIDPLUS") ? "UID EXPUNGE" : "EXPUNGE"
      let expunged = try connection.run(
        expunge, connection.offers("UIDPLUS") ? [.atom(set)] : [])
      guard expunged.status == .ok else { return .failed(command: expunge, text: expunged.text) }
      return .deleted(command: expunge)
    } catch {
      return .failed(command: "UID STORE", text: error.description)
    }
  }

  private func upgrade(
    _ connection: IMAPConnection, _ mailbox: IMAPMailbox, into record: inout RoundTripRecord
  ) throws(RoundTripFailure) {
    do {
      let (secure, report) = try tls.upgrade(
        connection.transport, serverName: mailbox.host,
        deadline: Deadline.after(seconds: record.request.commandTimeout, on: clock))
      connection.upgraded(to: secure)
      record.tls = report
    } catch {
      throw .tls(reason: "\(error)")
    }
  }

  /// The UIDs of `* SEARCH n n …` (RFC 9051 7.3.5 ESEARCH is not asked for).
  static func searchResults(_ untagged: [IMAPUntagged]) -> [UInt32] {
    var uids: [UInt32] = []
    for data in untagged where data.words.first?.uppercased() == "SEARCH" {
      uids += data.words.dropFirst().compactMap { UInt32($0) }
    }
    return uids.sorted()
  }

  private func seconds(since: UInt64) -> Double {
    let now = clock.nowNanoseconds()
    return now > since ? Double(now - since) / 1e9 : 0
  }
}
