#!/usr/bin/env bash
# Generates the test certificates the TLS integration tests use, with the openssl CLI.
# Usage: Scripts/servers/certs.sh start|generate   (idempotent: only missing files are made)
#        Scripts/servers/certs.sh stop             (nothing to stop)
#        Scripts/servers/certs.sh clean            (delete them; the next start regenerates)
# Files under .test-servers/tls/:
#   ca.crt ca.key                 a test CA ("smtpprobe Test CA")
#   valid.crt valid.key           mx.probe.test, SAN DNS:mx.probe.test DNS:localhost IP:127.0.0.1
#   expired.crt expired.key       mx.probe.test, signed by the CA, valid 2020-01-01..2021-01-01
#   wronghost.crt wronghost.key   wrong.example.test only, signed by the CA
#   selfsigned.crt selfsigned.key mx.probe.test, self-signed (EC P-256)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=.test-servers/tls
action=${1:-start}

case "$action" in
  stop) exit 0 ;;
  clean) rm -rf "$dir"; exit 0 ;;
  start|generate) ;;
  *) echo "usage: $0 start|generate|stop|clean" >&2; exit 64 ;;
esac

mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>openssl.err || { cat openssl.err >&2; exit 1; }; }

if [ ! -s ca.crt ] || [ ! -s ca.key ]; then
  rm -f ca.srl valid.crt expired.crt wronghost.crt
  quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
    -subj "/O=smtpprobe tests/CN=smtpprobe Test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
fi

# A leaf signed by the test CA with `openssl ca`, which (unlike `x509 -req` in OpenSSL 3.0)
# accepts an explicit validity window, so an already expired certificate can be made.
sign() { # name cn san startdate enddate
  local name=$1 cn=$2 san=$3 start=$4 end=$5
  [ -s "$name.crt" ] && [ -s "$name.key" ] && return 0
  rm -rf ca-db && mkdir ca-db && : > ca-db/index.txt
  openssl rand -hex 16 > ca-db/serial
  cat > ca-db/ca.cnf <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = ca-db/index.txt
serial = ca-db/serial
new_certs_dir = ca-db
certificate = ca.crt
private_key = ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
x509_extensions = leaf
[ any ]
commonName = supplied
organizationName = optional
[ leaf ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $san
CNF
  quiet openssl req -new -newkey rsa:2048 -nodes -keyout "$name.key" -out ca-db/req.csr \
    -subj "/O=smtpprobe tests/CN=$cn"
  quiet openssl ca -batch -config ca-db/ca.cnf -notext \
    -startdate "$start" -enddate "$end" -in ca-db/req.csr -out "$name.crt"
  rm -rf ca-db
}

sign valid mx.probe.test "DNS:mx.probe.test,DNS:localhost,IP:127.0.0.1" \
  20250101000000Z 20351231000000Z
sign expired mx.probe.test "DNS:mx.probe.test,DNS:localhost,IP:127.0.0.1" \
  20200101000000Z 20210101000000Z
sign wronghost wrong.example.test "DNS:wrong.example.test" 20250101000000Z 20351231000000Z

if [ ! -s selfsigned.crt ] || [ ! -s selfsigned.key ]; then
  quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout selfsigned.key -out selfsigned.crt -days 3650 \
    -subj "/O=smtpprobe tests/CN=mx.probe.test" \
    -addext "subjectAltName=DNS:mx.probe.test,DNS:localhost,IP:127.0.0.1"
fi
rm -f openssl.err
chmod 0644 ./*.crt
chmod 0600 ./*.key
