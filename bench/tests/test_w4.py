"""W4's tables from figures, without a server: the goals are read the way the brief states them."""

from bench.run import render
from bench.workloads import w4


def _latency(p95, non_2xx=0):
    return {
        "requests": 100,
        "p50_ms": p95 / 2,
        "p95_ms": p95,
        "non_2xx": non_2xx,
        "errors": 0,
        "cpu_ms_per_request": 10.0,
        "cpu_seconds": {"server": 1.0, "postgres": 0.1, "client": 0.1, "other": 0.0, "wall": 12.0, "cores": 2},
    }


def _figures(large_p95=12.0, large_queries=7, large_bytes=20_000):
    names = [*w4.LISTS, *w4.EXTRA]
    small = {name: {"status": 200, "queries": 7, "bytes": 10_000} for name in names}
    large = {name: {"status": 200, "queries": large_queries, "bytes": large_bytes} for name in names}
    latency = {name: {"small": _latency(10.0), "large": _latency(large_p95)} for name in names}
    return {"queries": {"small": small, "large": large}, "latency": latency}


def _met(tables, title, check):
    rows = dict(tables)[title]
    return next(row["ok"] for row in rows if row["check"].startswith(check))


def test_a_table_per_list_with_the_goals_met():
    tables = w4.tables_of(_figures())
    assert [title for title, _rows in tables] == [
        f"W4 {t}" for t in [*w4.LISTS.values(), "Public e-petitions, most signed first"]
    ]
    for title, rows in tables:
        assert all(row["ok"] in (True, None) for row in rows), title
        assert title in render(title, rows)
    workspace = dict(tables)["W4 Staff: results workspace, inputs"]
    assert workspace[0]["check"] == "queries per request at 10 / 10,000"


def test_growth_more_queries_and_big_pages_miss_the_goals():
    tables = w4.tables_of(_figures(large_p95=16.0, large_queries=8, large_bytes=150_000))
    assert _met(tables, "W4 Public e-petitions", "p95(1,000) / p95(10)") is False
    assert _met(tables, "W4 Public e-petitions", "queries per request") is False
    assert _met(tables, "W4 Public e-petitions", "HTML kB") is False
    assert _met(tables, "W4 Public e-petitions, most signed first", "p95(1,000)") is None  # for information
