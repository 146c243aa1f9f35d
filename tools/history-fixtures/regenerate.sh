#!/usr/bin/env bash
# Regenerates a history fixture from the code of this checkout (see README.md). Usage, from the repository root:
#   tools/history-fixtures/regenerate.sh [fixture-name, default 2026-12-06] [data dir, default /tmp/fx-data]
# Writes server/src/test/resources/history-fixtures/<name>/{eventstore/log,stored-events,read-models}.
set -euo pipefail
NAME=${1:-2026-12-06}
DATA=${2:-/tmp/fx-data}
OUT=server/src/test/resources/history-fixtures/$NAME
LOG=$DATA.server.log
[ -e "$DATA" ] && { echo "$DATA exists: remove it or give another data dir" >&2; exit 1; }

mvn -o -q -B -DskipTests package
java -Xmx1g -jar server/target/xstore-server-exec.jar --xstore.data-dir="$DATA" --xstore.api.port=18008 \
    --xstore.fileserver.port=18081 --xstore.webapp.port=18080 > "$LOG" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 180); do grep -q "xstore ready" "$LOG" && break; sleep 1; done
grep -q "xstore ready" "$LOG" || { echo "server did not start, see $LOG" >&2; exit 1; }

python3 tools/history-fixtures/make_fixture.py --api http://127.0.0.1:18008 --server-log "$LOG"
sleep 3   # metric summaries of the last batch reach the event store asynchronously (the indexer)
kill -TERM $SERVER
wait $SERVER || true
trap - EXIT

rm -rf "$OUT/eventstore" "$OUT/stored-events" "$OUT/read-models"
mkdir -p "$OUT/eventstore/log"
cp "$DATA"/eventstore/log/* "$OUT/eventstore/log/"
python3 tools/history-fixtures/extract_stored_events.py "$OUT/eventstore/log" "$OUT/stored-events"
echo "now adjust HistoryFixtures.FIXTURE / the event count in HistoryFixtureReplayTest if the name or log changed, then:"
echo "  mvn -o -B test -pl server -am -Dtest='HistoryFixtureReplayTest' -Dsurefire.failIfNoSpecifiedTests=false -Dxstore.history-fixtures.write=true"
