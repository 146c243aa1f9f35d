"""History after a real SDK session (issue: history you can read and trust), run as smoke.py is (README.md here).

A script records an experiment through the SDK (init, parameters, tags, artifact, output model, close); then the
SDK's APIClient changes tags, moves, resets, enqueues and stops it. history.get_task must list every change, newest
first, each with its actor and call id; as_of at three points must answer the state of that time. Exits non-zero on
any difference.
"""
import os
import sys
import tempfile
import time
from datetime import datetime, timezone

from clearml import OutputModel, Task
from clearml.backend_api.session.client import APIClient

task = Task.init(project_name="history/check", task_name="history session")
task.connect({"lr": 0.1, "epochs": 3})
task.add_tags(["history"])
task.upload_artifact("summary", artifact_object={"best": 0.01}, wait_on_upload=True)
weights = os.path.join(tempfile.mkdtemp(), "model.bin")
with open(weights, "wb") as f:
    f.write(b"\x00" * 256)
OutputModel(task=task, framework="PyTorch").update_weights(weights_filename=weights, auto_delete_file=False)
task_id = task.id
task.close()

client = APIClient()
session = client.session


def call(endpoint, **body):
    response = session.send_request(endpoint.split(".")[0], endpoint.split(".")[1], json=body)
    payload = response.json()
    if response.status_code != 200:
        sys.exit("%s answered %s: %s" % (endpoint, response.status_code, payload.get("meta")))
    return payload["data"]


def now_iso():
    return datetime.now(timezone.utc).isoformat()


time.sleep(0.05)
as_of = [(now_iso(), call("tasks.get_by_id", task=task_id)["task"])]
call("tasks.update_tags", ids=[task_id], add_tags=["best"])
other = call("projects.create", name="history/check/moved-%d" % int(time.time() * 1000))["id"]
call("tasks.move", ids=[task_id], project=other)
time.sleep(0.05)
as_of.append((now_iso(), call("tasks.get_by_id", task=task_id)["task"]))
call("tasks.reset", task=task_id, force=True)
default = call("queues.get_default")["id"]
call("tasks.enqueue", task=task_id, queue=default)
time.sleep(0.05)
as_of.append((now_iso(), call("tasks.get_by_id", task=task_id)["task"]))
call("tasks.stop", task=task_id, force=True)

history = call("history.get_task", task=task_id, page_size=500)
entries = history["entries"]
print("%d entries, newest first:" % len(entries))
for entry in entries:
    print("  %s  %-22s %-8s call %s  %s" % (entry["time"], entry["kind"], entry["actor"]["name"],
                                             entry["call_id"][:8], entry["description"]))
failures = []
kinds = [entry["kind"] for entry in reversed(entries)]
for wanted in ["created", "hyperparams_changed", "tags_changed", "artifacts_changed", "models_changed",
               "completed", "moved", "reset", "enqueued"]:
    if not any(kind.startswith(wanted.split("_")[0]) for kind in kinds):
        failures.append("no %s entry in %s" % (wanted, kinds))
if any(not entry.get("call_id") or not entry["actor"].get("id") for entry in entries):
    failures.append("an entry without call id or actor")
# newest first in the order the changes were stored (a metrics entry's time is that of the reporting call, which
# the indexer applies a little later)
sequence = [entry["seq"] for entry in entries]
if sequence != sorted(sequence, reverse=True):
    failures.append("entries not newest first")
for at, expected in as_of:
    then = call("tasks.get_by_id", task=task_id, as_of=at)["task"]
    if then != expected:
        diff = sorted(k for k in set(then) | set(expected) if then.get(k) != expected.get(k))
        failures.append("as_of %s differs in %s" % (at, diff))
if failures:
    sys.exit("FAILED: " + "; ".join(failures))
print("history check passed: %d entries, as_of at %d points equal" % (len(entries), len(as_of)))
