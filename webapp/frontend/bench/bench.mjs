// Benchmark of the web app (not a test): first paint of the experiments table of a project with 10,000 tasks and
// the scalars tab of a 1,000,000-point series, in Debian's chromium against a running server.
//
//   XSTORE_WEB_URL=http://127.0.0.1:8080 XSTORE_USER=... XSTORE_PASSWORD=... npm run bench
//
// It seeds what it needs through the API on the first run (a project "bench web 10k" and a task "bench web 1M"
// in it, found again by name on later runs), then loads each view RUNS times in a fresh page and prints the
// median and worst of: time to the first table row / to the drawn chart (from navigation start), and the API
// call alone, side by side. Results also go to bench/results/<time>.json. BENCH_TASK=<id> measures an existing
// million-point task instead of seeding one; BENCH_RUNS, BENCH_TASKS, BENCH_POINTS change the sizes.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';

const WEB = process.env.XSTORE_WEB_URL ?? 'http://127.0.0.1:8080';
const USER = process.env.XSTORE_USER;
const PASSWORD = process.env.XSTORE_PASSWORD;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const POINTS = Number(process.env.BENCH_POINTS ?? 1_000_000);
const API = `${WEB}/api/v2.31`;
if (!USER || !PASSWORD) throw new Error('set XSTORE_USER and XSTORE_PASSWORD (a configured web user)');

let token;
async function call(endpoint, body, contentType = 'application/json') {
  const res = await fetch(`${API}/${endpoint}`, { method: 'POST',
    headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body) });
  const json = await res.json();
  if (json.meta?.result_code !== 200) throw new Error(`${endpoint}: ${json.meta?.result_msg}`);
  return json.data;
}

async function login() {
  const res = await fetch(`${API}/auth.login`, { method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` } });
  token = (await res.json()).data.token;
}

async function pool(count, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await work(next++);
  }));
}

async function seed() {
  const name = 'bench web 10k';
  let project = (await call('projects.get_all_ex', { name: `^${name}$`, only_fields: ['id'] })).projects[0]?.id;
  if (!project) project = (await call('projects.create', { name })).id;
  const existing = (await call('tasks.get_all_ex', { project: [project], only_fields: ['id', 'name'], size: 1,
    scroll_id: null, name: '^bench web 1M$' })).tasks[0];
  const stats = (await call('projects.get_all_ex', { id: [project], include_stats: true })).projects[0].stats;
  const have = stats?.active?.total_tasks ?? 0;
  if (have < TASKS) {
    const started = Date.now();
    console.log(`seeding ${TASKS - have} tasks…`);
    await pool(TASKS - have, 8, (i) => call('tasks.create', { name: `bench task ${have + i}`, type: 'training',
      project, tags: [i % 2 ? 'odd' : 'even'] }));
    console.log(`  ${TASKS - have} tasks in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  let task = process.env.BENCH_TASK ?? existing?.id;
  if (!task) {
    task = (await call('tasks.create', { name: 'bench web 1M', type: 'training', project })).id;
    const started = Date.now();
    console.log(`seeding ${POINTS} points…`);
    for (let from = 0; from < POINTS; from += 50_000) {
      const lines = [];
      for (let iter = from; iter < Math.min(POINTS, from + 50_000); iter++) {
        const value = iter === 654_321 ? 25 : 1 + Math.sin(iter / 5000) * 0.1;
        lines.push(`{"type":"training_stats_scalar","task":"${task}","metric":"loss","variant":"train","iter":${iter},"value":${value},"timestamp":${1_700_000_000_000 + iter * 100}}`);
      }
      await call('events.add_batch', lines.join('\n'), 'application/json-lines');
    }
    console.log(`  ${POINTS} points in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { project, task };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: Math.round(sorted[Math.floor(sorted.length / 2)]), max: Math.round(sorted[sorted.length - 1]) };
};

async function timeApi(endpoint, body) {
  const started = performance.now();
  await call(endpoint, body);
  return performance.now() - started;
}

async function main() {
  await login();
  const { project, task } = await seed();
  const browser = await chromium.launch({ executablePath: process.env.XSTORE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: 'clearml_token_basic', value: token, url: WEB }]);
  const measure = async (path, selector) => {
    const page = await context.newPage();
    await page.goto(`${WEB}${path}`);
    await page.waitForSelector(selector, { timeout: 120_000 });
    const ms = await page.evaluate(() => performance.now());
    await page.close();
    return ms;
  };
  const result = { at: new Date().toISOString(), tasks: TASKS, points: POINTS, runs: RUNS };
  const table = [], tableApi = [], scalars = [], scalarsApi = [];
  for (let run = 0; run < RUNS; run++) {
    table.push(await measure(`/projects/${project}/experiments`, '[data-testid="experiments-table-row"]'));
    tableApi.push(await timeApi('tasks.get_all_ex', { project: [project], scroll_id: null, size: 200,
      order_by: ['-last_update'], system_tags: ['-archived'],
      only_fields: ['id', 'name', 'status', 'type', 'tags', 'user.name', 'started', 'last_update', 'last_iteration'] }));
    scalars.push(await measure(`/projects/${project}/experiments/${task}/scalars`,
      '[aria-label="Scalar loss"][data-state="ready"]'));
    scalarsApi.push(await timeApi('events.scalar_metrics_iter_histogram', { task, key: 'iter', samples: 1000,
      bucketing: 'min_max' }));
  }
  await browser.close();
  Object.assign(result, {
    experimentsTableFirstRowMs: stats(table), experimentsTableApiMs: stats(tableApi),
    scalarsTabDrawnMs: stats(scalars), scalarsApiMs: stats(scalarsApi),
  });
  console.log(`experiments table, ${TASKS} tasks: first row ${result.experimentsTableFirstRowMs.median} ms median `
    + `(${result.experimentsTableFirstRowMs.max} worst); get_all_ex page alone ${result.experimentsTableApiMs.median} ms`);
  console.log(`scalars tab, ${POINTS} points: chart drawn ${result.scalarsTabDrawnMs.median} ms median `
    + `(${result.scalarsTabDrawnMs.max} worst); histogram call alone ${result.scalarsApiMs.median} ms`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${result.at.replace(/[:.]/g, '-')}.json`, JSON.stringify(result, null, 2));
}

main().catch((e) => { console.error(e); process.exit(1); });
