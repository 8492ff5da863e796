#!/usr/bin/env python3
"""Generates MedianNetworks.generated.swift: straight-line min/max code for the 5x5 and 7x7 medians.

For a window of side n (5 or 7):
- `sortColumns` sorts the n samples of each column (Batcher's odd-even merge sort, padded to a power
  of two with +infinity) and stores them as n rank rows;
- `medianRow` takes, for each output, the median of n consecutive sorted columns: the columns are merged
  as a tree, ((0 1) 2) (3 4) for 5 and ((0 1) (2 3)) ((4 5) 6) for 7, with Batcher's odd-even merge
  (padding resolved statically), and every operation that does not feed element (n*n)/2 of the
  merged list is removed.

Both are checked exhaustively with the 0-1 principle before anything is written (all (n+1)^n inputs
of n sorted 0-1 columns; all 2^n columns for the sorts).

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


def emit(out, n):
    sort_ops, sorted_wires = sort_network(n)
    median_ops, result = median_network(n)
    tuple = ", ".join(["UnsafePointer<UInt16>"] * n)
    w = out.write
    w(f"extension Median{n}x{n} {{\n")
    w(f"    /// For `i` in `0 ..< count`: sorts column `firstColumn + i` of the {n} rows `lines.0 ... lines.{n - 1}`\n")
    w(f"    /// and stores rank `k` (0 = smallest) at `ranks[k * stride + firstPadded + i]`. {len(sort_ops)} min/max\n")
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
        offset = "padded" if k == 0 else f"{k} &* stride &+ padded"
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
    for n in (5, 7):
        out.write("\n")
        emit(out, n)


if __name__ == "__main__":
    main()
