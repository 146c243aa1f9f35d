"""Files through the real ClearML SDK against xstore (see README.md of this folder).

Uploads a dict artifact, a file artifact, output model weights (Task.init(output_uri=True)) and two debug images
(a local PNG and an in-memory array, which the SDK encodes as JPEG), downloads each back through the SDK
(artifact.get_local_copy, Model.get_local_copy, StorageManager.get_local_copy) and compares the bytes. Then checks
that the recorded links open in a browser (the web app's cookie, on the file server and through the web app's
/files/ proxy), deletes the task and its model through the API and waits until xstore reports their files deleted.
Exits non-zero on any difference.
"""
import hashlib
import io
import json
import os
import sys
import tempfile
import time
from urllib.parse import urlparse

import numpy as np
import requests
from PIL import Image

from clearml import Model, OutputModel, StorageManager, Task
from clearml.backend_interface.metrics.events import UploadEvent
from clearml.storage.util import quote_url

# characters that the SDK quotes in stored paths and once more in recorded URLs
PROJECT = "files check/odd & name"
TASK_NAME = "files: 100% [check]"

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def digest(data):
    return hashlib.sha256(data).hexdigest()


def file_digest(path):
    with open(path, "rb") as f:
        return digest(f.read())


def debug_image_url(task, metric, variant, extension, counter=0):
    """The URL the SDK records for a debug image (UploadEvent.get_target_full_upload_uri)."""
    parts = [task._get_default_report_storage_uri().rstrip("/"), task._get_output_destination_suffix("metrics"),
             UploadEvent._replace_slash(metric), UploadEvent._replace_slash(variant),
             UploadEvent._replace_slash("{}_{}_{:08d}".format(metric, variant, counter)) + extension]
    return quote_url("/".join(p.strip("/") for p in parts))


def as_sdk_jpeg(array):
    """The bytes UploadEvent produces for an image array (default format JPEG, quality 87)."""
    out = io.BytesIO()
    Image.fromarray(np.atleast_3d(array)).save(out, format="JPEG", quality=87)
    return out.getvalue()


work = tempfile.mkdtemp(prefix="files-check-")
rng = np.random.default_rng(7)

task = Task.init(project_name=PROJECT, task_name=TASK_NAME, output_uri=True)
task_id = task.id

summary = {"best": 0.01, "classes": ["cat", "dog"], "note": "ünïcode"}
task.upload_artifact("summary", artifact_object=summary, wait_on_upload=True)

blob = rng.integers(0, 256, 3 * 1024 * 1024 + 17, dtype=np.uint8).tobytes()
blob_path = os.path.join(work, "blob data.bin")
with open(blob_path, "wb") as f:
    f.write(blob)
task.upload_artifact("blob", artifact_object=blob_path, wait_on_upload=True)

weights = rng.integers(0, 256, 5 * 1024 * 1024, dtype=np.uint8).tobytes()
weights_path = os.path.join(work, "weights.pt")
with open(weights_path, "wb") as f:
    f.write(weights)
model = OutputModel(task=task, framework="PyTorch")
# the default asynchronous upload records the quoted URL the upload returned; async_enable=False would record the
# unquoted destination path instead, which no file server (the reference's included) resolves when names hold '%'
model.update_weights(weights_filename=weights_path, auto_delete_file=False)
model.wait_for_uploads()

png_array = rng.integers(0, 256, (48, 64, 3), dtype=np.uint8)
png_path = os.path.join(work, "sample.png")
Image.fromarray(png_array).save(png_path)
with open(png_path, "rb") as f:
    png = f.read()
jpeg_array = rng.integers(0, 256, (40, 40, 3), dtype=np.uint8)
log = task.get_logger()
log.report_image("files", "png file", iteration=0, local_path=png_path, delete_after_upload=False)
log.report_image("files", "array", iteration=0, image=jpeg_array)

png_url = debug_image_url(task, "files", "png file", ".png")
jpeg_url = debug_image_url(task, "files", "array", ".jpeg")
task.flush(wait_for_uploads=True)
model_id = model.id
task.close()
model_url = Model(model_id=model_id).url

