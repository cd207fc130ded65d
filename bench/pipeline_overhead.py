#!/usr/bin/env python3
"""The engine's own overhead in a run: its wall time minus the time its tasks needed.

Reads a run over the engine's REST API (its DAG, task instances and every try) and computes:
  * per task: the time its tries took (a mapped task: the sum over its instances, and their span);
  * the critical path: the longest chain of task durations through the DAG (a mapped task counted as its
    instances one after another when its pool has one slot, else as its longest instance);
  * a zero-latency replay: the run's own tries, with their measured durations, scheduled again without any
    delay between a task becoming ready and its start, under the same pools and worker slots and priorities.
The overhead is the run's wall time minus that replay's makespan (which, with pools of one slot, is above the
plain critical path): what the engine added by polling, starting processes' wrappers, reading outputs, writing
state. Process start-up (a JVM's) is part of the tasks' durations, not the engine's.

Usage: pipeline_overhead.py --url URL --token-file FILE --run RUN_ID [--pools spark=1] [--workers 4]
"""
import argparse
import json
import urllib.request
from datetime import datetime


def get(base, token, path):
    req = urllib.request.Request(base.rstrip('/') + path, headers={'Authorization': 'Bearer ' + token})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def t(s):
    return datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--url', required=True)
    ap.add_argument('--token-file', required=True)
    ap.add_argument('--run', required=True, type=int)
    ap.add_argument('--pools', default='spark=1')
    ap.add_argument('--workers', type=int, default=4)
    a = ap.parse_args()
    token = open(a.token_file).read().strip()
    pools = dict((k, int(v)) for k, v in (p.split('=') for p in a.pools.split(',') if p))
    run = get(a.url, token, f'/api/runs/{a.run}')
    dag = get(a.url, token, f'/api/dags/{run["dag_id"]}')
    tasks = get(a.url, token, f'/api/runs/{a.run}/tasks')
    tries = get(a.url, token, f'/api/runs/{a.run}/tries')
    spec = {s['id']: s for s in dag['tasks']}
    label = {ti['id']: ti for ti in tasks}
    # the work of each task instance: the sum of its tries (a retried try counts: it was work)
    work = {}
    for tr in tries:
        if tr.get('ended_at'):
            work[tr['task_instance']] = work.get(tr['task_instance'], 0) + t(tr['ended_at']) - t(tr['started_at'])
    by_task = {}
    for ti_id, w in work.items():
        by_task.setdefault(label[ti_id]['task_id'], []).append((label[ti_id]['map_index'], w))

    def weight(task):
        ws = [w for _, w in by_task.get(task, [])]
        if not ws:
            return 0.0
        return sum(ws) if pools.get(spec[task].get('pool'), a.workers) == 1 else max(ws)

    longest = {}
    for s in dag['tasks']:  # topological order
        longest[s['id']] = weight(s['id']) + max([longest[d] for d in s['depends_on']] or [0])
    critical = max(longest.values())

    # zero-latency replay under the pools and worker slots, in priority order
    units = []  # (task, map_index, work)
    for task, items in by_task.items():
        for idx, w in items:
            units.append((task, idx, w))
    done_at = {}   # task -> time its last unit ended
    remaining = {task: len(items) for task, items in by_task.items()}
    running = []   # (end, task, pool)
    now = 0.0
    pending = list(units)
    busy = {}
    workers = 0
    while pending or running:
        ready = [u for u in pending if all(remaining.get(d, 0) == 0 for d in spec[u[0]]['depends_on'])]
        ready.sort(key=lambda u: (-spec[u[0]].get('priority', 0), u[1]))
        started = False
        for u in ready:
            pool = spec[u[0]].get('pool', 'default')
            cap = pools.get(pool, a.workers)
            if workers < a.workers and busy.get(pool, 0) < cap:
                running.append((now + u[2], u[0], pool))
                busy[pool] = busy.get(pool, 0) + 1
                workers += 1
                pending.remove(u)
                started = True
        if started:
            continue
        running.sort()
        end, task, pool = running.pop(0)
        now = end
        busy[pool] -= 1
        workers -= 1
        remaining[task] -= 1
        if remaining[task] == 0:
            done_at[task] = now
    replay = now
    wall = t(run['ended_at']) - t(run['started_at'])

    print(f'run {run["run_id"]} of {run["dag_id"]}: {run["state"]}, wall {wall:.1f} s')
    print(f'{"task":22s} {"instances":>9s} {"work s":>8s}')
    for s in dag['tasks']:
        items = by_task.get(s['id'], [])
        print(f'{s["id"]:22s} {len(items):9d} {sum(w for _, w in items):8.1f}')
    print(f'critical path of task durations (pools of one slot serialise their tasks): {critical:.1f} s')
    print(f'zero-latency replay under pools {pools} and {a.workers} workers: {replay:.1f} s')
    print(f'engine overhead = wall - replay: {wall - replay:.1f} s ({100 * (wall - replay) / wall:.1f} % of the run)')


if __name__ == '__main__':
    main()
