#!/usr/bin/env python3
"""Writes one JSON file per stored event type (and per flavour of TaskEditedEvent / TaskStatusChangedEvent) holding
exactly what the event log holds for its first occurrence, read straight from the segment files (the record layout
of command-side/.../eventstore/RecordFormat.java). Standard library only.

    extract_stored_events.py <eventstore/log dir> <stored-events out dir>
"""
import datetime
import glob
import json
import os
import struct
import sys
import zlib


def records(log_dir):
    """Every whole record of the segments in order; stops at the first torn or zero frame, as the store does."""
    for path in sorted(glob.glob(os.path.join(log_dir, "*.log"))):
        data = open(path, "rb").read()
        at = 0
        while at + 8 <= len(data):
            length, crc = struct.unpack_from(">iI", data, at)
            body = data[at + 8: at + 8 + length]
            if length <= 0 or len(body) < length or zlib.crc32(body) != crc:
                break
            yield decode(body)
            at += 8 + length


def decode(body):
    global_index, second, nano, sequence = struct.unpack_from(">qqiq", body, 0)
    at = 28

    def chunk():
        nonlocal at
        (size,) = struct.unpack_from(">i", body, at)
        at += 4
        if size < 0:
            return None
        value = body[at: at + size]
        at += size
        return value

    def text():
        value = chunk()
        return None if value is None else value.decode("utf-8")

    aggregate_type, aggregate_id, event_id, payload_type, revision = text(), text(), text(), text(), text()
    payload, metadata = chunk(), chunk()
    stamp = datetime.datetime.fromtimestamp(second, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return {
        "globalIndex": global_index,
        "eventId": event_id,
        "aggregateType": aggregate_type,
        "aggregateId": aggregate_id,
        "sequenceNumber": sequence,
        "timestamp": f"{stamp}.{nano:09d}Z",
        "payloadType": payload_type,
        "payloadRevision": revision,
        "payload": None if payload is None else json.loads(payload.decode("utf-8")),
        "metaData": None if metadata is None else json.loads(metadata.decode("utf-8")),
    }


def flavour(record):
    """The file name suffix telling occurrences of the generic events apart (None: one file per type)."""
    simple = record["payloadType"].rsplit(".", 1)[-1]
    payload = record["payload"]
    if simple == "TaskEditedEvent":
        changed = sorted(k for k, v in (payload.get("changes") or {}).items() if v is not None)
        if changed == ["project"]:
            return "move"
        if changed == ["tags"]:
            return "tags"
        return "edit"
    if simple == "TaskStatusChangedEvent":
        name = payload["to"].lower()
        if payload["from"] == payload["to"]:
            name = payload["to"].lower() + "-unchanged"
        return name + (".forced" if payload["forced"] else "")
    return None


def main():
    log_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    written = {}
    for record in records(log_dir):
        simple = record["payloadType"].rsplit(".", 1)[-1]
        kind = flavour(record)
        name = simple + ("." + kind if kind else "") + ".json"
        if name not in written:
            written[name] = record
    for name, record in sorted(written.items()):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as out:
            json.dump(record, out, indent=2, sort_keys=False, ensure_ascii=False)
            out.write("\n")
        print(name)


if __name__ == "__main__":
    main()
