#!/usr/bin/env python3
"""Drives a running xstore server through the RPC API so that every domain event type reachable through the API
is stored at least once (the history fixture of server/src/test/resources/history-fixtures/).

Standard library only. Usage (see README.md beside this script for the whole procedure):

    make_fixture.py --api http://127.0.0.1:18008 --server-log /tmp/fx-server.log
    make_fixture.py --api http://127.0.0.1:18008 --access-key KEY --secret-key SECRET
"""
import argparse
import base64
import json
import re
import sys
import time
import urllib.error
import urllib.request


class Api:
    def __init__(self, base, access_key, secret_key):
        self.base = base.rstrip("/")
        basic = base64.b64encode(f"{access_key}:{secret_key}".encode()).decode()
        self.token = self._send("auth.login", {}, "Basic " + basic)["token"]

    def _send(self, endpoint, body, authorization, headers=None):
        request = urllib.request.Request(self.base + "/" + endpoint, data=json.dumps(body).encode(), method="POST")
        request.add_header("Content-Type", "application/json")
        request.add_header("Authorization", authorization)
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                envelope = json.load(response)
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{endpoint} {json.dumps(body)} -> HTTP {e.code}: {e.read().decode()}")
        return envelope["data"]

    def __call__(self, endpoint, headers=None, **body):
        data = self._send(endpoint, body, "Bearer " + self.token, headers)
        print(f"{endpoint}: {json.dumps(data)[:160]}")
        return data


