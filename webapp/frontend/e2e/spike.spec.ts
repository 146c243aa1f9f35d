import { test, expect } from './fixtures';
import { screenshot, seed } from './env';

test('a one-iteration spike in a million-point series stays visible', async ({ page }) => {
  test.skip(!seed.spikeTask, 'the seed has no million-point run (-Dxstore.e2e.million=false)');
  const task = seed.spikeTask!;
  await page.goto(`/projects/${task.project}/experiments/${task.id}/scalars`);
  const chart = page.getByLabel(`Scalar ${task.metric}`);
  await expect(chart).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  // Values sit near 1.0 except one iteration at 25: the drawn range must reach it.
  const top = await chart.locator('.js-plotly-plot').evaluate((el) =>
    (el as unknown as { _fullLayout: { yaxis: { range: number[] } } })._fullLayout.yaxis.range[1]);
  expect(top).toBeGreaterThan(20);
  // And the spike is drawn where it happened on the x axis (an envelope or a point near the spike's iteration).
  const near = await chart.locator('.js-plotly-plot').evaluate((el, spike) => {
    const data = (el as unknown as { data: { x: number[]; y: number[] }[] }).data;
    return data.some((trace) => trace.y.some((y, i) => y > 20 && Math.abs(trace.x[i] - spike) < 5000));
  }, task.spikeIter);
  expect(near).toBe(true);
  await screenshot(page, '15-million-point-spike');
});
