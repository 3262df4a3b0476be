#!/usr/bin/env python3
"""(e) Deffuant bounded confidence on the shared graph, vectorised with NumPy.

Each step draws all N meetings at once: N agents uniformly among those with at least one tie
(the same as radsim's "draw again if the agent has no tie"), and for each a uniform tie.

Conflicts. An agent usually appears in several of the N pairs of a step (about twice on
average). Applying all pairs at once from the pre-step opinions would be a different
(synchronous) model. Mode `rounds` (the default) is exact instead: it applies the pairs in
rounds of disjoint pairs. Round 1 takes every pair whose two agents appear in no earlier pair
still pending; those pairs share no agent, so they can be applied together; they are removed and
the rest is processed the same way. A pair is applied only after every earlier pair that shares
an agent with it, and pairs sharing no agent commute, so the result is exactly that of applying
the N pairs one after another in drawn order (the sequential model of the other versions); the
`--check` option verifies it against a plain Python loop, bit for bit. A step needs as many
rounds as the longest chain of pairs linked by shared agents (about 10 to 15 at these sizes).

Mode `sync` (reported apart, NOT the same model): all N pairs from the pre-step opinions; the
moves of an agent met several times are added up (np.bincount). Shown to quantify what the exact
treatment costs and that it changes the dynamics.

    python3 bench/peers/deffuant_numpy.py --graph FILE --steps 50 --seed 1 --out FILE [--mode sync] [--check]
"""
import argparse
import json
import resource
import sys
import time

import numpy as np

MAGIC = 0x52445347


def read_graph(path):
    buf = open(path, 'rb').read()
    head = np.frombuffer(buf, dtype='<u4', count=4)
    if head[0] != MAGIC:
        raise SystemExit(f'{path} is not a graph file')
    n, nnz = int(head[1]), int(head[2])
    offsets = np.frombuffer(buf, dtype='<u4', count=n + 1, offset=16).astype(np.int64)
    targets = np.frombuffer(buf, dtype='<u4', count=nnz, offset=16 + 4 * (n + 1)).astype(np.int64)
    x0_at = -(-(16 + 4 * (n + 1) + 4 * nnz) // 8) * 8
    x0 = np.frombuffer(buf, dtype='<f8', count=n, offset=x0_at).copy()
    return n, offsets, targets, x0


def draw_pairs(rng, n, offsets, targets, deg, with_ties):
    i = with_ties[rng.integers(0, with_ties.size, n)]
    j = targets[offsets[i] + (rng.random(n) * deg[i]).astype(np.int64)]
    return i, j


def apply_rounds(x, i, j, d, mu, first, stats):
    """Applies the pairs (i[k], j[k]) in order k, exactly, in rounds of disjoint pairs."""
    pending_i, pending_j = i, j
    rounds = 0
    while pending_i.size:
        m = pending_i.size
        pos = np.arange(m)
        # first[a] = position of the first pending pair that contains agent a
        first[pending_i] = m
        first[pending_j] = m
        np.minimum.at(first, pending_i, pos)
        np.minimum.at(first, pending_j, pos)
        ok = (first[pending_i] == pos) & (first[pending_j] == pos)
        a, b = pending_i[ok], pending_j[ok]
        xa, xb = x[a], x[b]
        diff = xb - xa
        close = np.abs(diff) < d
        x[a[close]] = xa[close] + mu * diff[close]
        x[b[close]] = xb[close] - mu * diff[close]
        keep = ~ok
        pending_i, pending_j = pending_i[keep], pending_j[keep]
        rounds += 1
    stats['rounds'].append(rounds)


def apply_sync(x, i, j, d, mu, n):
    diff = x[j] - x[i]
    move = np.where(np.abs(diff) < d, mu * diff, 0.0)
    x += np.bincount(i, weights=move, minlength=n) - np.bincount(j, weights=move, minlength=n)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--graph', required=True)
    p.add_argument('--steps', type=int, required=True)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--out', required=True)
    p.add_argument('--d', type=float, default=0.2)
    p.add_argument('--mu', type=float, default=0.5)
    p.add_argument('--mode', choices=['rounds', 'sync'], default='rounds')
    p.add_argument('--check', action='store_true', help='verify rounds against a plain loop on the first step')
    a = p.parse_args()

    tb = time.perf_counter()
    n, offsets, targets, x0 = read_graph(a.graph)
    deg = np.diff(offsets)
    with_ties = np.flatnonzero(deg > 0)
    x = x0.copy()
    first = np.empty(n, dtype=np.int64)
    build_ms = (time.perf_counter() - tb) * 1000
    rng = np.random.default_rng(a.seed)
    stats = {'rounds': []}

    check = None
    if a.check:
        r2 = np.random.default_rng(a.seed)
        i, j = draw_pairs(r2, n, offsets, targets, deg, with_ties)
        xs = x0.copy()
        xv = x0.copy()
        for k in range(n):  # the sequential model, one pair after another
            u, v = i[k], j[k]
            diff = xs[v] - xs[u]
            if abs(diff) < a.d:
                xs[u] = xs[u] + a.mu * diff
                xs[v] = xs[v] - a.mu * diff
        apply_rounds(xv, i, j, a.d, a.mu, first, {'rounds': []})
        check = {'maxAbsDifference': float(np.max(np.abs(xs - xv))), 'identical': bool(np.array_equal(xs, xv))}

    step_ms = []
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in range(a.steps):
        ts = time.perf_counter()
        i, j = draw_pairs(rng, n, offsets, targets, deg, with_ties)
        if a.mode == 'rounds':
            apply_rounds(x, i, j, a.d, a.mu, first, stats)
        else:
            apply_sync(x, i, j, a.d, a.mu, n)
        step_ms.append((time.perf_counter() - ts) * 1000)
    run_ms = (time.perf_counter() - t0) * 1000
    run_cpu_ms = (time.process_time() - c0) * 1000
    x.astype('<f8').tofile(a.out)
    notes = 'exact sequential semantics (rounds of disjoint pairs)' if a.mode == 'rounds' else 'synchronous: a different model'
    out = {
        'impl': 'numpy', 'variant': a.mode, 'n': n, 'steps': a.steps, 'interactions': a.steps * n,
        'buildMs': build_ms, 'runMs': run_ms, 'runCpuMs': run_cpu_ms, 'stepMs': step_ms,
        'peakRssBytes': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        'out': a.out, 'notes': notes,
        'numpy': np.__version__, 'python': sys.version.split()[0],
    }
    if stats['rounds']:
        out['roundsPerStep'] = {'mean': float(np.mean(stats['rounds'])), 'max': int(np.max(stats['rounds']))}
    if check is not None:
        out['check'] = check
    print(json.dumps(out))


if __name__ == '__main__':
    main()
