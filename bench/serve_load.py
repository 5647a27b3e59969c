#!/usr/bin/env python3
"""Bounded load test of regnet serve (issue 11), 127.0.0.1 only, stops by itself.

REQUESTS requests (default 2000) from CONCURRENCY clients (default 16), each
with its own keep-alive connection: a mix of cached answers (the NUTS 2
report and a few others, asked again and again) and uncached ones (country
networks with distinct --top values, each asked once, then again).  Fails when
any request fails, when the cached median exceeds 5 ms, or when memory grows
across repeated identical queries.  Prints p50/p99 per kind and the server's
peak memory (VmHWM) for bench/RESULTS.md.
Usage: serve_load.py REGNET [REQUESTS] [CONCURRENCY]   (from the project root)"""
import http.client
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

REGNET = sys.argv[1]
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
CONCURRENCY = int(sys.argv[3]) if len(sys.argv) > 3 else 16
DEADLINE = 600  # seconds: the test stops by itself

server = subprocess.Popen([REGNET, "serve", "--dataset", "data/keep-2014-2020.json", "--bind", "127.0.0.1",
                           "--port", "0"], stdout=subprocess.PIPE, text=True)
port = int(re.search(r"127\.0\.0\.1:(\d+)/", server.stdout.readline()).group(1))


def memory(field):
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith(field):
            return int(line.split()[1])  # kB
    return 0


hot = ["/api/analyze?network=region&level=2", "/api/analyze?network=country",
       "/api/analyze?network=sector", "/api/analyze?network=region&level=1&group=country",
       "/api/describe", "/"]
random.seed(1)
plan = []
uncached = 0
for k in range(REQUESTS):
    if k % 10 == 5:  # one in ten: a query not asked before (then cached)
        plan.append(("uncached", f"/api/analyze?network=country&top={uncached}"))
        uncached += 1
    else:
        plan.append(("cached", random.choice(hot)))
# warm the hot queries so that "cached" means cached
c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
for path in hot:
    c.request("GET", path)
    c.getresponse().read()
c.close()

results = []  # (kind, status, ms)
lock = threading.Lock()
cursor = iter(enumerate(plan))
start = time.time()


def client():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.time() - start < DEADLINE:
        with lock:
            item = next(cursor, None)
        if item is None:
            break
        _, (kind, path) = item
        t = time.perf_counter()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            status = str(e)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        with lock:
            results.append((kind, status, (time.perf_counter() - t) * 1000))
    conn.close()


threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
peak = memory("VmHWM")

# memory across repeated identical queries (cached): no growth
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
def repeat(n):
    for _ in range(n):
        c.request("GET", "/api/analyze?network=region&level=2")
        c.getresponse().read()
repeat(300)
rss_before = memory("VmRSS")
repeat(2000)
rss_after = memory("VmRSS")
c.close()
server.send_signal(signal.SIGTERM)
server.wait(timeout=60)

failed = [r for r in results if r[1] != 200]
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
print(f"{len(results)} requests, {CONCURRENCY} concurrent, {elapsed:.1f} s ({len(results) / elapsed:.0f} req/s), "
      f"{len(failed)} failed")
ok = len(results) == REQUESTS and not failed
for kind in ["cached", "uncached"]:
    ms = [r[2] for r in results if r[0] == kind]
    if ms:
        print(f"  {kind:8s} {len(ms):5d} requests: p50 {pct(ms, 50):.2f} ms, p99 {pct(ms, 99):.2f} ms, max {max(ms):.2f} ms")
cached_p50 = pct([r[2] for r in results if r[0] == "cached"], 50)
print(f"  peak memory (VmHWM) {peak / 1024:.1f} MiB; RSS over 2000 repeated identical queries: "
      f"{rss_before / 1024:.1f} -> {rss_after / 1024:.1f} MiB")
if failed:
    print("FAIL: failed requests:", failed[:5])
if cached_p50 >= 5:
    print(f"FAIL: cached median {cached_p50:.2f} ms, expected under 5 ms")
    ok = False
if rss_after - rss_before > 4096:
    print("FAIL: memory grows across repeated identical queries")
    ok = False
print(f"serve_load: {1 if ok else 0} passed, {0 if ok else 1} failed")
sys.exit(0 if ok else 1)