def keys_from_log(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    access = re.search(r'"access_key"\s*=\s*"([^"]+)"', text)
    secret = re.search(r'"secret_key"\s*=\s*"([^"]+)"', text)
    if not access or not secret:
        raise SystemExit(f"no generated key pair in {path}")
    return access.group(1), secret.group(1)


def wait_for(what, check, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise SystemExit(f"timed out waiting for {what}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://127.0.0.1:18008")
    parser.add_argument("--server-log", help="log of the first start, holding the generated key pair")
    parser.add_argument("--access-key")
    parser.add_argument("--secret-key")
    args = parser.parse_args()
    if args.access_key and args.secret_key:
        access, secret = args.access_key, args.secret_key
    elif args.server_log:
        access, secret = keys_from_log(args.server_log)
    else:
        parser.error("give --server-log or --access-key and --secret-key")
    api = Api(args.api, access, secret)
    me = api("users.get_current_user")["user"]

    # ---- users and credentials: UserUpdatedEvent, UserPreferencesSetEvent, UserCreatedEvent, Credentials* ----
    api("users.update", user=me["id"], given_name="Fixture", family_name="Maker")
    api("users.set_preferences", preferences={"fixture": {"theme": "dark", "page_size": 50}})
    api("auth.create_user", name="second user", email="second@example.com", company=me["company"]["id"],
        given_name="Second", family_name="User")
    creds = api("auth.create_credentials", label="fixture key")["credentials"]
    api("auth.edit_credentials", access_key=creds["access_key"], label="fixture key renamed")
    spare = api("auth.create_credentials", label="to revoke")["credentials"]
    api("auth.revoke_credentials", access_key=spare["access_key"])

    # ---- projects: created, updated, moved, merged, deleted ----
    root = api("projects.create", name="fixture", description="history fixture root")["id"]
    vision = api("projects.create", name="fixture/vision", description="vision", tags=["cv"])["id"]
    nlp = api("projects.create", name="fixture/nlp", description="nlp")["id"]
    scratch = api("projects.create", name="fixture/scratch", description="merged away")["id"]
    doomed = api("projects.create", name="fixture/doomed", description="deleted")["id"]
    archive = api("projects.create", name="fixture-archive")["id"]
    api("projects.update", project=vision, description="computer vision", tags=["cv", "images"],
        default_output_destination="file:///tmp/fixture-out")
    api("projects.move", project=nlp, new_location="fixture-archive")
    api("projects.merge", project=scratch, destination_project=vision)
    api("projects.delete", project=doomed)

    # ---- tasks ----
    script = {"repository": "https://example.com/repo.git", "entry_point": "train.py", "branch": "main"}
    train = api("tasks.create", name="train resnet", type="training", project=vision, script=script,
                comment="first", tags=["baseline"],
                hyperparams={"Args": {"lr": {"section": "Args", "name": "lr", "value": "0.1", "type": "float"}}},
                configuration={"General": {"name": "General", "value": "{\"a\": 1}", "type": "dictionary"}})["id"]
    # plain edit, tags edit, move by tasks.edit with project: TaskEditedEvent
    api("tasks.edit", task=train, comment="edited comment", name="train resnet50")
    api("tasks.edit", task=train, tags=["baseline", "resnet"])
    api("tasks.update_tags", ids=[train], add_tags=["best"], remove_tags=["baseline"])
    api("tasks.edit", task=train, project=root)
    api("tasks.move", ids=[train], project=vision)
    # tasks.update: TaskEditedEvent (comment) and TaskStatusMessageSetEvent
    api("tasks.update", task=train, comment="updated comment", status_message="preparing")
    api("tasks.set_requirements", task=train, requirements={"pip": "torch==2.1\nnumpy\n"})
    api("tasks.edit_hyper_params", task=train,
        hyperparams=[{"section": "Args", "name": "epochs", "value": "10", "type": "int"},
                     {"section": "Args", "name": "batch", "value": "32", "type": "int"}])
    api("tasks.delete_hyper_params", task=train, hyperparams=[{"section": "Args", "name": "batch"}])
    api("tasks.edit_configuration", task=train,
        configuration=[{"name": "extra", "value": "x=1", "type": "text"},
                       {"name": "tmp", "value": "y=2", "type": "text"}])
    api("tasks.delete_configuration", task=train, configuration=["tmp"])
    api("tasks.add_or_update_artifacts", task=train,
        artifacts=[{"key": "data", "type": "custom", "uri": "file:///tmp/fixture/data.csv", "mode": "input"},
                   {"key": "scratch", "type": "custom", "uri": "file:///tmp/fixture/scratch", "mode": "output"}])
    api("tasks.delete_artifacts", task=train, artifacts=[{"key": "scratch", "mode": "output"}])

    # models
    model = api("models.create", name="resnet weights", uri="file:///tmp/fixture/resnet.pt", project=vision,
                task=train, framework="PyTorch", labels={"cat": 1, "dog": 2}, tags=["v1"], ready=False)["id"]
    api("tasks.add_or_update_model", task=train, name="input weights", model=model, type="input")
    api("tasks.add_or_update_model", task=train, name="scratch", model=model, type="output")
    api("tasks.delete_models", task=train, models=[{"name": "scratch", "type": "output"}])

    # status: started (sets started), iteration via models.edit, metrics via events.add_batch, stopped
    api("tasks.started", task=train, status_reason="worker picked it", status_message="running")
    api("models.edit", model=model, comment="edited model", iteration=7)
    scalars = [{"type": "training_stats_scalar", "task": train, "metric": "loss", "variant": "train",
                "iter": i, "value": 1.0 / (i + 1), "timestamp": 1796000000000 + i} for i in range(5)]
    scalars.append({"type": "log", "task": train, "level": "info", "msg": "epoch done", "timestamp": 1796000000100})
    post_batch(api, scalars)
    model_scalars = [{"type": "training_stats_scalar", "task": model, "model_event": True, "metric": "acc",
                      "variant": "val", "iter": i, "value": 0.5 + i / 10, "timestamp": 1796000000000 + i}
                     for i in range(3)]
    post_batch(api, model_scalars)
    wait_for("task last_metrics", lambda: api("tasks.get_by_id", task=train)["task"].get("last_metrics"))
    wait_for("model last_metrics", lambda: api("models.get_by_id", model=model)["model"].get("last_metrics"))
    api("tasks.stop", task=train, status_reason="user abort")  # no live worker: stopped at once
    api("tasks.stopped", task=train, status_reason="worker stopped it")  # stopped -> stopped
    api("tasks.failed", task=train, status_reason="crash", status_message="OOM")
    api("tasks.reset", task=train)
    api("tasks.started", task=train)
    api("tasks.completed", task=train, status_reason="done")
    api("tasks.publish", task=train, publish_model=False)

    # a clone, closed; forced status changes; completed with publish
    clone = api("tasks.clone", task=train, new_task_name="train resnet50 clone", new_task_project=root)["id"]
    api("tasks.edit", task=clone, status="queued")  # forced by tasks.edit with status
    api("tasks.started", task=clone)
    api("tasks.stopped", task=clone)
    api("tasks.close", task=clone)
    api("tasks.reset", task=clone, clear_all=True)

    evalt = api("tasks.create", name="evaluate", type="testing", project=root, comment="eval")["id"]
    api("tasks.failed", task=evalt, force=True, status_reason="forced failure")  # created -> failed, forced
    api("tasks.reset", task=evalt)
    api("tasks.started", task=evalt)
    api("tasks.completed", task=evalt, publish=True)  # completed then published in one call
    api("tasks.archive", tasks=[evalt])
    api("tasks.unarchive_many", ids=[evalt])

    running = api("tasks.create", name="running", type="training", project=archive)["id"]
    api("tasks.started", task=running)
    api("tasks.archive_many", ids=[running], status_reason="archived while running")  # stops, then archives
    api("tasks.delete", task=running, force=True)

    gone = api("tasks.create", name="deleted", type="data_processing", project=vision)["id"]
    api("tasks.add_or_update_artifacts", task=gone,
        artifacts=[{"key": "out", "type": "custom", "uri": "http://127.0.0.1:1/nowhere/out.bin", "mode": "output"}])
    api("tasks.delete", task=gone, delete_external_artifacts=False)

    # models: edit, update, tags, metadata, move, archive, publish, update_for_task, delete
    other = api("models.create", name="bert weights", uri="file:///tmp/fixture/bert.pt", project=vision,
                ready=False)["id"]
    api("models.update", model=other, comment="updated", tags=["nlp"])
    api("models.update_tags", ids=[other], add_tags=["large"], remove_tags=["nlp"])
    api("models.add_or_update_metadata", model=other,
        metadata=[{"key": "size", "type": "int", "value": "340"}, {"key": "tmp", "type": "str", "value": "x"}])
    api("models.delete_metadata", model=other, keys=["tmp"])
    api("models.move", ids=[other], project=archive)
    api("models.archive_many", ids=[other])
    api("models.unarchive_many", ids=[other])
    api("models.set_ready", model=other, publish_task=False)
    upd = api("tasks.create", name="model producer", type="training", project=vision)["id"]
    api("tasks.started", task=upd)
    api("v2.13/models.update_for_task", task=upd, uri="file:///tmp/fixture/producer.pt", name="producer weights",
        iteration=3)
    doomed_model = api("models.create", name="doomed weights", uri="file:///tmp/fixture/doomed.pt")["id"]
    api("models.delete", model=doomed_model)
    print("fixture written")


def post_batch(api, events):
    """events.add_batch takes the events as json-lines."""
    body = "\n".join(json.dumps(e) for e in events).encode()
    request = urllib.request.Request(api.base + "/events.add_batch", data=body, method="POST")
    request.add_header("Content-Type", "application/json-lines")
    request.add_header("Authorization", "Bearer " + api.token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            print("events.add_batch:", json.load(response)["data"])
    except urllib.error.HTTPError as e:
        raise SystemExit(f"events.add_batch -> HTTP {e.code}: {e.read().decode()}")


if __name__ == "__main__":
    sys.exit(main())
