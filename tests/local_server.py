"""Real HTTP servers on 127.0.0.1 for the tests: over a folder, for map tiles, or any handler."""
from __future__ import annotations

import functools
import threading
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# A 1x1 transparent PNG: what the local tile server answers for every tile.
TILE = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                     "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that closes a connection early (a tile no longer needed) is fine


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def answering(body: bytes, content_type: str) -> type[BaseHTTPRequestHandler]:
    """A handler that answers every GET with the same body."""
    class Answer(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass
    return Answer


TileHandler = answering(TILE, "image/png")


class LocalServer:
    """Serves a folder (the built site), tiles (no folder), or a given request handler."""

    def __init__(self, folder: Path | None = None, handler=None):
        if handler is None:
            handler = functools.partial(QuietHandler, directory=str(folder)) if folder else TileHandler
        self.server = QuietServer(("127.0.0.1", 0), handler)
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        self.url = f"http://{self.host}/"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
