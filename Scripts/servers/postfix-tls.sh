#!/usr/bin/env bash
# A second, private Postfix instance for the TLS and AUTH tests, on 127.0.0.1 only.
# Usage: Scripts/servers/postfix-tls.sh start|stop
#
#   2587  STARTTLS, valid certificate (test CA), SASL AUTH PLAIN LOGIN CRAM-MD5 after TLS only
#   2465  implicit TLS (wrapper mode), valid certificate, SASL AUTH
#   2588  STARTTLS, expired certificate
#   2589  STARTTLS, certificate for the wrong host (wrong.example.test)
#   2590  STARTTLS, self-signed certificate
#   2591  STARTTLS, valid certificate, but only TLS 1.0 (deprecated by RFC 8996)
#
# Everything lives in .test-servers/postfix-tls/ (config, queue, data, log), so it runs next to
# the plain instance of Scripts/servers/postfix.sh. AUTH uses Cyrus SASL with a sasldb2 file:
# user alice in realm probe.test (log in as alice@probe.test). Mail for alice@probe.test is
# accepted and discarded; other recipients in probe.test get 550 5.1.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
base=$repo/.test-servers/postfix-tls
tls=$repo/.test-servers/tls
ports=(2587 2465 2588 2589 2590 2591)
user=alice
realm=probe.test
password='s3cret-Test-pw'
action=${1:-start}

. "$repo/Scripts/servers/lib/postfix-instance.bash"
stop() { postfix_instance_stop "$base"; }

case "$action" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac

stop
offset=$(postfix_port_offset postfix-tls "${ports[@]}")
p_starttls=$((2587 + offset)); p_implicit=$((2465 + offset)); p_expired=$((2588 + offset))
p_wronghost=$((2589 + offset)); p_selfsigned=$((2590 + offset)); p_legacy=$((2591 + offset))
ports=("$p_starttls" "$p_implicit" "$p_expired" "$p_wronghost" "$p_selfsigned" "$p_legacy")
bash Scripts/servers/certs.sh generate
mkdir -p "$base"/{etc/sasl,queue,data,sasl,log}
chown postfix:postfix "$base/data"
: > "$base/log/maillog"

postfix_sasl_user "$base" "$user" "$realm" "$password"

printf '%s\n' "$user@$realm OK" > "$base/etc/vmailbox"

cat > "$base/etc/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $base/queue
data_directory = $base/data
config_directory = $base/etc
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-smtpprobe-tls
maillog_file = $base/log/maillog
maillog_file_prefixes = $base/log
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mx.probe.test
mydomain = probe.test
myorigin = \$mydomain
mydestination =
mynetworks = 127.0.0.0/8
relayhost =
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtputf8_enable = no
virtual_mailbox_domains = probe.test
virtual_mailbox_maps = texthash:$base/etc/vmailbox
virtual_transport = discard
smtpd_banner = \$myhostname ESMTP smtpprobe TLS test instance
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_tls_security_level = may
smtpd_tls_chain_files = $tls/valid.key, $tls/valid.crt
smtpd_tls_loglevel = 1
smtpd_tls_received_header = yes
smtpd_tls_protocols = >=TLSv1
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = $base/etc/sasl
smtpd_sasl_auth_enable = no
smtpd_sasl_security_options = noanonymous
smtpd_sasl_tls_security_options = noanonymous
smtpd_tls_auth_only = yes
smtpd_sasl_local_domain =
CONF

cat > "$base/etc/master.cf" <<CONF
127.0.0.1:$p_starttls inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-tls/$p_starttls
  -o smtpd_sasl_auth_enable=yes
127.0.0.1:$p_implicit inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-tls/$p_implicit
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
127.0.0.1:$p_expired inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-tls/$p_expired
  -o smtpd_tls_chain_files=$tls/expired.key,$tls/expired.crt
127.0.0.1:$p_wronghost inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-tls/$p_wronghost
  -o smtpd_tls_chain_files=$tls/wronghost.key,$tls/wronghost.crt
127.0.0.1:$p_selfsigned inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-tls/$p_selfsigned
  -o smtpd_tls_chain_files=$tls/selfsigned.key,$tls/selfsigned.crt
127.0.0.1:$p_legacy inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-tls/$p_legacy
  -o smtpd_tls_protocols=TLSv1
  -o smtpd_tls_mandatory_protocols=TLSv1
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
tlsmgr    unix  - - n 1000? 1 tlsmgr
postlog   unix-dgram n - n - 1 postlogd
CONF

postfix_instance_start postfix-tls "$base" "${ports[@]}"

cat >> .test-servers/env <<ENV
SMTPPROBE_TEST_TLS_PORT=$p_starttls
SMTPPROBE_TEST_TLS_IMPLICIT_PORT=$p_implicit
SMTPPROBE_TEST_TLS_EXPIRED_PORT=$p_expired
SMTPPROBE_TEST_TLS_WRONGHOST_PORT=$p_wronghost
SMTPPROBE_TEST_TLS_SELFSIGNED_PORT=$p_selfsigned
SMTPPROBE_TEST_TLS_LEGACY_PORT=$p_legacy
SMTPPROBE_TEST_TLS_CAFILE=$tls/ca.crt
SMTPPROBE_TEST_TLS_HOSTNAME=mx.probe.test
SMTPPROBE_TEST_AUTH_USER=$user@$realm
SMTPPROBE_TEST_AUTH_PASSWORD_FILE=$base/sasl/password
ENV
echo "postfix-tls: listening on 127.0.0.1 ports ${ports[*]}"
