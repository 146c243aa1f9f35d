#!/usr/bin/env python3
"""Online reindex demo (docs/operations.md, "Online rebuilds").

Against a running server: seeds N scalar events through events.add_batch, starts `ops reindex` (online), and while
it runs keeps writing a few live events and polls events.scalar_metrics_iter_histogram and events.get_task_log,
printing every answer's status, size and latency. Then checks that every live event written during the reindex is
found, and runs `ops replay --check-only` (replay equivalence). Python 3 standard library only.

  python3 tools/online-reindex/demo.py --api http://127.0.0.1:18108 --key KEY --secret SECRET \
      --data-dir /tmp/x-data --jar server/target/xstore-server-exec.jar [--events 1000000]
"""
import argparse
import base64
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BATCH = 1000
VARIANTS = 10


def call(api, path, body, token=None, auth=None, content="application/json", raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(api + path, data=data, method="POST" if data else "GET")
    req.add_header("Content-Type", content)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if auth:
        req.add_header("Authorization", auth)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            status, text = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    return status, json.loads(text or b"{}"), (time.perf_counter() - started) * 1000


def log(line):
    print(time.strftime("%H:%M:%S") + "  " + line, flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--api", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--secret", required=True)
    p.add_argument("--data-dir", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--poll-every", type=float, default=1.0)
    p.add_argument("--writers", type=int, default=4, help="concurrent add_batch calls while seeding")
    a = p.parse_args()

    basic = "Basic " + base64.b64encode(f"{a.key}:{a.secret}".encode()).decode()
    status, body, _ = call(a.api, "/auth.login", None, auth=basic)
    token = body["data"]["token"]
    _, body, _ = call(a.api, "/tasks.create", {"name": f"online reindex demo {int(time.time())}",
                                                  "type": "training"}, token)
    task = body["data"]["id"]
    log(f"task {task}: seeding {a.events} scalar events ({VARIANTS} variants of 'loss'), batches of {BATCH}, "
        f"{a.writers} writers")

    started = time.perf_counter()
    progress = {"sent": 0, "last": started}
    lock = threading.Lock()

    def seed(first):
        lines = []
        for n in range(first, min(first + BATCH, a.events)):
            variant, it = n % VARIANTS, n // VARIANTS
            lines.append(json.dumps({"task": task, "type": "training_stats_scalar", "metric": "loss",
                                     "variant": f"v{variant}", "iter": it, "value": 1.0 / (it + 1),
                                     "timestamp": 1_700_000_000_000 + it}))
        lines.append(json.dumps({"task": task, "type": "log", "level": "info", "msg": f"batch {first // BATCH}",
                                 "timestamp": 1_700_000_000_000 + first}))
        status, body, _ = call(a.api, "/v2.23/events.add_batch", None, token,
                               content="application/json-lines", raw=("\n".join(lines) + "\n").encode())
        if status != 200:
            raise SystemExit(f"events.add_batch answered {status}: {body}")
        with lock:
            progress["sent"] += len(lines) - 1
            now = time.perf_counter()
            if now - progress["last"] > 10:
                progress["last"] = now
                log(f"seeded {progress['sent']} of {a.events} ({progress['sent'] / (now - started):.0f} events/s)")

    with ThreadPoolExecutor(a.writers) as pool:
        list(pool.map(seed, range(0, a.events, BATCH)))
    sent = progress["sent"]
    seed_s = time.perf_counter() - started
    log(f"seeded {sent} scalar events in {seed_s:.1f} s ({sent / seed_s:.0f} events/s)")

    done = threading.Event()
    reads = []
    live_acked = [0]

    def reindex():
        proc = subprocess.Popen(["java", "-jar", a.jar, "ops", "reindex", "--data-dir=" + a.data_dir],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def pump(stream, prefix):
            for line in stream:
                log(prefix + line.rstrip())
        t = threading.Thread(target=pump, args=(proc.stderr, "[ops reindex] "))
        t.start()
        summary = proc.stdout.read().strip()
        proc.wait()
        t.join()
        log(f"[ops reindex] exit {proc.returncode}: {summary}")
        results["reindex"] = (proc.returncode, summary)
        done.set()

    results = {}
    reindex_started = time.perf_counter()
    threading.Thread(target=reindex).start()
    i = 0
    while not done.is_set():
        it = 10_000_000 + i
        line = json.dumps({"task": task, "type": "training_stats_scalar", "metric": "live", "variant": "during",
                           "iter": it, "value": float(i), "timestamp": 1_800_000_000_000 + i})
        status, _, write_ms = call(a.api, "/v2.23/events.add_batch", None, token,
                                   content="application/json-lines", raw=(line + "\n").encode())
        if status == 200:
            live_acked[0] += 1
        s1, h, ms1 = call(a.api, "/events.scalar_metrics_iter_histogram", {"task": task, "samples": 2000}, token)
        s2, lg, ms2 = call(a.api, "/events.get_task_log", {"task": task, "batch_size": 100}, token)
        points = sum(len(v.get("x", [])) for m in h.get("data", {}).values() if isinstance(m, dict)
                     for v in m.values() if isinstance(v, dict))
        series = sum(len(m) for m in h.get("data", {}).values() if isinstance(m, dict))
        logs = len(lg.get("data", {}).get("events", []))
        reads.append((s1, ms1, s2, ms2))
        log(f"read {i:3d}: scalar_metrics_iter_histogram {s1} {ms1:6.0f} ms ({series} series, {points} points); "
            f"get_task_log {s2} {ms2:5.0f} ms ({logs} events); add_batch {status} {write_ms:.0f} ms")
        i += 1
        time.sleep(a.poll_every)
    reindex_s = time.perf_counter() - reindex_started

    status, body, _ = call(a.api, "/events.scalar_metrics_iter_raw", {
        "task": task, "metric": {"metric": "live", "variants": ["during"]}, "count_total": True,
        "batch_size": 10}, token)
    found = body.get("data", {}).get("total")
    status, h, _ = call(a.api, "/events.scalar_metrics_iter_histogram", {"task": task, "samples": 6000}, token)
    variants = len(h.get("data", {}).get("loss", {}))

    replay = subprocess.run(["java", "-jar", a.jar, "ops", "replay", "--check-only", "--data-dir=" + a.data_dir],
                            capture_output=True, text=True)
    log(f"[ops replay --check-only] exit {replay.returncode}: {replay.stdout.strip()}")

    ok = [r for r in reads if r[0] == 200 and r[2] == 200]
    hist_ms = sorted(r[1] for r in reads)
    log_ms = sorted(r[3] for r in reads)

    def pct(values, q):
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    print()
    print("## summary")
    print(f"- seeded: {sent} scalar events in {seed_s:.1f} s ({sent / seed_s:.0f} events/s)")
    print(f"- reindex: exit {results['reindex'][0]}, {reindex_s:.1f} s wall: {results['reindex'][1]}")
    print(f"- reads during the reindex: {len(reads)}, answered 200: {len(ok)}; "
          f"scalar_metrics_iter_histogram median {statistics.median(hist_ms) if hist_ms else 0:.0f} ms, "
          f"p95 {pct(hist_ms, .95):.0f} ms, max {max(hist_ms) if hist_ms else 0:.0f} ms; "
          f"get_task_log median {statistics.median(log_ms) if log_ms else 0:.0f} ms, max {max(log_ms) if log_ms else 0:.0f} ms")
    print(f"- events written during the reindex: {live_acked[0]} acknowledged, {found} found after the switch; "
          f"'loss' variants after: {variants}")
    print(f"- replay equivalence (ops replay --check-only): exit {replay.returncode}: {replay.stdout.strip()}")


if __name__ == "__main__":
    main()
