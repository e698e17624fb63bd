"""A Nominatim-compatible HTTP server on 127.0.0.1 for the geocoding tests.

Each test hands it a function that turns the request's parameters into an answer, so
answers, delays, 429s, 500s and garbage are all real HTTP seen by the real geopy client.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from local_server import LocalServer


@dataclass
class Reply:
    status: int = 200
    body: object = field(default_factory=list)  # JSON-serialisable, or bytes sent as they are
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


def place(lat: float, lon: float, *, rank: int = 30, addresstype: str = "house", country: str = "de",
          name: str = "Gefundener Ort") -> list[dict]:
    """One Nominatim search result in the jsonv2 shape geopy reads."""
    return [{"lat": str(lat), "lon": str(lon), "display_name": name, "place_rank": rank,
             "addresstype": addresstype, "type": addresstype, "address": {"country_code": country}}]


class LocalGeocoder:
    def __init__(self, respond: Callable[[dict], Reply]):
        self.respond = respond
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                params = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                params["_user_agent"] = self.headers.get("User-Agent", "")
                outer.requests.append(params)
                reply = outer.respond(params)
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (timeout tests)

            def log_message(self, *args):
                pass

        self.server = LocalServer(handler=Handler)
        self.domain = self.server.host

    def __enter__(self):
        self.server.__enter__()
        return self

    def __exit__(self, *exc):
        self.server.__exit__(*exc)
