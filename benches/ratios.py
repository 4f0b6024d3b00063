#!/usr/bin/env python3
"""Prints the benchmarks of the last `cargo bench` run side by side: for each group, every
function's time (criterion's point estimate of the mean) and its ratio to the group's anchor
(`hand_match` for lookups, `serde_derive` for envelope serialization, `fragment_copier` for
`write_json`, `hand_written` for an error response of a service, and `hand_written_behind_a_layer` beside it). Usage: python3 benches/ratios.py [target/criterion]"""

import json
import pathlib
import sys

ANCHORS = ["hand_match", "serde_derive", "fragment_copier", "hand_written", "hand_written_behind_a_layer"]


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "target" / "criterion")
    groups = {}
    for estimates in sorted(root.glob("*/*/new/estimates.json")):
        function = estimates.parent.parent.name
        group = estimates.parent.parent.parent.name
        mean = json.loads(estimates.read_text())["mean"]["point_estimate"]
        groups.setdefault(group, {})[function] = mean
    if not groups:
        sys.exit(f"no criterion results under {root}: run `cargo bench` first")
    for group, times in sorted(groups.items()):
        anchors = [anchor for anchor in ANCHORS if anchor in times]
        print(group)
        for function, time in sorted(times.items(), key=lambda item: item[1]):
            ratios = "   ".join(f"{time / times[anchor]:5.2f}x {anchor}" for anchor in anchors)
            print(f"  {function:<26} {time / 1000:>12.3f} us   {ratios}")

if __name__ == "__main__":
    main()
