#!/usr/bin/env python3
"""Generates MedianNetworks.generated.swift: straight-line min/max code for the 5x5 and 7x7 medians.

7x7, one output row per sweep:
- `sortColumns` sorts the 7 samples of each column (Batcher's odd-even merge sort, padded to a power
  of two with +infinity) and stores them as 7 rank rows;
- `medianRow` takes, for each output, the median of 7 consecutive sorted columns: the columns are
  merged as a tree, ((0 1) (2 3)) ((4 5) 6), with Batcher's odd-even merge (padding resolved
  statically), and every operation that does not feed element (n*n)/2 of the merged list is removed.

5x5, two output rows y and y + 1 per sweep (their windows share rows y - 1 ... y + 2):
- `sortColumns` sorts each column of the 4 shared rows;
- `mergeColumnPairs` merges adjacent sorted columns (8 ranks), shared by the windows containing both;
- `sharedCandidates` keeps ranks 7 ... 12 of the 20 shared samples of a window (pairs at x, x + 2 and
  column x + 4): with 5 more samples, 7 shared samples lie below those ranks and 7 above, so rank 12
  of the 25 is among them;
- `medianRow` takes rank 5 of the 6 candidates and the 5 samples of the unshared row (y - 2 or y + 3).
Operations that do not feed the wanted outputs are removed from every network.

Checks before anything is written: the sorts on all 0-1 columns; the merges and candidates on all
inputs of sorted 0-1 columns (the 0-1 principle); the final selection on all sorted 0-1 candidates with
all 0-1 extra rows; and the whole 5x5 decomposition against numpy's median on 200000 random windows
with many ties.

    python3 generate_median_networks.py > MedianNetworks.generated.swift
"""

import itertools
import sys

import numpy as np

INF = "inf"


class Network:
    def __init__(self):
        self.ops = []  # (name, "min" | "max", a, b)
        self.count = 0

    def exchange(self, a, b):
        if a == INF:
            return b, INF
        if b == INF:
            return a, INF
        lo, hi = f"t{self.count}", f"t{self.count + 1}"
        self.count += 2
        self.ops.append((lo, "min", a, b))
        self.ops.append((hi, "max", a, b))
        return lo, hi


def odd_even_merge(net, wires):
    """Batcher's merge of the sorted halves of `wires` (a power of two long)."""
    n = len(wires)
    if n == 2:
        return list(net.exchange(wires[0], wires[1]))
    merged = [None] * n
    merged[0::2] = odd_even_merge(net, wires[0::2])
    merged[1::2] = odd_even_merge(net, wires[1::2])
    for i in range(1, n - 1, 2):
        merged[i], merged[i + 1] = net.exchange(merged[i], merged[i + 1])
    return merged


def padded_size(n):
    size = 1
    while size < n:
        size *= 2
    return size


def merge(net, a, b):
    size = padded_size(max(len(a), len(b)))
    padded = a + [INF] * (size - len(a)) + b + [INF] * (size - len(b))
    return [w for w in odd_even_merge(net, padded) if w != INF]


def sort(net, wires):
    if len(wires) <= 1:
        return wires
    half = padded_size(len(wires)) // 2
    return merge(net, sort(net, wires[:half]), sort(net, wires[half:]))


def prune(ops, outputs):
    live = set(outputs)
    kept = []
    for op in reversed(ops):
        if op[0] in live:
            kept.append(op)
            live.update(op[2:])
    return kept[::-1]


def evaluate(ops, values):
    env = dict(values)
    for name, kind, a, b in ops:
        env[name] = np.minimum(env[a], env[b]) if kind == "min" else np.maximum(env[a], env[b])
    return env


