"""The load client's parsing and the statistics, without any server: `pytest bench/tests`."""

import asyncio

import pytest

from bench.load import Signers
from bench.loadclient import Connection, Response, parse_head
from bench.stats import Recorder, count_lag, percentile


def test_percentile_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.99) == 99
    assert percentile([7], 0.99) == 7
    assert percentile([], 0.5) is None


def test_head_and_cookies():
    status, headers = parse_head(
        b"HTTP/1.1 302 Found\r\nLocation: /tack/\r\nSet-Cookie: csrftoken=abc; Path=/\r\n"
        b"Set-Cookie: messages=x; HttpOnly\r\n\r\n"
    )
    response = Response(status, headers, b"")
    assert status == 302
    assert response.header("LOCATION") == "/tack/"
    assert response.cookies() == {"csrftoken": "abc", "messages": "x"}


def _read(raw, method="GET"):
    async def go():
        connection = Connection("127.0.0.1", 1)
        connection.reader = asyncio.StreamReader()
        connection.reader.feed_data(raw)
        connection.reader.feed_eof()
        head = await connection.reader.readuntil(b"\r\n\r\n")
        status, headers = parse_head(head)
        return await connection._body(method, status, headers)

    return asyncio.run(go())


def test_body_by_length_chunked_and_head():
    assert _read(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA") == b"hello"
    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
    assert _read(chunked) == b"abcde"
    assert _read(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", method="HEAD") == b""


def test_only_loopback():
    with pytest.raises(ValueError):
        Connection("192.0.2.1", 80)


def test_recorder_window_and_errors():
    recorder = Recorder("x", window_start=1.0, window_end=3.0)
    recorder.add(0.5, 0.1, 200)  # warm-up: counted in statuses, not in figures
    recorder.add(1.0, 0.2, 200)
    recorder.add(2.0, 0.4, 503)
    recorder.add(2.5, 0.1, error=TimeoutError())
    summary = recorder.summary()
    assert summary["requests"] == 3
    assert summary["statuses"] == {"200": 2, "503": 1}
    assert summary["server_errors"] == 1
    assert summary["errors"] == {"TimeoutError": 1}
    assert summary["seconds"] == 1.6  # 2.6 (last done) - 1.0
    assert summary["p99_ms"] == 400.0


def test_count_lag():
    accepted = [1.0, 2.0, 3.0]
    assert count_lag(accepted, [(2.5, 2), (4.0, 3)]) == 0.0
    assert count_lag(accepted, [(5.0, 1)]) == 3.0  # the second signature (2.0) is missing at 5.0
    assert count_lag(accepted, [(0.5, 0)]) == 0.0


def test_signers_duplicates_race_in_flight():
    signers = Signers("p-", duplicate_share=0.5, seed=3)
    first, _duplicate = signers.take()
    signers.in_flight.add(first)
    taken = [signers.take() for _ in range(200)]
    duplicates = [index for index, duplicate in taken if duplicate]
    assert 60 < len(duplicates) < 140
    assert set(duplicates) == {first}
    assert signers.email(4) == "p-4@d4.bench.example"


def test_signers_end_with_sessions():
    signers = Signers("p-", sessions=["a", "b"])
    assert [signers.take(), signers.take(), signers.take()] == [(0, False), (1, False), None]
