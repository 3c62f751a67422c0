"""A local SMTP server that accepts every message and remembers whom it was for.

For tests and benchmarks that send real mail through Django's SMTP backend: it speaks enough SMTP for
smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and listens on 127.0.0.1 only.

    with SmtpSink(delay=0.005) as sink:
        ...  # EMAIL_HOST=127.0.0.1 EMAIL_PORT=sink.port
    Counter(sink.recipients)
"""

import contextlib
import socketserver
import threading
import time


class _Session(socketserver.StreamRequestHandler):
    def handle(self):
        with contextlib.suppress(ConnectionError):  # a client killed mid-session: nothing to answer
            self._converse()

    def _converse(self):
        sink, rcpt = self.server.sink, []
        self._reply("220 delaktig-sink ESMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self._reply("250 delaktig-sink")
            elif verb == b"MAIL":
                rcpt = []
                self._reply("250 OK")
            elif verb == b"RCPT":
                rcpt.append(line.split(b":", 1)[1].strip().strip(b"<>").decode())
                self._reply("250 OK")
            elif verb == b"DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                if sink.delay:
                    time.sleep(sink.delay)
                sink.accept(rcpt)
                self._reply("250 OK: queued")
            elif verb == b"QUIT":
                self._reply("221 Bye")
                return
            else:  # RSET, NOOP and anything else
                self._reply("250 OK")

    def _reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpSink:
    def __init__(self, *, port=0, delay=0.0, on_accept=None):
        """on_accept(count) is called with the lock held after each message is taken, before the client
        hears that it was: a benchmark can kill the sending process at exactly that moment."""
        self.delay = delay
        self.on_accept = on_accept
        self.recipients = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", port), _Session)
        self._server.sink = self
        self.port = self._server.server_address[1]

    def accept(self, rcpt):
        with self._lock:
            self.recipients.extend(rcpt)
            if self.on_accept:
                self.on_accept(len(self.recipients))

    @property
    def count(self):
        with self._lock:
            return len(self.recipients)

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, name="smtp sink", daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
