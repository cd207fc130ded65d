// The engine's web UI: a static page over the REST API (/api/...), refreshed every 2 seconds. The API token is
// kept in sessionStorage (this tab only) and sent as an Authorization header: never a cookie, so another site's
// page can't make the browser act with it.
'use strict';
const TOKEN = 'dltrigger.token';
class SignInNeeded extends Error {}
const api = (path, opts = {}) => {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return Promise.reject(new SignInNeeded('sign in'));
  const headers = Object.assign({'Authorization': 'Bearer ' + token}, opts.body ? {'Content-Type': 'application/json'} : {});
  return fetch('/api' + path, Object.assign({}, opts, {headers, credentials: 'omit'})).then(async r => {
    if (r.status === 401) { sessionStorage.removeItem(TOKEN); throw new SignInNeeded((await r.json()).error); }
    if (!r.ok) throw new Error((await r.json().catch(() => ({error: r.statusText}))).error);
    return r.status === 204 ? null : (r.headers.get('content-type') || '').includes('json') ? r.json() : r.text();
  });
};
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => k.startsWith('on') ? e.addEventListener(k.slice(2), v) : e.setAttribute(k, v));
  kids.forEach(k => e.append(k));
  return e;
};
const svgEl = (tag, attrs) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
};
const stateBox = s => el('span', {class: 'state ' + s, title: s, 'data-state': s});
const show = id => ['login', 'dags-view', 'dag-view', 'audit-view', 'run-view', 'asset-view']
  .forEach(v => document.getElementById(v).hidden = v !== id);
