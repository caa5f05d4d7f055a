import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `smtpprobe probe …` with no `--dns-server` inside a private network and mount namespace
/// (unshare(1)), where /etc/resolv.conf is ours and the name servers are on its loopback.
///
/// Inside: `lo` is brought up; a generated resolv.conf is bind-mounted over /etc/resolv.conf
/// (private propagation: the host's file is never touched); dnsmasq serves the test zones of
/// Scripts/servers/dnsmasq-zones.conf on port 53 of `dnsAddresses`; a second dnsmasq on
/// `silentAddresses` forwards every query to a port nothing listens on, so it never answers (a
/// name server that times out); one with no zones at all on `refusingAddresses` answers
/// REFUSED to everything; scripted-smtpd listens on 127.0.0.1:25 when given a script.
/// The probes run one after another; every server is killed when the script exits, and
/// `timeout` bounds each process. Needs root, unshare(1), ip(8) and dnsmasq: in CI
/// (`CI=true`) a missing one fails the test, elsewhere it skips it.
struct ResolverNamespace {
  /// Why the namespace cannot be made here.
  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  /// The namespace's /etc/resolv.conf.
  var resolvConf: String
  /// Where the test-zone dnsmasq listens (port 53).
  var dnsAddresses: [String] = ["127.0.0.1"]
  /// Where a name server that never answers listens (port 53).
  var silentAddresses: [String] = []
  /// Where a name server that answers REFUSED to everything listens (port 53).
  var refusingAddresses: [String] = []
  /// A scripted-smtpd script served on 127.0.0.1:25 (`connections` times), or nil.
  var smtpScript: String?
  var smtpConnections = 1

  /// What a run left behind: each probe's result and the logs of the servers.
  struct Outcome {
    var probes: [RunResult]
    /// dnsmasq's `--log-queries` log: the names the system resolver asked for.
    var dnsLog: String
    /// scripted-smtpd's log (`C: ` lines from the client).
    var smtpLog: String

    /// The `query[TYPE] NAME` entries of the DNS log, as "TYPE NAME".
    var queries: [String] {
      dnsLog.split(separator: "\n").compactMap { line in
        guard let start = line.range(of: "query[") else { return nil }
        let rest = line[start.upperBound...]
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let name = rest[rest.index(after: close)...].split(separator: " ").first ?? ""
        return "\(rest[..<close]) \(name)"
      }
    }
  }

  private static let dnsmasq = "/usr/sbin/dnsmasq"
  private static let unshare = "/usr/bin/unshare"
  private static let path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

  /// The shell script run as `sh -c SCRIPT sh DIR ZONES SMTPPROBE SCRIPTED_SMTPD`.
  private static let script = """
    set -u
    dir=$1 zones=$2 probe=$3 smtpd=$4
    pids=""
    trap 'kill $pids 2>/dev/null; wait' EXIT
    # Waits (5 s at most) until file $1 contains $2.
    await() {
      n=0
      until grep -q "$2" "$1" 2>/dev/null; do
        n=$((n + 1)); [ $n -gt 100 ] && exit 92; sleep 0.05
      done
    }
    ip link set lo up || exit 90
    mount --bind "$dir/resolv.conf" /etc/resolv.conf || exit 91
    common="--port=53 --bind-interfaces --no-resolv --no-hosts --no-poll --user=root"
    common="$common --keep-in-foreground --log-queries"
    # dnsmasq NAME ZONES ADDRESS-FILE [OPTION]: one instance, its log in $dir/NAME.log.
    serve() {
      listen=""
      for a in $(cat "$dir/$3"); do listen="$listen --listen-address=$a"; done
      [ -n "$listen" ] || return 0
      timeout 30 dnsmasq --conf-file="$2" $common $listen --log-facility="$dir/$1.log" \
        ${4:-} 2>"$dir/$1.err" &
      pids="$pids $!"
      # Logged once its sockets are bound.
      await "$dir/$1.log" started
    }
    serve dnsmasq "$zones" dns-addresses
    serve silent /dev/null silent-addresses --server=127.0.0.1#9
    serve refusing /dev/null refusing-addresses
    if [ -s "$dir/smtp-script" ]; then
      timeout 30 "$smtpd" --listen 127.0.0.1:25 --script "$dir/smtp-script" \
        --connections "$(cat "$dir/smtp-connections")" --log "$dir/smtp.log" --ignore-stdin \
        >"$dir/smtpd.out" 2>"$dir/smtpd.err" &
      pids="$pids $!"
      await "$dir/smtpd.out" PORT
    fi
    n=0
    while [ -e "$dir/probe-$n.args" ]; do
      set --
      while IFS= read -r arg; do set -- "$@" "$arg"; done <"$dir/probe-$n.args"
      timeout 20 "$probe" probe "$@" >"$dir/probe-$n.out" 2>"$dir/probe-$n.err" </dev/null
      echo $? >"$dir/probe-$n.status"
      n=$((n + 1))
    done
    """

