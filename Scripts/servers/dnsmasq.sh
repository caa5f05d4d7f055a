#!/usr/bin/env bash
# Starts or stops dnsmasq on 127.0.0.1 serving the DNS test zones the MX tests query.
# Usage: Scripts/servers/dnsmasq.sh start|stop
#
# Only the local test zones are served: --no-resolv and --no-hosts give dnsmasq no upstream
# server and no /etc/hosts; the zones are in Scripts/servers/dnsmasq-zones.conf (and every
# other Scripts/servers/dnsmasq-*.conf), where
# local=/test/ makes it answer NXDOMAIN itself for any unknown name under .test. Nothing is
# ever forwarded. Other names get REFUSED (no upstream).
# Port: SMTPPROBE_TEST_DNS_PORT (default 5354); if taken, the next free one up to +40.
# Writes SMTPPROBE_TEST_DNS_PORT=PORT to .test-servers/env.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
dir="$repo/.test-servers/dnsmasq"
pidfile="$dir/dnsmasq.pid"
dnsmasq=/usr/sbin/dnsmasq
# The test zones, shared with the system-resolver tests, and every other dnsmasq-*.conf
# (more zones, such as the posture records), each loaded with its own --conf-file.
zones="$repo/Scripts/servers/dnsmasq-zones.conf"
extra=()
for conf in "$repo"/Scripts/servers/dnsmasq-*.conf; do
  [ "$conf" = "$zones" ] || extra+=(--conf-file="$conf")
done

stop() {
  if [ -s "$pidfile" ]; then
    pid=$(cat "$pidfile")
    # Only kill the process if it is still our dnsmasq.
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pidfile"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -f "$pidfile"
}

start() {
  [ -x "$dnsmasq" ] || { echo "dnsmasq.sh: $dnsmasq not found (apt-get install dnsmasq-base)" >&2; exit 1; }
  mkdir -p "$dir"
  stop
  user=()
  [ "$(id -u)" -eq 0 ] && user=(--user=root)
  first=${SMTPPROBE_TEST_DNS_PORT:-5354}
  for port in $(seq "$first" $((first + 40))); do
    # dnsmasq daemonizes only once its sockets are bound, so a zero exit means it is answering.
    if "$dnsmasq" --conf-file="$zones" "${extra[@]}" --port="$port" --listen-address=127.0.0.1 \
      --bind-interfaces --no-resolv --no-hosts --no-poll --pid-file="$pidfile" "${user[@]}" \
      --log-facility="$dir/dnsmasq.log" --log-queries 2>"$dir/start.err"; then
      wait_until_answering "$port"
      touch "$repo/.test-servers/env"
      sed -i '/^SMTPPROBE_TEST_DNS_PORT=/d' "$repo/.test-servers/env"
      echo "SMTPPROBE_TEST_DNS_PORT=$port" >>"$repo/.test-servers/env"
      echo "dnsmasq.sh: serving the test zones on 127.0.0.1:$port" >&2
      return 0
    fi
    grep -qi "in use" "$dir/start.err" || { cat "$dir/start.err" >&2; exit 1; }
  done
  echo "dnsmasq.sh: no free port in $first..$((first + 40))" >&2
  exit 1
}

# Asks for good.test MX until an answer comes back (needs python3; skipped without it).
wait_until_answering() {
  command -v python3 >/dev/null || return 0
  python3 - "$1" <<'PY'
import socket, sys, time
query = bytes.fromhex("abcd01000001000000000000") + b"\x04good\x04test\x00" + b"\x00\x0f\x00\x01"
for _ in range(50):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.2)
    try:
        s.sendto(query, ("127.0.0.1", int(sys.argv[1])))
        if s.recv(512)[:2] == b"\xab\xcd":
            sys.exit(0)
    except OSError:
        time.sleep(0.1)
    finally:
        s.close()
sys.exit("dnsmasq.sh: dnsmasq does not answer on 127.0.0.1:" + sys.argv[1])
PY
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: Scripts/servers/dnsmasq.sh start|stop" >&2; exit 64 ;;
esac