let current = null, view = 'dags', selectedTask = null, selectedRun = null;
const took = (a, b) => {
  if (!a) return '-';
  const s = Math.round(((b ? new Date(b) : new Date()) - new Date(a)) / 1000);
  return s < 120 ? s + 's' : Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's';
};
// A file a task published (its output's "artifacts"), fetched with the token: links can't carry the header.
const artifactBlob = (taskId, name) => {
  const token = sessionStorage.getItem(TOKEN);
  return fetch(`/api/tasks/${taskId}/artifacts/${encodeURIComponent(name)}`,
    {headers: {'Authorization': 'Bearer ' + token}, credentials: 'omit'}).then(r => {
    if (!r.ok) throw new Error(`${name}: ${r.status}`);
    return r.blob();
  });
};
async function download(taskId, name) {
  const url = URL.createObjectURL(await artifactBlob(taskId, name));
  const a = el('a', {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function signIn(ev) {
  ev.preventDefault();
  const input = document.getElementById('token-input');
  sessionStorage.setItem(TOKEN, input.value.trim());
  input.value = '';
  try {
    await whoami();
    document.getElementById('login-error').textContent = '';
    route();
  } catch (e) {
    document.getElementById('login-error').textContent = e.message;
  }
}

async function whoami() {
  const me = await api('/whoami');
  document.getElementById('who').textContent = `${me.name} (${me.role})`;
  document.getElementById('sign-out').hidden = false;
}

function signOut() {
  sessionStorage.removeItem(TOKEN);
  document.getElementById('who').textContent = '';
  document.getElementById('sign-out').hidden = true;
  show('login');
}

async function showDags() {
  show('dags-view');
  const [dags, errors, assets] = await Promise.all([api('/dags'), api('/dag-errors'), api('/assets')]);
  const body = document.querySelector('#dags tbody');
  body.replaceChildren();
  for (const d of dags) {
    const runs = await api('/runs?dag=' + encodeURIComponent(d.id) + '&limit=10');
    body.append(el('tr', {'data-dag': d.id},
      el('td', {}, el('a', {href: '#dag/' + d.id}, d.id), d.paused ? ' (paused)' : '',
        d.error ? el('div', {class: 'error stale'}, 'runs its last good version; its file is refused: ' + d.error) : ''),
      el('td', {}, d.schedule || '-'), el('td', {}, String(d.tasks)), el('td', {}, String(d.version)),
      el('td', {}, ...runs.reverse().map(r => stateBox(r.state))),
      el('td', {}, el('button', {class: 'trigger', onclick: () => trigger(d.id)}, 'Trigger'))));
  }
  const box = document.getElementById('errors');
  box.replaceChildren(...errors.map(e => el('p', {class: 'error'}, `refused ${e.file}:${e.line}: ${e.cause}`)));
  document.querySelector('#assets tbody').replaceChildren(...assets.map(a => el('tr', {'data-asset': a.name},
    el('td', {}, el('a', {href: '#asset/' + a.name}, a.name)),
    el('td', {}, a.updated_by.join(', ') || '-'),
    el('td', {}, a.last_update ? `${a.last_update.created_at} (${a.last_update.kind} of ${a.last_update.dag_id}.${a.last_update.task_id})` : 'never'),
    el('td', {}, String(a.events)),
    el('td', {}, ...a.triggers.map(t => el('div', {}, `${t.dag_id}: ` + describeEval(t.last_evaluation)))))));
}

function describeEval(e) {
  if (!e) return 'not evaluated yet';
  return e.fired ? `triggered run ${e.run} (${e.evaluated_at})` : `no run (${e.reason}, ${e.evaluated_at})`;
}

async function showAsset(name) {
  show('asset-view');
  const a = await api('/assets/' + encodeURIComponent(name));
  document.getElementById('asset-title').textContent = 'asset ' + a.name;
  document.getElementById('asset-meta').textContent = `${a.events} events; updated by ${a.updated_by.join(', ') || 'nothing'}; ` +
    `triggers ${a.triggers.map(t => t.dag_id + (t.check ? ' (checked, at most every ' + t.min_interval + ')' : '')).join(', ') || 'none'}`;
  document.querySelector('#asset-evals tbody').replaceChildren(...a.evaluations.map(e => el('tr', {'data-fired': String(e.fired)},
    el('td', {}, e.evaluated_at), el('td', {}, e.dag_id), el('td', {}, String(e.event_id)),
    el('td', {}, e.fired ? el('a', {href: '#run/' + e.run}, 'run ' + e.run) : 'no run'), el('td', {}, e.reason || ''))));
  document.querySelector('#asset-events tbody').replaceChildren(...a.recent_events.map(e => el('tr', {},
    el('td', {}, String(e.id)), el('td', {}, e.created_at), el('td', {}, e.kind),
    el('td', {}, `${e.dag_id}.${e.task_id}` + (e.run_id ? ` (${e.run_id})` : '')),
    el('td', {}, el('code', {}, JSON.stringify(e.metadata))))));
}

let shownReport = null;

async function showRun(id) {
  show('run-view');
  const [run, tis] = await Promise.all([api('/runs/' + id), api('/runs/' + id + '/tasks')]);
  document.getElementById('run-title').replaceChildren('run ' + run.id + ' of ', el('a', {href: '#dag/' + run.dag_id}, run.dag_id));
  document.getElementById('run-meta').textContent = `${run.run_id}: ${run.type}, ${run.state}, ` +
    `started ${run.started_at || '-'}, took ${took(run.started_at, run.ended_at)}; params ${JSON.stringify(run.params)}`;
  const links = [];
  let report = null;
  for (const t of tis) for (const name of Object.keys((t.output && t.output.artifacts) || {})) {
    if (name === 'report.json') report = t;
    if (name.endsWith('.png')) continue; // shown with the report
    links.push(el('a', {href: `/api/tasks/${t.id}/artifacts/${encodeURIComponent(name)}`, 'data-artifact': name,
      onclick: ev => { ev.preventDefault(); download(t.id, name).catch(e => alert(e.message)); }}, name), ' ');
  }
  document.getElementById('run-artifacts').replaceChildren(...(links.length ? ['files: ', ...links] : []));
  document.querySelector('#run-tasks tbody').replaceChildren(...tis.map(t => el('tr', {'data-task': t.label},
    el('td', {}, t.label), el('td', {}, stateBox(t.state), ' ' + t.state), el('td', {}, `${t.try_number}/${t.max_tries}`),
    el('td', {}, took(t.started_at, t.ended_at)),
    el('td', {}, t.progress ? t.progress.text : (t.message || '')))));
  if (report && shownReport !== report.id) {
    shownReport = report.id;
    await drawReport(report);
  } else if (!report) {
    shownReport = null;
    document.getElementById('run-report').replaceChildren();
  }
}

// The run's report.json as tables, with its plots (files the report task published).
async function drawReport(task) {
  const r = JSON.parse(await (await artifactBlob(task.id, 'report.json')).text());
  const box = document.getElementById('run-report');
  const classes = ['QCD', 'ttbar', 'W+jets'];
  const fmt = x => typeof x === 'number' ? x.toFixed(4) : '-';
  const rows = r.models.map(m => el('tr', {'data-model': m.kind}, el('td', {}, m.kind), el('td', {}, m.version || '-'),
    ...classes.map(c => el('td', {}, fmt((m.auc || {})[c]))), el('td', {}, fmt(m.accuracy)),
    el('td', {}, m.published ? 'published' : 'not published' + (m.why ? ': ' + m.why : ''))));
  const plots = [];
  for (const m of r.models) for (const key of ['roc_png', 'loss_png']) {
    const name = m[key] && m[key].split('/').join('-');
    if (name && task.output.artifacts[name]) {
      const img = el('img', {alt: `${m.kind} ${key}`, class: 'plot'});
      img.src = URL.createObjectURL(await artifactBlob(task.id, name));
      plots.push(img);
    }
  }
  box.replaceChildren(el('h2', {}, 'Report'),
    el('p', {}, `events ${r.events.total} (${r.events.new} new); run ${r.dag_run.state}`),
    el('table', {}, el('tr', {}, ...['model', 'version', ...classes.map(c => 'AUC ' + c), 'accuracy', 'published']
      .map(h => el('th', {}, h))), ...rows), ...plots);
}

async function showAudit() {
  show('audit-view');
  const entries = await api('/audit?limit=200');
  document.querySelector('#audit tbody').replaceChildren(...entries.map(e => el('tr', {'data-outcome': e.outcome},
    el('td', {}, e.at), el('td', {}, e.actor), el('td', {}, e.action), el('td', {}, e.target || ''),
    el('td', {class: e.outcome === 'refused' ? 'error' : ''}, e.outcome), el('td', {}, e.detail || ''),
    el('td', {}, e.remote || ''))));
}

async function trigger(dagId) {
  const out = document.getElementById('trigger-result');
  try {
    const run = await api('/dags/' + encodeURIComponent(dagId) + '/trigger', {method: 'POST', body: '{}'});
    out.textContent = 'queued run ' + run.id;
    out.dataset.run = run.id;
  } catch (e) { out.textContent = e.message; }
  refresh();
}

function layout(dag) {
  const depth = {};
  for (const t of dag.tasks) depth[t.id] = Math.max(0, ...t.depends_on.map(d => depth[d] + 1));
  const cols = {};
  dag.tasks.forEach(t => (cols[depth[t.id]] = cols[depth[t.id]] || []).push(t.id));
  const pos = {};
  Object.entries(cols).forEach(([c, ids]) => ids.forEach((id, i) => pos[id] = {x: 20 + c * 240, y: 20 + i * 50}));
  return pos;
}

async function showDag(id) {
  show('dag-view');
  const [dag, dags, runs] = await Promise.all([api('/dags/' + encodeURIComponent(id)), api('/dags'),
    api('/runs?dag=' + encodeURIComponent(id) + '&limit=15')]);
  const view = dags.find(d => d.id === id) || {};
  document.getElementById('dag-title').textContent = dag.id;
  document.getElementById('dag-desc').textContent = (dag.description || '') + (dag.schedule ? ' — ' + dag.schedule : '');
  document.getElementById('dag-error').textContent = view.error ? 'runs its last good version; its file is refused: ' + view.error : '';
  const pause = document.getElementById('pause');
  pause.textContent = view.paused ? 'Unpause' : 'Pause';
  pause.onclick = () => api('/dags/' + encodeURIComponent(id) + (view.paused ? '/unpause' : '/pause'), {method: 'POST'})
    .then(refresh).catch(e => alert(e.message));
  document.getElementById('trigger').onclick = () => trigger(id);
  const tasksByRun = {};
  await Promise.all(runs.map(async r => tasksByRun[r.id] = await api('/runs/' + r.id + '/tasks')));
  drawGraph(dag, runs[0], runs[0] ? tasksByRun[runs[0].id] : []);
  drawGrid(dag, runs, tasksByRun);
  const ganttRun = runs.find(r => r.id === selectedRun) || runs[0];
  if (ganttRun) await drawGantt(ganttRun, tasksByRun[ganttRun.id]);
  if (selectedTask) showTask(selectedTask.id, false);
}

function drawGraph(dag, run, tis) {
  const svg = document.getElementById('graph');
  const pos = layout(dag);
  svg.replaceChildren();
  const defs = svgEl('defs', {});
  const marker = svgEl('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto'});
  marker.append(svgEl('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#999'}));
  defs.append(marker);
  svg.append(defs);
  const w = Math.max(...Object.values(pos).map(p => p.x)) + 240, h = Math.max(...Object.values(pos).map(p => p.y)) + 60;
  svg.setAttribute('width', w); svg.setAttribute('height', h);
  document.getElementById('graph-run').textContent = run ? `run ${run.id} (${run.state})` : 'no runs yet';
  for (const t of dag.tasks) for (const d of t.depends_on)
    svg.append(svgEl('line', {x1: pos[d].x + 210, y1: pos[d].y + 15, x2: pos[t.id].x, y2: pos[t.id].y + 15}));
  for (const t of dag.tasks) {
    const ti = tis.find(x => x.task_id === t.id && x.map_index < 0);
    const kids = tis.filter(x => x.task_id === t.id && x.map_index >= 0);
    const state = !ti ? 'none' : ti.state !== 'mapped' ? ti.state : summary(kids.map(k => k.state));
    const g = svgEl('g', {'data-task': t.id, 'data-state': state});
    g.append(svgEl('rect', {x: pos[t.id].x, y: pos[t.id].y, width: 210, height: 30, class: 'node ' + state}));
    const label = svgEl('text', {x: pos[t.id].x + 8, y: pos[t.id].y + 15});
    const progress = (ti && ti.progress) || (kids.find(k => k.progress) || {}).progress;
    label.textContent = t.id + (t.mapped ? ` [${kids.length}]` : '') + (t.type === 'branch' ? ' (branch)' : '') + ' · ' + state +
      (progress ? ' · ' + progress.text : '');
    g.append(label);
    if (ti) g.addEventListener('click', () => showTask(ti.id, true));
    svg.append(g);
  }
}

// The state of a mapped task, from its instances' states.
function summary(states) {
  if (states.some(s => s === 'failed' || s === 'upstream_failed')) return 'failed';
  if (states.some(s => s === 'running')) return 'running';
  if (states.some(s => s === 'up_for_retry')) return 'up_for_retry';
  if (states.length && states.every(s => s === 'success' || s === 'skipped')) return 'success';
  return 'scheduled';
}

function drawGrid(dag, runs, tasksByRun) {
  const grid = document.getElementById('grid');
  const ordered = runs.slice().reverse();
  grid.replaceChildren(el('tr', {}, el('th', {}, 'task \\ run'),
    ...ordered.map(r => el('th', {title: r.run_id, class: 'run', 'data-run': r.id, onclick: () => { selectedRun = r.id; refresh(); }},
      el('a', {href: '#run/' + r.id, title: 'the run\'s page'}, String(r.id)), ' ', stateBox(r.state)))));
  for (const t of dag.tasks) {
    grid.append(el('tr', {}, el('td', {}, t.id), ...ordered.map(r => {
      const tis = (tasksByRun[r.id] || []).filter(x => x.task_id === t.id);
      const main = tis.find(x => x.map_index < 0);
      const kids = tis.filter(x => x.map_index >= 0);
      return el('td', {class: 'cell'}, ...(kids.length ? kids : main ? [main] : []).map(x => {
        const b = stateBox(x.state);
        b.addEventListener('click', () => showTask(x.id, true));
        b.title = x.label + ': ' + x.state;
        return b;
      }));
    })));
  }
}

const seconds = ms => ms < 10000 ? (ms / 1000).toFixed(2) + ' s' : Math.round(ms / 1000) + ' s';

// One row per task instance, one bar per try, on the run's time axis (a Gantt chart of the run).
async function drawGantt(run, tis) {
  const tries = await api('/runs/' + run.id + '/tries');
  const svg = document.getElementById('gantt');
  svg.replaceChildren();
  const label = {};
  (tis || []).forEach(t => label[t.id] = t.label);
  const rows = [...new Set(tries.map(t => t.task_instance))];
  const now = Date.now();
  const start = Math.min(...tries.map(t => Date.parse(t.started_at)), run.started_at ? Date.parse(run.started_at) : now);
  const end = Math.max(...tries.map(t => t.ended_at ? Date.parse(t.ended_at) : now), start + 1);
  const left = 180, width = 600, rowH = 22;
  const x = t => left + (t - start) / (end - start) * width;
  svg.setAttribute('width', left + width + 120);
  svg.setAttribute('height', Math.max(1, rows.length) * rowH + 30);
  document.getElementById('gantt-run').textContent =
    `run ${run.id} (${run.state}), ${seconds(end - start)}` + (tries.length ? '' : ': no tries yet');
  rows.forEach((id, i) => {
    const name = svgEl('text', {x: 4, y: 20 + i * rowH + rowH / 2, class: 'name'});
    name.textContent = label[id] || String(id);
    svg.append(name);
    for (const t of tries.filter(x => x.task_instance === id)) {
      const t0 = Date.parse(t.started_at), t1 = t.ended_at ? Date.parse(t.ended_at) : now;
      const bar = svgEl('rect', {x: x(t0), y: 20 + i * rowH + 3, width: Math.max(2, x(t1) - x(t0)), height: rowH - 6,
        class: 'bar ' + t.state, 'data-task-instance': id, 'data-try': t.try_number});
      const tip = svgEl('title', {});
      tip.textContent = `${label[id] || id} try ${t.try_number}: ${t.state}, ${seconds(t1 - t0)}`;
      bar.append(tip);
      bar.addEventListener('click', () => showTask(id, true));
      svg.append(bar);
      const d = svgEl('text', {x: x(t1) + 4, y: 20 + i * rowH + rowH / 2, class: 'duration'});
      d.textContent = seconds(t1 - t0);
      svg.append(d);
    }
  });
  const axis = svgEl('text', {x: left, y: 12, class: 'axis'});
  axis.textContent = '0 s';
  const axisEnd = svgEl('text', {x: left + width, y: 12, class: 'axis'});
  axisEnd.textContent = seconds(end - start);
  svg.append(axis, axisEnd);
}

async function showTask(id, fresh) {
  const [ti, tries] = await Promise.all([api('/tasks/' + id), api('/tasks/' + id + '/tries')]);
  selectedTask = ti;
  document.getElementById('task-panel').hidden = false;
  document.getElementById('task-title').textContent = `${ti.label} (run ${ti.run})`;
  document.getElementById('task-meta').textContent = `state ${ti.state}, try ${ti.try_number}/${ti.max_tries}` +
    (ti.exit_code !== null ? `, exit ${ti.exit_code}` : '') + (ti.pid ? `, pid ${ti.pid} on ${ti.hostname}` : '') +
    (ti.progress ? ` — ${ti.progress.text}` : '') + (ti.message ? ` — ${ti.message}` : '') +
    (ti.output !== null ? ` — output ${JSON.stringify(ti.output)}` : '');
  const sel = document.getElementById('try-select');
  const chosen = fresh ? String(tries.length ? tries[tries.length - 1].try_number : '') : sel.value;
  sel.replaceChildren(...tries.map(t => el('option', {value: t.try_number}, `try ${t.try_number} (${t.state})`)));
  sel.value = chosen;
  sel.onchange = () => showTask(id, false);
  document.getElementById('log').textContent = chosen ? await api(`/tasks/${id}/log?try=${chosen}`) : '';
  document.getElementById('clear').onclick = () => api('/tasks/' + id + '/clear', {method: 'POST'})
    .then(refresh).catch(e => alert(e.message));
}

function route() {
  const m = location.hash.match(/^#(dag|run|asset)\/(.+)$/);
  view = location.hash === '#audit' ? 'audit' : m ? m[1] : 'dags';
  current = m ? decodeURIComponent(m[2]) : null;
  if (view !== 'dag') { selectedTask = null; selectedRun = null; }
  refresh();
}

async function refresh() {
  if (!sessionStorage.getItem(TOKEN)) { show('login'); return; }
  try {
    if (document.getElementById('sign-out').hidden) await whoami();
    await (view === 'audit' ? showAudit() : view === 'dag' ? showDag(current) : view === 'run' ? showRun(current)
      : view === 'asset' ? showAsset(current) : showDags());
    document.getElementById('status').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (e instanceof SignInNeeded) {
      signOut();
      document.getElementById('login-error').textContent = e.message;
    } else {
      document.getElementById('status').textContent = 'error: ' + e.message;
    }
  }
}

document.getElementById('login-form').addEventListener('submit', signIn);
document.getElementById('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
setInterval(refresh, 2000);
route();
