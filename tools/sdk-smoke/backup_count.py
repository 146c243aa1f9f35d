"""backup_count.py API_URL KEY SECRET LEDGER BACKUP_START_EPOCH (run against the restored server): every scalar acknowledged (ledger) before the backup began
must be in the restored server's events.scalar_metrics_iter_histogram answers."""
import sys, json, requests
api, key, secret, ledger, start = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
token = requests.get(api + "/auth.login", auth=(key, secret)).json()["data"]["token"]
H = {"Authorization": "Bearer " + token}
acked = {}
late = {}
for line in open(ledger):
    task, iters, at = line.split()
    target = acked if float(at) < start else late
    target[task] = max(target.get(task, 0), int(iters))
expected = missing = present_total = 0
# each ledger line: task, iterations acknowledged so far (both metrics), epoch seconds of the acknowledgement
for task, iters in sorted(acked.items()):
    r = requests.post(api + "/events.scalar_metrics_iter_histogram", json={"task": task},
                      headers=H).json()["data"]
    for metric, variant in (("loss", "train"), ("accuracy", "val")):
        xs = set(int(x) for x in r.get(metric, {}).get(variant, {}).get("x", []))
        need = set(range(iters))
        expected += len(need)
        missing += len(need - xs)
        present_total += len(xs)
print(json.dumps({"tasks_acked_before_backup": len(acked), "scalars_acked_before_backup": expected,
                  "missing": missing, "scalars_present_for_those_tasks": present_total,
                  "tasks_acked_only_after_backup": len(set(late) - set(acked))}))
sys.exit(1 if missing else 0)
