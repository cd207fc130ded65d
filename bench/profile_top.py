#!/usr/bin/env python3
"""Top-N tables from an async-profiler collapsed-stack file (recorded with `threads`), for bench/RESULTS.md.

    profile_top.py FILE FRAME [N [CALLER]]

FRAME is the frame whose time is one minibatch (e.g. `NetworkStep.fit` or `ComputationGraph.fit`). Prints:
where the process's CPU went by thread (the training thread, GC, JIT, ND4J's deallocators); then, within the
samples under FRAME, the top N frames by self time and the top N direct callees of CALLER (default FRAME), as
shares of FRAME's samples.
"""
import collections
import re
import sys


def short(frame):
    frame = re.sub(r"^.*/(lib[^/]+\.so)[.0-9]*$", r"\1", frame)  # native library paths
    frame = re.sub(r"<[^<>]*>", "<>", re.sub(r"<[^<>]*>", "<>", frame))  # C++ template arguments
    return frame[:110]


def main():
    path, target = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    caller = sys.argv[4] if len(sys.argv) > 4 else target
    by_thread = collections.Counter()
    self_time = collections.Counter()
    callees = collections.Counter()
    total = under = 0
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        count = int(count)
        frames = stack.split(";")
        thread = re.sub(r"[ #]*(tid=)?\d+\]$", "]", frames[0])
        thread = re.sub(r"(GC Thread|G1 Refine|DeallocatorServiceThread_|C[12] CompilerThre).*", r"\1", thread)
        by_thread[thread] += count
        total += count
        hits = [i for i, f in enumerate(frames) if f.endswith(target)]
        if not hits:
            continue
        under += count
        self_time[short(frames[-1])] += count
        calls = [i for i, f in enumerate(frames) if f.endswith(caller)]
        if calls:
            i = calls[-1]
            callees[short(frames[i + 1]) if i + 1 < len(frames) else "(self)"] += count
    print(f"samples: {total} in the process, {under} under {target}")
    print("\n| thread | share of process CPU |\n|---|---|")
    for t, c in by_thread.most_common(6):
        print(f"| {t.strip('[]')} | {100 * c / total:.1f}% |")
    print(f"\n| top {n} by self time under {target} | share |\n|---|---|")
    for f, c in self_time.most_common(n):
        print(f"| `{f}` | {100 * c / under:.1f}% |")
    print(f"\n| direct callees of {caller} | share of {target} |\n|---|---|")
    for f, c in callees.most_common(n):
        print(f"| `{f}` | {100 * c / under:.1f}% |")


if __name__ == "__main__":
    main()
