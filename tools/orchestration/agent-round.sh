#!/usr/bin/env bash
# An agent's round with plain HTTP (docs/api/queues.md, docs/api/workers.md): a task is enqueued to the default queue,
# two workers race on queues.get_next_task (exactly one gets the entry), the winner reports it, runs it
# started -> completed; then another running task is stopped while a live worker runs it ("stopping"), and the queue
# and worker statistics are read back.
# Usage: ACCESS_KEY=... SECRET_KEY=... [API=http://localhost:8008] tools/orchestration/agent-round.sh
set -euo pipefail
API=${API:-http://localhost:8008}
: "${ACCESS_KEY:?set ACCESS_KEY and SECRET_KEY (printed in the server log on the first start)}"
TOKEN=$(curl -sf -u "$ACCESS_KEY:$SECRET_KEY" "$API/auth.login" | jq -r .data.token)

# post <endpoint> <json body> [worker]: prints the envelope's data, fails on an error envelope
post() {
  local reply
  reply=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+-H "X-ClearML-Worker: $3"} -d "$2" "$API/$1")
  if [ "$(echo "$reply" | jq .meta.result_code)" != 200 ]; then
    echo "$1 failed: $(echo "$reply" | jq -c .meta)" >&2; return 1
  fi
  echo "$reply" | jq -c .data
}

QUEUE=$(post queues.get_default '{}' | jq -r .id)
echo "default queue: $QUEUE"
TASK=$(post tasks.create '{"name":"remote run","type":"training"}' | jq -r .id)
echo "task: $TASK"
post tasks.enqueue "{\"task\":\"$TASK\"}" | jq -c '{queued, status: .fields.status, queue: .fields["execution.queue"]}'
NOW=$(date +%s)
for W in worker-1 worker-2; do
  post workers.register "{\"worker\":\"$W\",\"queues\":[\"$QUEUE\"]}" "$W" >/dev/null
done

# the race: both ask at once, each answer goes to its own file
post queues.get_next_task "{\"queue\":\"$QUEUE\"}" worker-1 >/tmp/agent-round.1 &
post queues.get_next_task "{\"queue\":\"$QUEUE\"}" worker-2 >/tmp/agent-round.2 &
wait
echo "worker-1 got: $(cat /tmp/agent-round.1)"
echo "worker-2 got: $(cat /tmp/agent-round.2)"
WINNER=$(grep -l "$TASK" /tmp/agent-round.1 /tmp/agent-round.2 | sed 's/.*\.\([12]\)$/worker-\1/')
echo "winner: $WINNER"

post workers.status_report "{\"worker\":\"$WINNER\",\"timestamp\":$NOW,\"task\":\"$TASK\",\"queue\":\"$QUEUE\",\
\"machine_stats\":{\"cpu_usage\":[12.5,40],\"memory_used\":2048,\"gpu_usage\":[70]}}" "$WINNER" >/dev/null
post tasks.started "{\"task\":\"$TASK\"}" "$WINNER" | jq -c '{started, status: .fields.status}'
post tasks.completed "{\"task\":\"$TASK\"}" "$WINNER" | jq -c '{updated, status: .fields.status}'
post tasks.get_by_id "{\"task\":\"$TASK\"}" | jq -c '.task | {status, last_worker, queue: .execution.queue}'

# another running task, run by a live worker: stop only asks it to stop
OTHER=$(post tasks.create '{"name":"long run","type":"training"}' | jq -r .id)
post tasks.started "{\"task\":\"$OTHER\"}" >/dev/null
post workers.status_report "{\"worker\":\"$WINNER\",\"timestamp\":$NOW,\"task\":\"$OTHER\"}" "$WINNER" >/dev/null
post tasks.stop "{\"task\":\"$OTHER\"}" >/dev/null
post tasks.get_by_id "{\"task\":\"$OTHER\"}" | jq -c '.task | {status, status_message}'

echo "queue metrics:"
post queues.get_queue_metrics "{\"from_date\":$((NOW-600)),\"to_date\":$((NOW+60)),\"interval\":60,\
\"queue_ids\":[\"$QUEUE\"]}" | jq -c .queues
echo "worker stats:"
post workers.get_stats "{\"from_date\":$((NOW-600)),\"to_date\":$((NOW+60)),\"interval\":60,\
\"items\":[{\"key\":\"cpu_usage\",\"category\":\"avg\"},{\"key\":\"memory_used\",\"category\":\"max\"}]}" | jq -c .workers
echo "worker activity:"
post workers.get_activity_report "{\"from_date\":$((NOW-600)),\"to_date\":$((NOW+60)),\"interval\":60}" | jq -c .
echo "workers:"
post workers.get_all '{}' | jq -c '[.workers[] | {id, task: .task.id, queues: [.queues[].name]}]'
echo "queue history (newest 3 entries):"
post history.get_queue "{\"queue\":\"$QUEUE\"}" | jq -c '[.entries[:3][] | {kind, actor: .actor.name, time}]'
for W in worker-1 worker-2; do post workers.unregister "{\"worker\":\"$W\"}" >/dev/null; done
