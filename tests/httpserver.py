"""A real HTTP server for tests: threaded `http.server` on 127.0.0.1, port 0, with routes set by each test."""
import http.server
import threading
import time
from dataclasses import dataclass, field

import pytest


@dataclass
class Reply:
    """What a route answers: status, headers, body; `delay` seconds before the headers, `trickle` seconds
    between body bytes; `length` False sends no Content-Length (the body ends when the connection closes)."""
    status: int = 200
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0
    trickle: float = 0
    length: bool = True


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - the http.server interface
        server = self.server.owner
        server.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        if server.on_request:
            server.on_request(self.path)
        route = server.routes.get(self.path, Reply(404, body=b"not found"))
        reply = route(self) if callable(route) else route
        time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if not reply.length:
                self.send_header("Connection", "close")
                self.close_connection = True
            elif "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.trickle:
                for i in range(len(reply.body)):
                    self.wfile.write(reply.body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            else:
                self.wfile.write(reply.body)
        except OSError:
            pass  # the client gave up, as timeouts and size caps make it do

    def log_message(self, *_):
        pass


class Server:
    """Routes: path (with query) -> Reply, or a callable taking the request handler and returning a Reply."""

    def __init__(self):
        self.routes, self.log, self.on_request = {}, [], None
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads, self.httpd.block_on_close = True, False
        self.httpd.owner = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def url(self, path):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def requests(self, path=None):
        """Request headers of every request (to `path`), in order."""
        return [headers for p, headers in self.log if path is None or p == path]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    with Server() as s:
        yield s
