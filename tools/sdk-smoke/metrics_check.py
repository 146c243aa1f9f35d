"""Metrics through the real ClearML SDK: 5 scalar series x 1,000 iterations, a Plotly plot, a table, console output
and a debug image, then everything read back through the SDK's own query calls and compared exactly.

Exits non-zero if anything read back differs from what was reported.
"""
import math
import sys

import numpy as np
from clearml import Task

SERIES = ["s%d" % i for i in range(5)]
ITERATIONS = 1000


def value(series_index, iteration):
    return math.sin(iteration / 50.0 + series_index) * (series_index + 1) + iteration / 1000.0


task = Task.init(project_name="smoke/metrics", task_name="metrics check")
log = task.get_logger()
for i in range(ITERATIONS):
    for s, name in enumerate(SERIES):
        log.report_scalar("curves", name, value=value(s, i), iteration=i)
log.report_plotly("plotly", "scatter", iteration=0, figure={
    "data": [{"type": "scatter", "x": [1, 2, 3], "y": [4, 1, 7], "name": "points"}],
    "layout": {"title": "a plotly figure"}})
log.report_table("table", "results", iteration=0, table_plot=[["name", "score"], ["a", 1], ["b", 2]])
image = (np.arange(64 * 64 * 3) % 255).astype(np.uint8).reshape((64, 64, 3))
log.report_image("images", "gradient", iteration=0, image=image)
for line in range(20):
    print("console line %d" % line)
task_id = task.id
task.flush(wait_for_uploads=True)
task.close()

back = Task.get_task(task_id=task_id)
failures = []

scalars = back.get_reported_scalars(max_samples=0, x_axis="iter")
for s, name in enumerate(SERIES):
    series = scalars.get("curves", {}).get(name)
    if not series:
        failures.append("series %s missing" % name)
        continue
    if list(series["x"]) != list(range(ITERATIONS)):
        failures.append("series %s: %d x values" % (name, len(series["x"])))
    expected = [value(s, i) for i in range(ITERATIONS)]
    if list(series["y"]) != expected:
        wrong = [i for i, (a, b) in enumerate(zip(series["y"], expected)) if a != b]
        failures.append("series %s: %d values differ, first at %s" % (name, len(wrong), wrong[:3]))

plots = back.get_reported_plots()
titles = sorted({(p.get("metric"), p.get("variant")) for p in plots})
for wanted in [("plotly", "scatter"), ("table", "results")]:
    if wanted not in titles:
        failures.append("plot %s missing (have %s)" % (wanted, titles))

console = back.get_reported_console_output(number_of_reports=100)
text = "\n".join(console)
for line in range(20):
    if ("console line %d" % line) not in text:
        failures.append("console line %d missing" % line)
        break

samples = back.get_debug_samples("images", "gradient")
if not samples or not samples[0].get("url"):
    failures.append("debug image missing: %r" % (samples,))

last = back.get_last_scalar_metrics()
for s, name in enumerate(SERIES):
    got = last.get("curves", {}).get(name, {})
    want_last = value(s, ITERATIONS - 1)
    if got.get("last") != want_last:
        failures.append("last_metrics %s last=%r want %r" % (name, got.get("last"), want_last))

if failures:
    print("METRICS CHECK FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("metrics check passed: task %s, %d scalar points, %d plots, %d console reports, %d debug samples"
      % (task_id, len(SERIES) * ITERATIONS, len(plots), len(console), len(samples)))
