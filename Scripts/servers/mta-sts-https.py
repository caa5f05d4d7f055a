"""An HTTPS server on 127.0.0.1 serving MTA-STS policies (RFC 8461 3.3) for the tests.

Usage: python3 mta-sts-https.py CERT KEY PORTFILE
Binds an ephemeral port, writes it to PORTFILE, then serves until killed. The policy depends
on the Host header (mta-sts.DOMAIN), so one server covers every sts-*.test domain of
Scripts/servers/dnsmasq-mtasts.conf. Started by Scripts/servers/https.sh.
"""
import http.server
import ssl
import sys

PATH = "/.well-known/mta-sts.txt"
# Host -> (status, headers, body, chunked)
POLICIES = {
    "mta-sts.sts-enforce.test": (
        200, {"Content-Type": "text/plain"},
        "version: STSv1\r\nmode: enforce\r\nmx: mx.probe.test\r\nmax_age: 604800\r\n", False),
    "mta-sts.sts-mismatch.test": (
        200, {"Content-Type": "text/plain; charset=utf-8"},
        "version: STSv1\r\nmode: enforce\r\nmx: *.elsewhere.test\r\nmax_age: 1209600\r\n",
        False),
    "mta-sts.sts-testing.test": (
        200, {"Content-Type": "text/plain"},
        "version: STSv1\r\nmode: testing\r\nmx: *.probe.test\r\nmax_age: 86400\r\n", True),
    "mta-sts.sts-redirect.test": (
        301, {"Location": "https://mta-sts.sts-enforce.test" + PATH,
              "Content-Type": "text/plain"}, "moved\r\n", False),
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        status, headers, body, chunked = POLICIES.get(
            host, (404, {"Content-Type": "text/plain"}, "not found\r\n", False))
        if self.path != PATH:
            status, headers, body, chunked = 404, {"Content-Type": "text/plain"}, "no\r\n", False
        data = body.encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if chunked:
            # Two chunks, so the client must join them.
            half = len(data) // 2
            for piece in (data[:half], data[half:]):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.wfile.write(data)
        self.close_connection = True

    def log_message(self, format, *args):
        sys.stderr.write("%s %s\n" % (self.headers.get("Host"), format % args))


def main():
    cert, key, portfile = sys.argv[1:4]
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.replace(portfile + ".tmp", portfile)
    server.serve_forever()


if __name__ == "__main__":
    main()
