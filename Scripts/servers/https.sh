#!/usr/bin/env bash
# Starts or stops the HTTPS server that serves the MTA-STS test policies (RFC 8461 3.3) on
# 127.0.0.1, with a certificate from the test CA naming every mta-sts.sts-*.test host of
# Scripts/servers/dnsmasq-mtasts.conf.
# Usage: Scripts/servers/https.sh start|stop
# Port: an ephemeral one (the server binds port 0), written to .test-servers/env as
# SMTPPROBE_TEST_HTTPS_PORT. Needs python3 (its http.server and ssl modules).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
dir=$repo/.test-servers/https
tls=$repo/.test-servers/tls
pidfile=$dir/server.pid

stop() {
  if [ -s "$pidfile" ]; then
    pid=$(cat "$pidfile")
    # Only kill the process if it is still our server.
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "mta-sts-https.py"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -f "$pidfile"
}

# A leaf for the policy hosts, signed by the test CA (made again when missing).
certificate() {
  [ -s "$tls/mtasts.crt" ] && [ -s "$tls/mtasts.key" ] && return 0
  local names="" domain
  for domain in sts-enforce sts-mismatch sts-testing sts-redirect sts-missing sts-double; do
    names="${names:+$names,}DNS:mta-sts.$domain.test"
  done
  openssl req -new -newkey rsa:2048 -nodes -keyout "$tls/mtasts.key" -out "$dir/mtasts.csr" \
    -subj "/O=smtpprobe tests/CN=mta-sts.sts-enforce.test" 2>"$dir/openssl.err" >/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
    "$names" > "$dir/mtasts.ext"
  openssl x509 -req -in "$dir/mtasts.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" \
    -CAcreateserial -days 3650 -sha256 -extfile "$dir/mtasts.ext" -out "$tls/mtasts.crt" \
    2>"$dir/openssl.err" >/dev/null
  chmod 0600 "$tls/mtasts.key"
}

start() {
  command -v python3 >/dev/null || { echo "https.sh: python3 not found" >&2; exit 1; }
  mkdir -p "$dir"
  stop
  bash Scripts/servers/certs.sh generate
  certificate
  rm -f "$dir/port"
  nohup python3 "$repo/Scripts/servers/mta-sts-https.py" "$tls/mtasts.crt" "$tls/mtasts.key" \
    "$dir/port" >"$dir/server.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.1; done
  [ -s "$dir/port" ] || { cat "$dir/server.log" >&2; echo "https.sh: the server did not start" >&2; exit 1; }
  touch "$repo/.test-servers/env"
  sed -i '/^SMTPPROBE_TEST_HTTPS_PORT=/d' "$repo/.test-servers/env"
  echo "SMTPPROBE_TEST_HTTPS_PORT=$(cat "$dir/port")" >>"$repo/.test-servers/env"
  echo "https.sh: serving the MTA-STS policies on 127.0.0.1:$(cat "$dir/port")" >&2
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: Scripts/servers/https.sh start|stop" >&2; exit 64 ;;
esac
