"""A bounded load test of the web app on loopback: the pair page and the search API.

Starts ``bilat serve``'s app with uvicorn in a subprocess on a free 127.0.0.1 port, warms the
caches, then runs closed-loop httpx clients for a few seconds per target and prints requests per
second and latency percentiles.

    python benchmarks/load_test.py --db sqlite:///ru_news.db [--pair RU-US] [--seconds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import httpx

SEARCH_TERMS = ("Россия", "санкции", "переговоры", "нефть", "Китай", "визит", "газ", "торговля")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = (
        "import uvicorn; from bilat.web.app import create_app; "
        f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "BILAT_TOKEN": ""})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


async def hammer(base: str, paths: list[str], seconds: float, clients: int) -> dict:
    latencies: list[float] = []
    failures = 0
    stop = time.monotonic() + seconds

    async def worker(n: int, client: httpx.AsyncClient) -> None:
        nonlocal failures
        i = n
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            r = await client.get(paths[i % len(paths)])
            latencies.append(time.perf_counter() - t0)
            failures += r.status_code != 200
            i += clients

    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.gather(*(worker(n, client) for n in range(clients)))
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"requests": len(latencies), "failures": failures,
            "rps": round(len(latencies) / elapsed, 1), "p50_ms": round(pct(0.50), 1),
            "p95_ms": round(pct(0.95), 1), "max_ms": round(latencies[-1] * 1000, 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL")
    parser.add_argument("--pair", help="pair to load (default: the most active)")
    parser.add_argument("--seconds", type=float, default=5.0, help="per target (default 5)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(args.db, port)
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            docs = c.get("/api/documents", params={"limit": 1}).json()["total"]
            pair = args.pair or c.get("/api/pairs", params={"limit": 1}).json()["items"][0]["slug"]
            t0 = time.perf_counter()
            assert c.get(f"/pairs/{pair}").status_code == 200
            cold = (time.perf_counter() - t0) * 1000
        targets = {
            f"pair page /pairs/{pair}": [f"/pairs/{pair}"],
            "search API /api/search": [f"/api/search?q={t}&limit=20" for t in SEARCH_TERMS],
        }
        results = {"documents": docs, "pair": pair, "pair_page_cold_ms": round(cold, 1),
                   "clients": args.clients, "seconds": args.seconds}  # fmt: skip
        for name, paths in targets.items():
            results[name] = asyncio.run(hammer(base, paths, args.seconds, args.clients))
        print(json.dumps(results, ensure_ascii=False, indent=2))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
