"""A small HTTP/1.1 load client on asyncio streams: keep-alive connections, a few cookies, no dependencies.

Only for servers this program started on the loopback address; every loop in bench/ is bounded in time.
"""

import asyncio
import re
from urllib.parse import urlencode, urlsplit

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Response:
    __slots__ = ("status", "headers", "body")

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        name = name.lower()
        return next((value for key, value in self.headers if key == name), None)

    def cookies(self):
        """name -> value of every Set-Cookie (attributes dropped)."""
        found = {}
        for key, value in self.headers:
            if key == "set-cookie":
                name, _sep, rest = value.partition("=")
                found[name.strip()] = rest.split(";", 1)[0]
        return found


def parse_head(head):
    """b'HTTP/1.1 200 OK\\r\\nA: b\\r\\n\\r\\n' -> (200, [('a', 'b')])."""
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = []
    for line in lines[1:]:
        if line:
            key, _sep, value = line.partition(":")
            headers.append((key.strip().lower(), value.strip()))
    return status, headers


class Connection:
    """One keep-alive connection; reconnects when the server closed it."""

    def __init__(self, host, port, timeout=30.0):
        if host not in LOOPBACK:
            raise ValueError("bench traffic goes to the loopback address only")
        self.host, self.port, self.timeout = host, port, timeout
        self.reader = self.writer = None
        self.connects = 0

    async def request(self, method, path, headers=(), body=b""):
        reused = self.writer is not None
        try:
            return await asyncio.wait_for(self._exchange(method, path, headers, body), self.timeout)
        except TimeoutError:
            self.close()
            raise
        except (ConnectionError, asyncio.IncompleteReadError) as exc:
            self.close()
            if not (reused and getattr(exc, "partial", b"") == b""):
                raise
        return await asyncio.wait_for(self._exchange(method, path, headers, body), self.timeout)

    async def _exchange(self, method, path, headers, body):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            self.connects += 1
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        lines += [f"{key}: {value}" for key, value in headers]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status, response_headers = parse_head(head)
        response = Response(status, response_headers, await self._body(method, status, response_headers))
        if (response.header("connection") or "").lower() == "close":
            self.close()
        return response

    async def _body(self, method, status, headers):
        values = dict(headers)
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return b""
        if "content-length" in values:
            return await self.reader.readexactly(int(values["content-length"]))
        if values.get("transfer-encoding", "").lower() == "chunked":
            return await self._chunked()
        return await self.reader.read()

    async def _chunked(self):
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Visitor:
    """A browser-like client: one connection, the cookies it is told to keep, the CSRF token of its last form."""

    def __init__(self, host, port, keep=("csrftoken", "sessionid")):
        self.connection = Connection(host, port)
        self.keep = keep
        self.cookies = {}
        self.csrf = None

    def _headers(self, extra=()):
        headers = list(extra)
        if self.cookies:
            headers.append(("Cookie", "; ".join(f"{key}={value}" for key, value in self.cookies.items())))
        return headers

    def _remember(self, response):
        for name, value in response.cookies().items():
            if name in self.keep:
                self.cookies[name] = value
        return response

    async def get(self, path):
        response = await self.connection.request("GET", path, self._headers())
        match = CSRF_INPUT.search(response.body)
        if match:
            self.csrf = match.group(1).decode()
        return self._remember(response)

    async def post_form(self, path, fields):
        """fields: a dict, or (name, value) pairs when a name repeats (the boxes of a multiple choice)."""
        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if self.csrf:
            pairs = [("csrfmiddlewaretoken", self.csrf), *pairs]
        body = urlencode(pairs).encode()
        headers = self._headers([("Content-Type", "application/x-www-form-urlencoded")])
        return self._remember(await self.connection.request("POST", path, headers, body))

    def forget(self):
        """A new browser on the same connection: no cookies, no token."""
        self.cookies = {}
        self.csrf = None

    def close(self):
        self.connection.close()


def location_path(response):
    """The path (and query) a redirect points to, whether the Location is absolute or not."""
    parts = urlsplit(response.header("location") or "")
    return parts.path + (f"?{parts.query}" if parts.query else "")
