#!/usr/bin/env python3
"""Summarises benchmarks/recipe-tuning/run.sh: best validation accuracy per search,
then mean and sample standard deviation per arm.

Usage: summary.py SNAPSHOT_DIR OUT_DIR
"""
import json
import os
import statistics
import subprocess
import sys


def trials(snapshot, out, name):
    """Returns the stored trials of study NAME, read with 'archforge study show'."""
    command = ["java", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-jar",
               os.path.join(snapshot, "archforge-app-0.1.0-SNAPSHOT.jar"), "study", "show",
               name, "--storage", os.path.join(out, name + ".db"), "--json"]
    shown = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(shown.stdout)["trials"]


def main():
    snapshot, out = sys.argv[1], sys.argv[2]
    names = sorted(f[:-3] for f in os.listdir(out) if f.endswith(".db"))
    arms = {}
    print("| search | trials | best accuracy (%) | epochs trained | minutes | best trial's recipe |")
    print("|---|---|---|---|---|---|")
    for name in names:
        complete = [t for t in trials(snapshot, out, name) if t["state"] == "COMPLETE"]
        best = max(complete, key=lambda t: t["metrics"]["accuracy"])
        epochs = sum(t["metrics"].get("training_epochs", 0) for t in complete)
        with open(os.path.join(out, name + ".seconds")) as seconds:
            minutes = int(seconds.read()) / 60
        recipe = ", ".join(pair for pair in best["architecture"].split(",")
                           if pair.startswith("recipe.")) or "fixed"
        print(f"| {name} | {len(complete)} | {best['metrics']['accuracy']:.2f} | {epochs:.0f}"
              f" | {minutes:.1f} | {recipe} |")
        arms.setdefault(name.split("-")[0], []).append(
            (best["metrics"]["accuracy"], epochs, minutes))
    print()
    print("| arm | seeds | mean best accuracy (%) | standard deviation | min | max"
          " | mean epochs trained | mean minutes |")
    print("|---|---|---|---|---|---|---|---|")
    for arm, rows in sorted(arms.items()):
        best = [r[0] for r in rows]
        spread = statistics.stdev(best) if len(best) > 1 else 0.0
        print(f"| {arm} | {len(rows)} | {statistics.mean(best):.2f} | {spread:.2f}"
              f" | {min(best):.2f} | {max(best):.2f}"
              f" | {statistics.mean(r[1] for r in rows):.1f}"
              f" | {statistics.mean(r[2] for r in rows):.1f} |")


if __name__ == "__main__":
    main()
