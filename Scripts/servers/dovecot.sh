#!/usr/bin/env bash
# A private Dovecot IMAP server for `check --roundtrip`, on 127.0.0.1 only, reading the Maildir
# the submission Postfix (postfix-submission.sh) delivers to.
# Usage: Scripts/servers/dovecot.sh start|stop
#
#   2993  IMAPS: implicit TLS (RFC 8314 3.2) with the test CA's mx.probe.test certificate
#   2143  IMAP: STARTTLS offered, LOGIN refused before TLS (disable_plaintext_auth = yes)
# The ports move up by 10 together when one is taken. Everything lives in .test-servers/dovecot/;
# mail is read from .test-servers/postfix-submission/mail/probe.test/USER/ as the postfix user
# (the owner Postfix's virtual delivery gives the files). The passdb is a passwd-file with one
# user, alice@probe.test, and its own password (not the SMTP one).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
base=$repo/.test-servers/dovecot
tls=$repo/.test-servers/tls
mail=$repo/.test-servers/postfix-submission/mail
user=alice@probe.test
password='Imap-s3cret-pw'
action=${1:-start}

stop() {
  local pidfile=$base/run/master.pid
  [ -s "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac

command -v dovecot >/dev/null || { echo "dovecot: dovecot is not installed" >&2; exit 1; }
stop
offset=0
while :; do
  busy=0
  for p in 2993 2143; do port_open "$((p + offset))" && busy=1 && break; done
  [ "$busy" -eq 0 ] && break
  offset=$((offset + 10))
  [ "$offset" -le 500 ] || { echo "dovecot: no free port set near 2993" >&2; exit 1; }
done
p_imaps=$((2993 + offset)); p_imap=$((2143 + offset))
bash Scripts/servers/certs.sh generate
mkdir -p "$base"/{run,state,log,etc} "$mail/probe.test"
chown postfix:postfix "$mail" "$mail/probe.test"
: > "$base/log/dovecot.log"
printf '%s\n' "$password" > "$base/etc/password"
chmod 0600 "$base/etc/password"
# passwd-file: user:{scheme}password (Dovecot's "Passwd-file" passdb).
printf '%s:{PLAIN}%s\n' "$user" "$password" > "$base/etc/passwd"
chown root:dovecot "$base/etc/passwd"
chmod 0640 "$base/etc/passwd"

cat > "$base/etc/dovecot.conf" <<CONF
base_dir = $base/run
state_dir = $base/state
instance_name = dovecot-smtpprobe
log_path = $base/log/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <$tls/valid.crt
ssl_key = <$tls/valid.key
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $base/etc/passwd
}
userdb {
  driver = static
  args = uid=postfix gid=postfix home=$mail/%d/%n
}
mail_location = maildir:$mail/%d/%n
namespace inbox {
  inbox = yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $p_imap
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $p_imaps
    ssl = yes
  }
}
CONF

# The daemon must not keep the caller's standard output open (a pipe would never end).
dovecot -c "$base/etc/dovecot.conf" </dev/null >"$base/log/start.out" 2>&1 \
  || { cat "$base/log/start.out" >&2; tail -n 30 "$base/log/dovecot.log" >&2
       echo "dovecot: start failed" >&2; exit 1; }
for port in "$p_imaps" "$p_imap"; do
  for _ in $(seq 1 100); do port_open "$port" && break; sleep 0.1; done
  port_open "$port" || { tail -n 30 "$base/log/dovecot.log" >&2; echo "dovecot: port $port does not accept connections" >&2; exit 1; }
done

cat >> .test-servers/env <<ENV
SMTPPROBE_TEST_IMAPS_PORT=$p_imaps
SMTPPROBE_TEST_IMAP_PORT=$p_imap
SMTPPROBE_TEST_IMAP_USER=$user
SMTPPROBE_TEST_IMAP_PASSWORD_FILE=$base/etc/password
ENV
echo "dovecot: listening on 127.0.0.1 ports $p_imaps (IMAPS) and $p_imap (IMAP + STARTTLS)"
