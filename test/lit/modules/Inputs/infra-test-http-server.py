#!/usr/bin/env python3
"""A test HTTP server on 127.0.0.1 for the infra_test checks.

usage: infra-test-http-server.py DIR PORTFILE
Serves the files of DIR; /status/NNN answers status NNN; /redirect answers 302 to /index.html;
/slow answers after 5 seconds. Writes "PORT CLOSED_PORT" to PORTFILE once it listens, where
CLOSED_PORT is a port that was free a moment ago and that nothing listens on.
"""
import functools
import http.server
import os
import socket
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/status/"):
            return self.answer(int(self.path.split("/")[2]), b"status page\n")
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/index.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if self.path == "/slow":
            time.sleep(5)
            return self.answer(200, b"late\n")
        return super().do_GET()

    def answer(self, code, body):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    directory, portfile = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Handler, directory=directory))
    server.daemon_threads = True
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    closed = probe.getsockname()[1]
    probe.close()
    with open(portfile + ".tmp", "w") as f:
        f.write(f"{server.server_address[1]} {closed}\n")
    os.rename(portfile + ".tmp", portfile)
    server.serve_forever()


main()
