"""A data scientist's ordinary script, run with the real ClearML SDK against xstore (see README.md of this folder).

Exits non-zero if anything read back differs from what was written.
"""
import json
import os
import sys
import tempfile

from clearml import OutputModel, Task

PARAMS = {"lr": 0.1, "epochs": 3, "optimizer": "adam"}
CONFIG = {"model": {"layers": [64, 32], "dropout": 0.2}}

task = Task.init(project_name="smoke/nested/deep", task_name="sdk smoke run")
params = task.connect(PARAMS)
config = task.connect_configuration(CONFIG, name="model config")
task.add_tags(["smoke", "sdk"])
log = task.get_logger()
for i in range(5):
    log.report_scalar("loss", "train", value=1.0 / (i + 1), iteration=i)
print("console line from the smoke script")
task.upload_artifact("summary", artifact_object={"best": 0.01}, wait_on_upload=True)

weights = os.path.join(tempfile.mkdtemp(), "model.bin")
with open(weights, "wb") as f:
    f.write(b"\x00" * 1024)
model = OutputModel(task=task, framework="PyTorch")
model.update_weights(weights_filename=weights, auto_delete_file=False)
task_id = task.id
task.close()

back = Task.get_task(task_id=task_id)
data = back.data
failures = []
if back.get_status() != "completed":
    failures.append("status %s" % back.get_status())
general = back.get_parameters_as_dict().get("General", {})
for k, v in PARAMS.items():
    if str(general.get(k)) != str(v):
        failures.append("param %s=%r" % (k, general.get(k)))
if "model config" not in (data.configuration or {}):
    failures.append("configuration missing")
if sorted(data.tags or []) != ["sdk", "smoke"]:
    failures.append("tags %r" % (data.tags,))
if "summary" not in back.artifacts:
    failures.append("artifact missing")
if not back.models.get("output"):
    failures.append("output model missing")
if not (data.runtime or {}).get("CLEARML VERSION"):
    failures.append("runtime missing")
print(json.dumps({"task": task_id, "status": back.get_status(), "failures": failures}))
sys.exit(1 if failures else 0)