# ---- read everything back through the SDK ----
back = Task.get_task(task_id=task_id)

art = back.artifacts.get("summary")
check(art is not None, "dict artifact recorded")
if art is not None:
    local = art.get_local_copy(force_download=True, raise_on_error=True)
    with open(local, "rb") as f:
        data = f.read()
    check(json.loads(data.decode("utf-8")) == summary, "dict artifact content equals the dict")
    check(art.hash is None or digest(data) == art.hash, "dict artifact bytes match the hash the SDK recorded")
    print("      " + art.url)

art = back.artifacts.get("blob")
check(art is not None, "file artifact recorded")
if art is not None:
    local = art.get_local_copy(force_download=True, raise_on_error=True)
    check(file_digest(local) == digest(blob), "file artifact downloads byte-identical")
    print("      " + art.url)

check(bool(model_url) and model_url.startswith("http"), "model weights uploaded (uri %s)" % model_url)
local = Model(model_id=model_id).get_local_copy(force_download=True, raise_on_error=True)
check(local is not None and file_digest(local) == digest(weights), "model weights download byte-identical")
local = StorageManager.get_local_copy(model_url, force_download=True, extract_archive=False)
check(local is not None and file_digest(local) == digest(weights), "model weights via StorageManager identical")

local = StorageManager.get_local_copy(png_url, force_download=True, extract_archive=False)
check(local is not None and file_digest(local) == digest(png), "debug image (png file) identical: " + png_url)
local = StorageManager.get_local_copy(jpeg_url, force_download=True, extract_archive=False)
check(local is not None and file_digest(local) == digest(as_sdk_jpeg(jpeg_array)),
      "debug image (array as jpeg) identical: " + jpeg_url)

# ---- the links work in a browser: the web app's cookie, directly and through the web app ----
api = os.environ["CLEARML_API_HOST"].rstrip("/")
web = os.environ.get("CLEARML_WEB_HOST", "").rstrip("/")
files_host = os.environ["CLEARML_FILES_HOST"].rstrip("/")
login = requests.get(api + "/auth.login",
                     auth=(os.environ["CLEARML_API_ACCESS_KEY"], os.environ["CLEARML_API_SECRET_KEY"]))
token = login.json()["data"]["token"]
cookie = {"clearml_token_basic": token}
blob_url = back.artifacts["blob"].url
r = requests.get(blob_url, cookies=cookie)
check(r.status_code == 200 and digest(r.content) == digest(blob), "artifact link with the web app cookie")
check(requests.get(blob_url).status_code == 401, "artifact link without a token is 401")
if web:
    proxied = web + "/files" + urlparse(blob_url).path + "?download"
    r = requests.get(proxied, cookies=cookie)
    check(r.status_code == 200 and digest(r.content) == digest(blob)
          and r.headers.get("Content-Disposition", "").startswith("attachment"),
          "artifact link through the web app /files/ proxy")

# ---- deleting the task and the model through the API deletes their files, visibly ----
session = back.session
session.send_request("tasks", "delete", json={"task": task_id, "force": True})
session.send_request("models", "delete", json={"model": model_id})
wanted = {back.artifacts["summary"].url, blob_url, model_url}
deadline = time.time() + 60
outcome = {}
while time.time() < deadline:
    found = session.send_request("files", "get_deletions", json={"owner": [task_id, model_id]}).json()["data"]
    outcome = {d["url"]: d for d in found["deletions"]}
    if wanted <= set(outcome) and all(outcome[u]["status"] != "pending" for u in wanted):
        break
    time.sleep(0.5)
for url in sorted(wanted):
    status = outcome.get(url, {}).get("status")
    check(status == "done", "deleted after the API delete (%s): %s" % (status, url))
    check(requests.head(url, headers={"Authorization": "Bearer " + token}).status_code == 404,
          "gone from the file server: " + url)

print(json.dumps({"task": task_id, "model": model_id, "failures": failures}))
sys.exit(1 if failures else 0)
