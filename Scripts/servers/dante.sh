#!/usr/bin/env bash
# Starts or stops two Dante SOCKS5 servers (danted, Debian package dante-server) on 127.0.0.1
# for the --proxy tests: one without authentication, one with RFC 1929 user name and password.
# Usage: Scripts/servers/dante.sh start|stop
#
# Both pass CONNECT only from and to 127.0.0.0/8; CONNECT to 127.0.0.9 is refused by the
# ruleset (SOCKS5 reply 0x02), so the tests can see the proxy refuse a destination. Dante's
# "socksmethod: username" checks the system's passwd/shadow, so as root the script creates a
# system user smtpprobe-socks (no home, no login shell) with a random password made once per
# machine (kept root-only in /var/lib/smtpprobe-socks/password); without root the authenticating instance is not started and its tests skip (or
# fail with CI=true).
# Ports: SMTPPROBE_TEST_SOCKS_PORT (default 11080) and the next free one after it; a port in
# use moves up, to +40.
# Writes SMTPPROBE_TEST_SOCKS_PORT, SMTPPROBE_TEST_SOCKS_AUTH_PORT, SMTPPROBE_TEST_SOCKS_USER
# and SMTPPROBE_TEST_SOCKS_PASSWORD to .test-servers/env.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
dir="$repo/.test-servers/dante"
danted=/usr/sbin/danted
user=smtpprobe-socks

stop() {
  for pidfile in "$dir"/*.pid; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # Only kill the process if it is still our danted (its command line names our config).
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$dir/"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  done
}

# Whether something accepts TCP connections on 127.0.0.1:$1.
in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The first port from $1 on that nothing listens on, up to +40.
free_port() {
  for port in $(seq "$1" $(($1 + 40))); do
    in_use "$port" || { echo "$port"; return 0; }
  done
  echo "dante.sh: no free port in $1..$(($1 + 40))" >&2
  exit 1
}

# Writes the configuration of one instance: $1 name, $2 port, $3 socksmethod.
config() {
  cat >"$dir/$1.conf" <<CONF
logoutput: $dir/$1.log
internal: 127.0.0.1 port = $2
external: 127.0.0.1
clientmethod: none
socksmethod: $3
user.privileged: root
user.unprivileged: nobody
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
socks block {
  from: 0.0.0.0/0 to: 127.0.0.9/32
  log: connect error
}
socks pass {
  from: 127.0.0.0/8 to: 127.0.0.0/8
  command: connect
  log: connect error
}
socks block {
  from: 0.0.0.0/0 to: 0.0.0.0/0
  log: connect error
}
CONF
}

# Starts instance $1 on port $2 and waits until it accepts connections.
launch() {
  rm -f "$dir/$1.log"
  "$danted" -f "$dir/$1.conf" -p "$dir/$1.pid" -D -N 1 2>"$dir/$1.err" || {
    cat "$dir/$1.err" "$dir/$1.log" >&2 2>/dev/null || true
    exit 1
  }
  for _ in $(seq 50); do in_use "$2" && return 0; sleep 0.1; done
  echo "dante.sh: danted ($1) does not listen on 127.0.0.1:$2" >&2
  cat "$dir/$1.log" >&2 2>/dev/null || true
  exit 1
}

start() {
  [ -x "$danted" ] || { echo "dante.sh: $danted not found (apt-get install dante-server)" >&2; exit 1; }
  mkdir -p "$dir"
  stop
  env="$repo/.test-servers/env"
  touch "$env"
  sed -i '/^SMTPPROBE_TEST_SOCKS_/d' "$env"
  plain=$(free_port "${SMTPPROBE_TEST_SOCKS_PORT:-11080}")
  config plain "$plain" none
  launch plain "$plain"
  echo "SMTPPROBE_TEST_SOCKS_PORT=$plain" >>"$env"
  echo "dante.sh: SOCKS5 without authentication on 127.0.0.1:$plain" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "dante.sh: not root: no user for the authenticating instance; its tests skip" >&2
    return 0
  fi
  id "$user" >/dev/null 2>&1 ||
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  # One password per machine, kept root-only beside the user: checkouts that start Dante at the
  # same time share the one system user, so a fresh password per start would break the others.
  secret=/var/lib/smtpprobe-socks/password
  if [ ! -s "$secret" ]; then
    install -d -m 0700 "$(dirname "$secret")"
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$secret")
  fi
  password=$(cat "$secret")
  echo "$user:$password" | chpasswd
  auth=$(free_port $((plain + 1)))
  config auth "$auth" username
  launch auth "$auth"
  {
    echo "SMTPPROBE_TEST_SOCKS_AUTH_PORT=$auth"
    echo "SMTPPROBE_TEST_SOCKS_USER=$user"
    echo "SMTPPROBE_TEST_SOCKS_PASSWORD=$password"
  } >>"$env"
  echo "dante.sh: SOCKS5 with user $user on 127.0.0.1:$auth" >&2
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: Scripts/servers/dante.sh start|stop" >&2; exit 64 ;;
esac