def median_network(n):
    net = Network()
    columns = [[f"c{j}r{k}" for k in range(n)] for j in range(n)]

    def merge_columns(lower, upper):  # columns lower ..< upper; the larger half first
        if upper - lower == 1:
            return columns[lower]
        middle = (lower + upper + 1) // 2
        return merge(net, merge_columns(lower, middle), merge_columns(middle, upper))

    result = merge_columns(0, n)[(n * n) // 2]
    ops = prune(net.ops, [result])
    zeros = np.array(list(itertools.product(range(n + 1), repeat=n)), dtype=np.int32)
    values = {f"c{j}r{k}": (k >= zeros[:, j]).astype(np.int32) for j in range(n) for k in range(n)}
    expected = (zeros.sum(axis=1) <= (n * n) // 2).astype(np.int32)  # element (n*n)/2 is 1 iff few zeros
    assert np.array_equal(evaluate(ops, values)[result], expected), f"median network {n} is wrong"
    return ops, result


def sort_network(n):
    net = Network()
    inputs = [f"s{k}" for k in range(n)]
    outputs = sort(net, inputs)
    cases = np.array(list(itertools.product((0, 1), repeat=n)), dtype=np.int32)
    env = evaluate(net.ops, {f"s{k}": cases[:, k] for k in range(n)})
    result = np.stack([env[w] for w in outputs], axis=1)
    assert np.array_equal(result, np.sort(cases, axis=1)), f"sort network {n} is wrong"
    return net.ops, outputs


def operation(name, kind, a, b):
    # A conditional expression rather than Swift.min/max: in functions this long the optimiser stops
    # inlining the generic min/max, and one call per operation would stop the loop from vectorising.
    if kind == "min":
        return f"let {name} = {a} < {b} ? {a} : {b}"
    return f"let {name} = {a} < {b} ? {b} : {a}"


def zero_one_columns(count, length):
    """All `count`-tuples of sorted 0-1 columns of `length` (a column with z zeros is 0 on ranks < z)."""
    zeros = np.array(list(itertools.product(range(length + 1), repeat=count)), dtype=np.int32)
    return zeros, [[(k >= zeros[:, j]).astype(np.int32) for k in range(length)] for j in range(count)]


def shared_networks():
    """The 5x5 networks for two output rows: returns {name: (ops, outputs)}, each checked."""
    networks = {}
    # Sorting a column of the 4 shared rows.
    networks["sort4"] = sort_network(4)
    # Merging sorted columns p and p + 1 of 4 into 8 ranks.
    net = Network()
    pair = merge(net, [f"a{k}" for k in range(4)], [f"b{k}" for k in range(4)])
    zeros, columns = zero_one_columns(2, 4)
    env = evaluate(net.ops, {f"{c}{k}": columns[j][k] for j, c in enumerate("ab") for k in range(4)})
    expected = np.sort(np.stack(columns[0] + columns[1], axis=1), axis=1)
    assert np.array_equal(np.stack([env[w] for w in pair], axis=1), expected), "pair merge is wrong"
    networks["pair"] = (net.ops, pair)
    # Ranks 7 ... 12 of the 20 shared samples: pairs at x and x + 2 and column x + 4.
    net = Network()
    merged = merge(net, [f"l{k}" for k in range(8)], merge(net, [f"r{k}" for k in range(8)], [f"c{k}" for k in range(4)]))
    candidates = merged[7:13]
    ops = prune(net.ops, candidates)
    zeros, columns = zero_one_columns(5, 4)
    values = {}
    for side, first in (("l", 0), ("r", 2)):
        env = evaluate(networks["pair"][0], {f"{c}{k}": columns[first + j][k] for j, c in enumerate("ab") for k in range(4)})
        values.update({f"{side}{k}": env[w] for k, w in enumerate(networks["pair"][1])})
    values.update({f"c{k}": columns[4][k] for k in range(4)})
    env = evaluate(ops, values)
    expected = np.sort(np.stack([v for column in columns for v in column], axis=1), axis=1)[:, 7:13]
    assert np.array_equal(np.stack([env[w] for w in candidates], axis=1), expected), "candidates are wrong"
    networks["candidates"] = (ops, candidates)
    # Rank 5 of the 6 candidates and the 5 samples of the row not shared (unsorted).
    net = Network()
    result = merge(net, [f"m{k}" for k in range(6)], sort(net, [f"e{k}" for k in range(5)]))[5]
    ops = prune(net.ops, [result])
    cases = np.array(list(itertools.product(range(7), *[(0, 1)] * 5)), dtype=np.int32)
    values = {f"m{k}": (k >= cases[:, 0]).astype(np.int32) for k in range(6)}
    values.update({f"e{k}": cases[:, 1 + k] for k in range(5)})
    expected = np.sort(np.stack(list(values.values()), axis=1), axis=1)[:, 5]
    assert np.array_equal(evaluate(ops, values)[result], expected), "final selection is wrong"
    networks["final"] = (ops, [result])
    # The whole: median of 25 = rank 5 of (ranks 7 ... 12 of the 20 shared) and the 5 others, on random
    # windows with few distinct values (many ties).
    rng = np.random.default_rng(5)
    windows = rng.integers(0, 4, size=(200000, 6, 5)).astype(np.int32)
    for top in (True, False):
        shared = windows[:, 1:5, :]
        extra = windows[:, 0, :] if top else windows[:, 5, :]
        ranks = np.sort(shared.reshape(len(windows), -1), axis=1)[:, 7:13]
        got = np.sort(np.concatenate([ranks, extra], axis=1), axis=1)[:, 5]
        rows = windows[:, 0:5, :] if top else windows[:, 1:6, :]
        assert np.array_equal(got, np.median(rows.reshape(len(windows), -1), axis=1).astype(np.int32))
    return networks


def emit_loop(out, doc, signature, counter, loads, ops, stores):
    w = out.write
    for line in doc:
        w(f"    /// {line}\n")
    w(f"    static func {signature[0]}(\n")
    for line in signature[1:]:
        w(f"        {line}\n")
    w("    ) {\n")
    w(f"        var {counter} = 0\n")
    w(f"        while {counter} < count {{\n")
    used = {v for op in ops for v in op[2:]} | {v for _, v in stores}
    for name, expression in loads:
        if name in used:
            w(f"            let {name} = {expression}\n")
    for op in ops:
        w(f"            {operation(*op)}\n")
    for target, value in stores:
        w(f"            {target} = {value}\n")
    w(f"            {counter} &+= 1\n")
    w("        }\n")
    w("    }\n")


def row(k):
    return "" if k == 0 else f"{k} &* rankStride &+ "


def emit_5x5(out):
    networks = shared_networks()
    out.write("extension Median5x5 {\n")
    ops, outputs = networks["sort4"]
    emit_loop(
        out,
        [
            "For `i` in `0 ..< count`: sorts column `firstColumn + i` of the 4 shared rows `lines.0 ... lines.3`",
            f"and stores rank `k` (0 = smallest) at `ranks[k * rankStride + firstPadded + i]`. {len(ops)} min/max",
            "operations per column. The caller keeps every index inside the rows and `ranks`, so the wrapping",
            "index arithmetic cannot overflow.",
        ],
        [
            "sortColumns",
            "_ lines: (UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>),",
            "firstColumn: Int, count: Int, into ranks: UnsafeMutablePointer<UInt16>, firstPadded: Int",
        ],
        "index",
        [(f"s{k}", f"lines.{k}[firstColumn &+ index]") for k in range(4)],
        ops,
        [(f"ranks[{row(k)}firstPadded &+ index]", w) for k, w in enumerate(outputs)],
    )
    out.write("\n")
    ops, outputs = networks["pair"]
    emit_loop(
        out,
        [
            "For `p` in `0 ..< count`: merges sorted columns `p` and `p + 1` of `ranks` (rank `k` of column `p` at",
            "`ranks[k * rankStride + p]`) into the 8 sorted rank rows of `pairs` (rank `k` at",
            f"`pairs[k * rankStride + p]`). {len(ops)} min/max operations per position. The caller guarantees",
            "`count + 1 <= rankStride`, so every index is inside the buffers.",
        ],
        ["mergeColumnPairs", "_ ranks: UnsafePointer<UInt16>, into pairs: UnsafeMutablePointer<UInt16>, count: Int"],
        "p",
        [(f"{c}{k}", f"ranks[{row(k)}p{offset}]") for c, offset in (("a", ""), ("b", " &+ 1")) for k in range(4)],
        ops,
        [(f"pairs[{row(k)}p]", w) for k, w in enumerate(outputs)],
    )
    out.write("\n")
    ops, outputs = networks["candidates"]
    emit_loop(
        out,
        [
            "For `x` in `0 ..< count`: ranks 7 ... 12 of the 20 shared samples of sorted columns `x ... x + 4`",
            "(the pair merges at `x` and `x + 2` and column `x + 4`), stored as rank rows 0 ... 5 of `candidates`.",
            f"{len(ops)} min/max operations per position. The caller guarantees `count + 4 <= rankStride`, so",
            "every index is inside the buffers.",
        ],
        [
            "sharedCandidates",
            "pairs: UnsafePointer<UInt16>, ranks: UnsafePointer<UInt16>,",
            "into candidates: UnsafeMutablePointer<UInt16>, count: Int",
        ],
        "x",
        [(f"l{k}", f"pairs[{row(k)}x]") for k in range(8)]
        + [(f"r{k}", f"pairs[{row(k)}x &+ 2]") for k in range(8)]
        + [(f"c{k}", f"ranks[{row(k)}x &+ 4]") for k in range(4)],
        ops,
        [(f"candidates[{row(k)}x]", w) for k, w in enumerate(outputs)],
    )
    out.write("\n")
    ops, outputs = networks["final"]
    emit_loop(
        out,
        [
            "For `x` in `0 ..< count`: `output[x]` = rank 5 of the 11 samples made of the candidates at `x` and",
            "`extra[x ... x + 4]` (the row of the window not shared), which is the median of the 25-sample window.",
            f"{len(ops)} min/max operations per pixel. The caller guarantees `count + 4 <= rankStride` and that",
            "`extra` holds `count + 4` samples, so every index is inside the buffers.",
        ],
        [
            "medianRow",
            "candidates: UnsafePointer<UInt16>, extra: UnsafePointer<UInt16>,",
            "into output: UnsafeMutablePointer<UInt16>, count: Int",
        ],
        "x",
        [(f"m{k}", f"candidates[{row(k)}x]") for k in range(6)] + [(f"e{k}", f"extra[x &+ {k}]") for k in range(5)],
        ops,
        [("output[x]", outputs[0])],
    )
    out.write("}\n")


def emit(out, n):
    sort_ops, sorted_wires = sort_network(n)
    median_ops, result = median_network(n)
    stride = "stride"
    w = out.write
    w(f"extension Median{n}x{n} {{\n")
    w(f"    /// For `i` in `0 ..< count`: sorts column `firstColumn + i` of the {n} rows `lines.0 ... lines.{n - 1}`\n")
    w(f"    /// and stores rank `k` (0 = smallest) at `ranks[k * {stride} + firstPadded + i]`. {len(sort_ops)} min/max\n")
    w("    /// operations per column. The caller keeps every index inside the rows and `ranks`, so the wrapping\n")
    w("    /// index arithmetic cannot overflow.\n")
    w("    static func sortColumns(\n")
    w("        _ lines: (\n")
    for k in range(n):
        w(f"            UnsafePointer<UInt16>{',' if k < n - 1 else ''}\n")
    w("        ),\n")
    w("        firstColumn: Int, count: Int, into ranks: UnsafeMutablePointer<UInt16>, stride: Int, firstPadded: Int\n")
    w("    ) {\n")
    w("        var index = 0\n")
    w("        while index < count {\n")
    w("            let column = firstColumn &+ index\n")
    w("            let padded = firstPadded &+ index\n")
    for k in range(n):
        w(f"            let s{k} = lines.{k}[column]\n")
    for op in sort_ops:
        w(f"            {operation(*op)}\n")
    for k, wire in enumerate(sorted_wires):
        offset = "padded" if k == 0 else f"{k} &* {stride} &+ padded"
        w(f"            ranks[{offset}] = {wire}\n")
    w("            index &+= 1\n")
    w("        }\n")
    w("    }\n\n")
    w(f"    /// For `x` in `0 ..< count`: `output[x]` = the median of the {n * n} samples in sorted columns\n")
    w(f"    /// `x ... x + {n - 1}` of `ranks` (rank `k` of column `p` at `ranks[k * stride + p]`). {len(median_ops)} min/max\n")
    w(f"    /// operations per pixel. The caller guarantees `count + {n - 1} <= stride`, so every index is inside `ranks`.\n")
    w("    static func medianRow(\n")
    w("        _ ranks: UnsafePointer<UInt16>, stride: Int, into output: UnsafeMutablePointer<UInt16>, count: Int\n")
    w("    ) {\n")
    w("        var x = 0\n")
    w("        while x < count {\n")
    used = sorted({v for op in median_ops for v in op[2:] if v.startswith("c")})
    for name in used:
        column, rank = int(name[1 : name.index("r")]), int(name[name.index("r") + 1 :])
        w(f"            let {name} = ranks[{rank} &* stride &+ x &+ {column}]\n")
    for op in median_ops:
        w(f"            {operation(*op)}\n")
    w(f"            output[x] = {result}\n")
    w("            x &+= 1\n")
    w("        }\n")
    w("    }\n}\n")


def main():
    out = sys.stdout
    out.write("// Generated by generate_median_networks.py: do not edit.\n")
    out.write("\n")
    emit_5x5(out)
    out.write("\n")
    emit(out, 7)


if __name__ == "__main__":
    main()
