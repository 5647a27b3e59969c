#!/usr/bin/env python3
"""regnet serve against the CLI and against bad clients (issue 11), on 127.0.0.1 only.

The same report bytes as regnet analyze / compare with the same options; the
cache (normalised queries, hits under 5 ms); the option table's messages in
400s; unknown parameters, level=9, huge query strings, ../ and encoded
traversal, no directory listing, HEAD/POST/OPTIONS/PUT, a request body, a slow
client, clients that disconnect mid-response or while queued, a full queue
(503 with Retry-After); a clean stop on SIGTERM.
Usage: serve_test.py REGNET   (from the project root)"""
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REGNET = sys.argv[1]
KEEP = "data/keep-2014-2020.json"
KEEP_ALL = "data/keep-2000-2020.json"
PASS = FAIL = 0


def check(name, ok, detail=""):
    global PASS, FAIL
    if ok:
        PASS += 1
    else:
        FAIL += 1
        print(f"FAIL: {name} {detail}")


def start(dataset, *extra):
    p = subprocess.Popen([REGNET, "serve", "--dataset", dataset, "--port", "0", *extra],
                         stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        raise SystemExit(f"regnet serve printed {line!r}")
    return p, int(m.group(1))


def get(port, path, method="GET", body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict(r.getheaders()), data


def raw(port, request, wait=5.0):
    """Sends request bytes as they are; returns what came back before the close."""
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    s.sendall(request)
    chunks = []
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return b"".join(chunks)


def cli(command, args, tmp, name):
    out = os.path.join(tmp, name)
    subprocess.run([REGNET, command, "-q", "--output", out, *args], check=True)
    return out


tmp = tempfile.mkdtemp()
server, port = start(KEEP)
try:
    # --- the same bytes as the CLI ------------------------------------------------------
    cases = [("network=region&level=2", ["--network", "region", "--level", "2"]),
             ("network=org&group=sector&permutations=200", ["--network", "org", "--group", "sector", "--permutations", "200"]),
             ("level=1&group=country&bridges=1", ["--level", "1", "--group", "country", "--bridges"]),
             ("network=country&programmes=danube%7Calpine&alpha=0", ["--network", "country", "--programmes", "danube|alpine", "--alpha", "0"]),
             ("themes=%5ETO1+&weight=newman", ["--themes", "^TO1 ", "--weight", "newman"]),
             ("network=country&format=gexf", ["--network", "country", "--format", "gexf"]),
             ("network=country&format=graphml", ["--network", "country", "--format", "graphml"])]
    for k, (query, args) in enumerate(cases):
        status, headers, body = get(port, "/api/analyze?" + query)
        want = open(cli("analyze", ["--dataset", KEEP, *args], tmp, f"a{k}"), "rb").read()
        check(f"analyze {query}: the CLI's bytes", status == 200 and body == want,
              f"{status} {len(body)} vs {len(want)}")
    status, headers, body = get(port, "/api/describe")
    want = open(cli("describe", ["--dataset", KEEP], tmp, "describe.json"), "rb").read()
    check("describe: the bytes of regnet describe", status == 200 and body == want,
          f"{status} {len(body)} vs {len(want)}")
    status, headers, body = get(port, "/api/analyze?network=country&format=csv&file=edges.csv")
    folder = cli("analyze", ["--dataset", KEEP, "--network", "country", "--format", "csv"], tmp, "csv")
    check("format=csv&file=edges.csv: the CLI's edges.csv", status == 200 and body == open(os.path.join(folder, "edges.csv"), "rb").read())
    check("a CSV is offered as a download", headers.get("Content-Disposition") == 'attachment; filename="edges.csv"', str(headers))
    status, _, body = get(port, "/api/analyze?network=country&format=csv&file=x.csv")
    check("an unknown file of a folder format: 404", status == 404 and b"'nodes.csv', 'edges.csv'" in body, body)

    # --- the cache ---------------------------------------------------------------------------
    get(port, "/api/analyze?network=region&level=2")
    status, headers, _ = get(port, "/api/analyze?level=2&network=region")
    check("parameters in another order: a cache hit", headers.get("X-Regnet-Cache") == "hit", str(headers))
    status, headers, _ = get(port, "/api/analyze?network=region&level=2&alpha=1.0")
    status2, headers2, _ = get(port, "/api/analyze?network=region&level=2&alpha=1")
    check("numbers normalised: alpha=1.0 and alpha=1 share an entry", headers2.get("X-Regnet-Cache") == "hit")
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    size = len(get(port, "/api/analyze?network=region&level=2")[2])
    times = []
    for _ in range(50):
        t = time.perf_counter()
        c.request("GET", "/api/analyze?network=region&level=2")
        r = c.getresponse()
        r.read()
        times.append((time.perf_counter() - t) * 1000)
    c.close()
    p50 = statistics.median(times)
    print(f"cached NUTS2 report ({size} bytes) p50 {p50:.2f} ms, max {max(times):.2f} ms")
    check("cached answers under 5 ms (median of 50)", p50 < 5, f"{p50:.2f} ms")

    # --- the option table's messages ---------------------------------------------------------
    def error_of(path):
        status, headers, body = get(port, path)
        try:
            return status, json.loads(body)["error"], headers
        except Exception:
            return status, body, headers

    def cli_error(args):
        p = subprocess.run([REGNET, "analyze", "-q", "--dataset", KEEP, "--output", os.path.join(tmp, "x"), *args],
                           capture_output=True, text=True)
        return p.stderr.strip()

    for query, args in [("level=9", ["--level", "9"]), ("level=two", ["--level", "two"]),
                        ("alpha=nan", ["--alpha", "nan"]), ("network=city", ["--network", "city"]),
                        ("programmes=%5B", ["--programmes", "["]), ("runs=0", ["--runs", "0"]),
                        ("bridges=1", ["--bridges"])]:
        status, message, headers = error_of("/api/analyze?" + query)
        want = cli_error(args).removeprefix("regnet: ")
        # an option's value: the same message, the option named without "--"
        check(f"{query}: 400 with the CLI's message", status == 400 and want in (message, "--" + message) and
              headers.get("Content-Type") == "application/json", f"{status} {message!r} vs {want!r}")
    status, message, _ = error_of("/api/analyze?level=9")
    check("level=9 pinned", message == "level 9 is outside 0-3; expected a NUTS level", message)
    status, message, _ = error_of("/api/analyze?foo=1")
    check("an unknown parameter: 400 naming the parameters", status == 400 and message.startswith("unknown parameter 'foo' of /api/analyze; expected alpha, betweenness-sample, bridges"), message)
    for name in ["dataset=x", "output=x", "threads=1", "nuts-edition=2016", "quiet=1", "periods=a,b", "l=1"]:
        status, message, _ = error_of("/api/analyze?" + name)
        check(f"{name}: not a parameter of /api/analyze", status == 400 and message.startswith("unknown parameter"), message)
    status, message, _ = error_of("/api/analyze?level=2&level=3")
    check("a repeated parameter: 400", status == 400 and "given twice" in message, message)
    status, message, _ = error_of("/api/analyze?level=%ZZ")
    check("bad URL encoding: 400", status == 400, f"{status} {message}")
    status, message, _ = error_of("/api/analyze?period=2007-2013")
    check("a period the data lack: 400 from the run", status == 400 and "2007-2013" in message, message)
    status, message, _ = error_of("/api/compare?periods=2014-2020")
    check("compare validates its periods", status == 400 and message == "compare: --periods needs 2 to 32 periods, found '2014-2020'", message)
    status, message, _ = error_of("/api/compare?periods=a,b&weight=newman")
    check("analyze-only parameters refused by compare", status == 400 and message.startswith("unknown parameter 'weight' of /api/compare"), message)
    status, message, _ = error_of("/api/nothing")
    check("an unknown API: 404", status == 404, f"{status}")

    # --- huge query strings and requests ------------------------------------------------------
    status, message, _ = error_of("/api/analyze?themes=" + "x" * 5000)
    check("a 5 kB query string: 414", status == 414 and "expected at most 4096" in message, f"{status} {message}")
    reply = raw(port, b"GET /api/analyze?themes=" + b"x" * 200000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    check("a 200 kB request line: refused or closed, no 200", not reply.startswith(b"HTTP/1.1 200"), reply[:80])
    reply = raw(port, b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"y" * 100000 + b"\r\n\r\n")
    check("100 kB of headers: refused or closed, no 200", not reply.startswith(b"HTTP/1.1 200"), reply[:80])
    check("the server still answers", get(port, "/api/describe")[0] == 200)

    # --- the page's files only ------------------------------------------------------------------
    status, headers, body = get(port, "/")
    check("/ is the page", status == 200 and b"<title>regnet" in body and "Content-Security-Policy" in headers)
    for path in ["/dist/app.js", "/data/nuts-points.json", "/app.css"]:
        check(f"{path} served", get(port, path)[0] == 200)
    for path in ["/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/dist/..%2f..%2fCMakeLists.txt",
                 "/%2e%2e%2f%2e%2e%2fCMakeLists.txt", "/dist/%2e%2e/%2e%2e/CMakeLists.txt",
                 "/..%5c..%5cCMakeLists.txt", "/%252e%252e/CMakeLists.txt", "/dist/", "/data", "/dist",
                 "/node_modules/sigma/package.json", "/package.json", "/build.mjs", "/src/app.js",
                 "/.gitignore", "/index.html%00.css", "/dist/../../CMakeLists.txt", "//etc/passwd"]:
        reply = raw(port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        status_line = reply.split(b"\r\n", 1)[0]
        check(f"{path}: not served", b" 200 " not in status_line and b"cmake_minimum_required" not in reply
              and b"\"name\"" not in reply and b"root:" not in reply, status_line)

    # --- methods and bodies ----------------------------------------------------------------------
    status, headers, body = get(port, "/api/describe", method="HEAD")
    check("HEAD: headers, no body", status == 200 and body == b"" and int(headers.get("Content-Length", 0)) > 0, str(headers))
    for method in ["POST", "OPTIONS", "PUT", "DELETE", "PATCH"]:
        status, headers, body = get(port, "/api/analyze", method=method)
        check(f"{method}: 405 with Allow", status == 405 and headers.get("Allow") == "GET, HEAD", f"{status} {headers}")
    reply = raw(port, b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n", wait=3)
    check("POST announcing 1 GB: 405 at once, the body unread", reply.startswith(b"HTTP/1.1 405"), reply[:60])
    reply = raw(port, b"GET /api/describe HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", wait=3)
    check("GET with a body: 413 at once, the connection closed", reply.startswith(b"HTTP/1.1 413"), reply[:60])
    reply = raw(port, b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", wait=3)
    check("a chunked POST: 405 at once", reply.startswith(b"HTTP/1.1 405"), reply[:60])

    # --- a slow client ----------------------------------------------------------------------------
    slow = socket.create_connection(("127.0.0.1", port), timeout=30)
    slow.sendall(b"GET /api/describe HTTP/1.1\r\nHost: x\r\n")  # never ends its headers
    t = time.time()
    check("another client is served meanwhile", get(port, "/api/describe")[0] == 200)
    try:
        closed = slow.recv(100) == b""
    except (ConnectionResetError, socket.timeout):
        closed = True
    waited = time.time() - t
    slow.close()
    check("a slow client is closed after the header time limit", closed and 8 <= waited <= 15, f"{closed} {waited:.1f} s")
    idle = socket.create_connection(("127.0.0.1", port), timeout=30)  # sends nothing at all
    t = time.time()
    try:
        closed = idle.recv(100) == b""
    except (ConnectionResetError, socket.timeout):
        closed = True
    check("an idle connection is closed too", closed and time.time() - t <= 15, f"{time.time() - t:.1f} s")
    idle.close()

    # --- clients that go away ----------------------------------------------------------------------
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/analyze?network=org&seed=7 HTTP/1.1\r\nHost: x\r\n\r\n")  # uncached: queued
    s.close()
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/analyze?network=org&seed=8 HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(10)  # the first bytes of the answer, then away
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()  # reset mid-response
    status, headers, body = get(port, "/api/analyze?network=org&seed=7")
    check("a query whose client left is still answered (and cached)", status == 200 and len(body) > 100000, f"{status}")
    check("the server still answers after clients went away", get(port, "/api/describe")[0] == 200)
finally:
    server.send_signal(signal.SIGTERM)
    out, _ = server.communicate(timeout=60)
check("SIGTERM: a clean stop (exit 0)", server.returncode == 0 and "stopped" in out, f"{server.returncode} {out!r}")

# --- compare, and a full queue ---------------------------------------------------------------------
server, port = start(KEEP_ALL, "--queue", "1")
try:
    status, headers, body = get(port, "/api/compare?periods=2007-2013,2014-2020&level=1&top=5")
    want = open(cli("compare", ["--dataset", KEEP_ALL, "--periods", "2007-2013,2014-2020", "--level", "1", "--top", "5"], tmp, "c.json"), "rb").read()
    check("compare: the CLI's bytes", status == 200 and body == want, f"{status} {len(body)} vs {len(want)}")
    status, headers, body = get(port, "/api/compare?periods=2007-2013,2014-2020&network=country&format=csv&file=comparison.csv")
    folder = cli("compare", ["--dataset", KEEP_ALL, "--periods", "2007-2013,2014-2020", "--network", "country", "--format", "csv"], tmp, "ccsv")
    check("compare format=csv: the CLI's comparison.csv", status == 200 and body == open(os.path.join(folder, "comparison.csv"), "rb").read())
    results = []

    def ask(seed):
        results.append(get(port, f"/api/analyze?network=region&level=3&group=country&top={seed}"))
    threads = [threading.Thread(target=ask, args=(s,)) for s in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(r[0] for r in results)
    busy = [r for r in results if r[0] == 503]
    check("a full queue answers 503 at once, the others 200", statuses.count(200) >= 2 and busy, str(statuses))
    check("503 carries Retry-After and a JSON error", all(r[1].get("Retry-After") == "2" and json.loads(r[2])["status"] == 503 for r in busy))
finally:
    server.send_signal(signal.SIGINT)
    out, _ = server.communicate(timeout=120)
check("SIGINT: a clean stop (exit 0)", server.returncode == 0 and "stopped" in out, f"{server.returncode}")

# --- usage errors of the command ---------------------------------------------------------------------
p = subprocess.run([REGNET, "serve"], capture_output=True, text=True)
check("serve without --dataset: exit 2", p.returncode == 2 and p.stderr.strip() == "regnet: serve: --dataset is required (see regnet serve --help)", p.stderr)
p = subprocess.run([REGNET, "serve", "--dataset", KEEP, "--bind", "localhost", "--port", "0"], capture_output=True, text=True)
check("--bind not an IP: exit 2", p.returncode == 2 and "--bind 'localhost' is not an IP address" in p.stderr, p.stderr)
p = subprocess.run([REGNET, "serve", "--dataset", KEEP, "--port", "70000"], capture_output=True, text=True)
check("--port 70000: exit 2", p.returncode == 2 and p.stderr.strip() == "regnet: --port 70000 is outside 0-65535; expected a TCP port", p.stderr)
p = subprocess.run([REGNET, "serve", "--dataset", KEEP, "--queue", "0"], capture_output=True, text=True)
check("--queue 0: exit 2", p.returncode == 2 and p.stderr.strip() == "regnet: --queue 0 is outside 1-1000; expected a queue length", p.stderr)
print(f"serve: {PASS} passed, {FAIL} failed")
sys.exit(1 if FAIL else 0)
