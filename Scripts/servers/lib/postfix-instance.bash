# Shared by the private Postfix instances with TLS and SASL (postfix-tls.sh,
# postfix-submission.sh): sourced, not run. Each instance lives in its own BASE directory
# (config, queue, data, log) and is driven with `postfix -c BASE/etc`.
# (In lib/, so that Scripts/test-servers, which runs Scripts/servers/*.sh, never runs it.)

# Whether something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops the instance in BASE, if one runs, and waits up to 5 s for its master to exit.
postfix_instance_stop() {
  local base=$1
  if [ -f "$base/etc/main.cf" ]; then
    postfix -c "$base/etc" stop >/dev/null 2>&1 || true
  fi
  local pidfile=$base/queue/pid/master.pid
  for _ in $(seq 1 50); do
    [ -s "$pidfile" ] && kill -0 "$(tr -d ' ' < "$pidfile")" 2>/dev/null || return 0
    sleep 0.1
  done
}

# Prints the smallest offset (0, 10, ... 500) at which every PORT + offset is free. Another
# checkout's instance may hold the default ports, and Postfix sets SO_REUSEPORT, so a second
# bind would succeed and the kernel would split connections between two instances: the whole
# set moves up together.
postfix_port_offset() {
  local name=$1; shift
  local offset=0 busy p
  while :; do
    busy=0
    for p in "$@"; do port_open "$((p + offset))" && busy=1 && break; done
    [ "$busy" -eq 0 ] && break
    offset=$((offset + 10))
    [ "$offset" -le 500 ] || { echo "$name: no free port set near $*" >&2; return 1; }
  done
  echo "$offset"
}

# Creates the SASL user USER@REALM with PASSWORD in BASE: the password in BASE/sasl/password
# (for the tests), a Cyrus sasldb2, and the smtpd.conf that points Postfix at it. Cyrus reads
# smtpd.conf (smtpd_sasl_path = smtpd) from cyrus_sasl_config_path; Debian's Postfix looks in
# $config_directory/sasl instead, so that is where it goes.
postfix_sasl_user() {
  local base=$1 user=$2 realm=$3 password=$4
  printf '%s\n' "$password" > "$base/sasl/password"
  chmod 0600 "$base/sasl/password"
  rm -f "$base/sasl/sasldb2"
  printf '%s' "$password" | saslpasswd2 -p -c -f "$base/sasl/sasldb2" -u "$realm" "$user"
  chown postfix:postfix "$base/sasl/sasldb2"
  chmod 0640 "$base/sasl/sasldb2"
  cat > "$base/etc/sasl/smtpd.conf" <<CONF
pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN CRAM-MD5
sasldb_path: $base/sasl/sasldb2
CONF
}

# Checks and starts the instance in BASE, then waits up to 10 s for each PORT; on failure
# prints why (with the end of BASE/log/maillog) and exits 1.
postfix_instance_start() {
  local name=$1 base=$2; shift 2
  fail() {
    echo "$name: $1" >&2
    tail -n 30 "$base/log/maillog" >&2 || true
    exit 1
  }
  postfix -c "$base/etc" check >/dev/null 2>"$base/log/check.err" \
    || { cat "$base/log/check.err" >&2; fail "postfix check failed"; }
  postfix -c "$base/etc" start >/dev/null 2>"$base/log/start.err" \
    || { cat "$base/log/start.err" >&2; fail "postfix start failed"; }
  local port
  for port in "$@"; do
    for _ in $(seq 1 100); do port_open "$port" && break; sleep 0.1; done
    port_open "$port" || fail "port $port does not accept connections"
  done
}