  /// Runs each argument list as `smtpprobe probe ARGUMENTS… --helo client.probe.test`.
  func run(_ probes: [[String]]) throws -> Outcome {
    try Self.requireCapabilities()
    let fileManager = FileManager.default
    let directory = fileManager.temporaryDirectory
      .appendingPathComponent("smtpprobe-netns-\(UUID().uuidString)")
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? fileManager.removeItem(at: directory) }
    func write(_ name: String, _ text: String) throws {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try write("resolv.conf", resolvConf)
    try write("dns-addresses", dnsAddresses.joined(separator: "\n"))
    try write("silent-addresses", silentAddresses.joined(separator: "\n"))
    try write("refusing-addresses", refusingAddresses.joined(separator: "\n"))
    try write("smtp-script", smtpScript ?? "")
    try write("smtp-connections", String(smtpConnections))
    for (index, arguments) in probes.enumerated() {
      var arguments = arguments
      if !arguments.contains("--helo") { arguments += ["--helo", "client.probe.test"] }
      try write("probe-\(index).args", arguments.joined(separator: "\n") + "\n")
    }
    let zones = TestServers.repositoryRoot
      .appendingPathComponent("Scripts/servers/dnsmasq-zones.conf")
    let status = try Self.execute(
      Self.unshare,
      [
        "--net", "--mount", "--propagation", "private", "--", "timeout", "60", "sh", "-c",
        Self.script, "sh", directory.path, zones.path, try RunBinary.binaryURL().path,
        try ScriptedServer.binary().path,
      ])
    func read(_ name: String) -> String {
      (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
    guard status == 0 else {
      throw Unavailable(
        description: "the namespace script failed (exit \(status)): ip/mount/servers; "
          + "dnsmasq: \(read("dnsmasq.err")) \(read("silent.err")) smtpd: \(read("smtpd.err"))")
    }
    var results: [RunResult] = []
    for index in probes.indices {
      let statusText = read("probe-\(index).status").trimmingCharacters(in: .whitespacesAndNewlines)
      results.append(
        RunResult(
          status: Int32(statusText) ?? -1, stdout: read("probe-\(index).out"),
          stderr: read("probe-\(index).err")))
    }
    return Outcome(probes: results, dnsLog: read("dnsmasq.log"), smtpLog: read("smtp.log"))
  }

  /// Root, unshare, ip and dnsmasq, and a namespace that can actually be made.
  static func requireCapabilities() throws {
    guard geteuid() == 0 else { try unavailable("namespaces need root (unshare --net --mount)") }
    guard FileManager.default.isExecutableFile(atPath: unshare) else {
      try unavailable("\(unshare) is missing (util-linux)")
    }
    guard FileManager.default.isExecutableFile(atPath: dnsmasq) else {
      try unavailable("\(dnsmasq) is missing (apt-get install dnsmasq-base)")
    }
    let status = try execute(
      unshare,
      ["--net", "--mount", "--propagation", "private", "--", "ip", "link", "set", "lo", "up"])
    guard status == 0 else {
      try unavailable(
        "cannot make a network namespace here (unshare + ip link set lo up: \(status))")
    }
  }

  /// Fails in CI, skips elsewhere.
  private static func unavailable(_ message: String) throws -> Never {
    if TestServers.isCI { throw Unavailable(description: message) }
    try Test.cancel(Comment(rawValue: message))
  }

  /// Runs a program with a plain PATH; its exit status (127 when it cannot start).
  private static func execute(_ program: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ["PATH": path, "HOME": "/root", "LC_ALL": "C"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return 127
    }
    process.waitUntilExit()
    return process.terminationStatus
  }
}
