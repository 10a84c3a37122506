#!/usr/bin/python3
"""A local web server replaying recorded answers, for the window's tests.

  tests/replay-server.py DIR

Serves the files of DIR on 127.0.0.1, on a port of the system's choosing,
which it prints as its first line ("PORT 40123"). Beside a file NAME:
  NAME.status  holds an HTTP status (503): the server answers it instead,
               with a Retry-After, as a server in trouble does;
  NAME.delay   holds seconds to wait before answering (a slow server).
Both are read at every request, so a test changes the server's mind by
writing or removing them. Every request is logged on standard error.
"""
import http.server
import pathlib
import sys
import time

root = pathlib.Path(sys.argv[1]).resolve()


def side_file(path, suffix):
    side = path.with_name(path.name + suffix)
    return side.read_text().strip() if side.is_file() else None


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(root), **kwargs)

    def do_GET(self):
        path = pathlib.Path(self.translate_path(self.path))
        delay = side_file(path, ".delay")
        if delay:
            time.sleep(float(delay))
        status = side_file(path, ".status")
        if status:
            body = b"Service Unavailable\n"
            self.send_response(int(status))
            self.send_header("Retry-After", "120")
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def guess_type(self, path):
        if str(path).endswith(".json"):
            return "application/json"
        if str(path).endswith(".csv"):
            return "text/csv"
        return super().guess_type(path)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"PORT {server.server_address[1]}", flush=True)
server.serve_forever()
