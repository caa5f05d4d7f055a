#!/usr/bin/env bash
# A third private Postfix instance for `check --submission` and `--require-starttls`, on
# 127.0.0.1 only. Usage: Scripts/servers/postfix-submission.sh start|stop
#
#   2640  submission: STARTTLS (test CA certificate), SASL AUTH after TLS only, mail for
#         alice@probe.test delivered to a Maildir (smtpd_tls_auth_only = yes)
#   2641  submission on implicit TLS (wrapper mode, the 465 style), same delivery
#   2642  AUTH offered before TLS (smtpd_tls_auth_only = no): what check must call CRITICAL
#   2643  inbound with STARTTLS enforced (smtpd_tls_security_level = encrypt): MAIL FROM
#         without TLS gets 530 5.7.0 (RFC 3207 4)
# The ports move up by 10 together when one is taken. Everything lives in
# .test-servers/postfix-submission/; the Maildir is mail/probe.test/alice/. AUTH uses Cyrus
# SASL with a sasldb2 file: user alice in realm probe.test (log in as alice@probe.test).
# Nothing is ever sent out: default_transport and relay_transport are `error`.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
base=$repo/.test-servers/postfix-submission
tls=$repo/.test-servers/tls
user=alice
realm=probe.test
password='Submit-s3cret-pw'
action=${1:-start}

. "$repo/Scripts/servers/lib/postfix-instance.bash"
stop() { postfix_instance_stop "$base"; }

case "$action" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac

command -v postfix >/dev/null || { echo "postfix-submission: postfix is not installed" >&2; exit 1; }
stop
offset=$(postfix_port_offset postfix-submission 2640 2641 2642 2643)
p_submission=$((2640 + offset)); p_implicit=$((2641 + offset))
p_authplain=$((2642 + offset)); p_encrypt=$((2643 + offset))
ports=("$p_submission" "$p_implicit" "$p_authplain" "$p_encrypt")
bash Scripts/servers/certs.sh generate
mkdir -p "$base"/{etc/sasl,queue,data,sasl,log,mail/probe.test}
chown -R postfix:postfix "$base/data" "$base/mail"
: > "$base/log/maillog"

postfix_sasl_user "$base" "$user" "$realm" "$password"

printf '%s\n' "$user@$realm probe.test/$user/" > "$base/etc/vmailbox"

cat > "$base/etc/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $base/queue
data_directory = $base/data
config_directory = $base/etc
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-smtpprobe-submission
maillog_file = $base/log/maillog
maillog_file_prefixes = $base/log
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mx.probe.test
mydomain = probe.test
myorigin = \$mydomain
mydestination =
mynetworks = 127.0.0.2/32
relayhost =
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtputf8_enable = no
in_flow_delay = 0
virtual_mailbox_domains = probe.test
virtual_mailbox_maps = texthash:$base/etc/vmailbox
virtual_mailbox_base = $base/mail
virtual_uid_maps = static:$(id -u postfix)
virtual_gid_maps = static:$(id -g postfix)
default_transport = error:outbound mail is disabled on this test server
relay_transport = error:outbound mail is disabled on this test server
smtpd_banner = \$myhostname ESMTP smtpprobe submission test instance
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_tls_security_level = may
smtpd_tls_chain_files = $tls/valid.key, $tls/valid.crt
smtpd_tls_loglevel = 1
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = $base/etc/sasl
smtpd_sasl_auth_enable = no
smtpd_sasl_security_options = noanonymous
smtpd_sasl_tls_security_options = noanonymous
smtpd_tls_auth_only = yes
smtpd_sasl_local_domain =
CONF

# Submission (RFC 6409): only authenticated clients may send (smtpd_recipient_restrictions).
cat > "$base/etc/master.cf" <<CONF
127.0.0.1:$p_submission inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-submission/$p_submission
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$p_implicit inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-submission/$p_implicit
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$p_authplain inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-submission/$p_authplain
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=no
127.0.0.1:$p_encrypt inet n - n - - smtpd
  -o syslog_name=postfix-smtpprobe-submission/$p_encrypt
  -o smtpd_tls_security_level=encrypt
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
virtual   unix  - n n - - virtual
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
tlsmgr    unix  - - n 1000? 1 tlsmgr
postlog   unix-dgram n - n - 1 postlogd
CONF

postfix_instance_start postfix-submission "$base" "${ports[@]}"

cat >> .test-servers/env <<ENV
SMTPPROBE_TEST_SUBMISSION_PORT=$p_submission
SMTPPROBE_TEST_SUBMISSION_IMPLICIT_PORT=$p_implicit
SMTPPROBE_TEST_SUBMISSION_AUTHPLAIN_PORT=$p_authplain
SMTPPROBE_TEST_ENCRYPT_PORT=$p_encrypt
SMTPPROBE_TEST_SUBMISSION_MAILDIR=$base/mail/probe.test/$user
SMTPPROBE_TEST_SUBMISSION_USER=$user@$realm
SMTPPROBE_TEST_SUBMISSION_PASSWORD_FILE=$base/sasl/password
ENV
echo "postfix-submission: listening on 127.0.0.1 ports ${ports[*]}"
