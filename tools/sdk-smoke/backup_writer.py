"""Writes scalars with the real ClearML SDK in a loop: tasks of ROUNDS x PER_ROUND iterations; after each round
the logger is flushed with wait=True (every event sent and answered) and a ledger line says how many iterations of
which task were acknowledged, and when. Runs until the file STOP exists."""
import os, sys, time
from clearml import Task

ledger = open(sys.argv[1], "a", buffering=1)
ROUNDS, PER_ROUND = 5, 100
n = 0
while not os.path.exists(sys.argv[2]):
    task = Task.init(project_name="backup-demo", task_name="sdk writer %d" % n, reuse_last_task_id=False,
                     auto_connect_frameworks=False, auto_resource_monitoring=False, auto_connect_streams=False)
    log = task.get_logger()
    for r in range(ROUNDS):
        for i in range(r * PER_ROUND, (r + 1) * PER_ROUND):
            log.report_scalar("loss", "train", value=1.0 / (i + 1), iteration=i)
            log.report_scalar("accuracy", "val", value=i / 1000.0, iteration=i)
        log.flush(wait=True)
        ledger.write("%s %d %.3f\n" % (task.id, (r + 1) * PER_ROUND, time.time()))
    task.close()
    n += 1
