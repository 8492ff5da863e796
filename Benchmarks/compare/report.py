"""The comparison's markdown table and the window's memory-bandwidth note."""

import peers


def figure(value):
    if value is None:
        return "n/a"
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def pair(values, format=figure):
    return "n/a" if values is None else " / ".join(format(value) for value in values)


def ratio(value):
    return f"{value:.2f}"


def target_for(row):
    target = row.peer.target
    if isinstance(target, dict):
        return target.get(row.image.name)
    return target


def markdown(rows, threads):
    """One line per (operation, image, peer). Ratios are Lucid/peer at 1 thread and at all threads; a
    target is met when both ratios reach it."""
    lines = [
        f"| op | image | Lucid MP/s 1T / {threads}T | peer | peer MP/s 1T / {threads}T | ratio 1T / {threads}T "
        "| target | met? | max \\|Lucid − peer\\| |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for row in (row for group in rows for row in group):
        ratios = None
        if row.lucid is not None:
            ratios = tuple(ours / theirs for ours, theirs in zip(row.lucid, row.peer_rates))
        target = target_for(row)
        if target is None:
            met = "—"
        elif ratios is None:
            met = "n/a"
        else:
            met = "yes" if min(ratios) >= target else "**no**"
        peer_figures = pair(row.peer_rates) + ("" if row.peer.threaded else " ¹")
        difference = "n/a" if row.lucid is None and row.peer.compare else (
            "—" if row.difference is None else str(row.difference))
        lines.append(
            f"| {row.case.label} | {row.image.label} | {pair(row.lucid)} | {row.peer.name} | {peer_figures} "
            f"| {pair(ratios, ratio) if ratios else 'n/a'} | {f'{target:g}x' if target else '—'} | {met} | {difference} |")
    lines.append("")
    lines.append("¹ single-threaded library: the all-threads figure repeats the one-thread figure.")
    return "\n".join(lines)


def memory_note(rows, threads):
    """Window moves 3 bytes per pixel (2 read, 1 written); the issue asks for at least half of the
    memory-copy bandwidth. Copies are measured with numpy on one thread, of the same image (which
    may stay in the cache between runs, as it does for the timed operations) and of a 128 MiB buffer
    (main memory)."""
    notes = []
    main_memory = None
    for row in (row for group in rows for row in group):
        if row.case.op != "window" or row.lucid is None or row.peer.threaded:
            continue  # once per image: on the numpy row
        if main_memory is None:
            main_memory = peers.main_memory_copy_gigabytes_per_second()
        copy = peers.memory_copy_gigabytes_per_second(row.image.pixels)
        moved = max(row.lucid) * 3 / 1e3
        notes.append(
            f"- window on {row.image.label}: Lucid moves {moved:.1f} GB/s (best of 1 and {threads} threads); "
            f"copying the image runs at {copy:.1f} GB/s ({moved / copy:.0%}), copying 128 MiB at "
            f"{main_memory:.1f} GB/s ({moved / main_memory:.0%}); the target is at least 50%.")
    return "\n".join(["", "Memory bandwidth (window):", *notes]) if notes else ""
