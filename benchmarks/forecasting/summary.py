#!/usr/bin/env python3
"""Summarises a search of the forecasting space: the trial of each block type with the
lowest validation MSE, best first, then the spread of training times.

Usage: summary.py JAR STORAGE STUDY
"""
import json
import statistics
import subprocess
import sys


def study(jar, storage, name):
    """Returns the study as 'archforge study show --json' prints it."""
    command = ["java", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-jar", jar,
               "study", "show", name, "--storage", storage, "--json"]
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(completed.stdout)


def network(architecture):
    """Returns a short form of an architecture: block, width, depth, normalisation, lookback, lr, batch."""
    values = dict(pair.split("=") for pair in architecture.split(","))
    return "%s h%s d%s %s %s, lr %.4f, batch %s" % (
        values["block"], values["hidden"], values["depth"], values["normalization"],
        values["lookback"], float(values["recipe.learning_rate"]),
        values["recipe.batch_size"])


def row(trial):
    """Returns one Markdown table row of a trial."""
    metrics = trial["metrics"]
    return "| %d | %s | %.4f | %.4f | %.4f | %.4f | %d | %s |" % (
        trial["trial"], network(trial["architecture"]), metrics["mse"], metrics["mae"],
        metrics["test_mse"], metrics["test_mae"], metrics["params"],
        trial["attributes"]["train_seconds"])


def main():
    jar, storage, name = sys.argv[1:4]
    trials = [t for t in study(jar, storage, name)["trials"] if t["state"] == "COMPLETE"]
    trials.sort(key=lambda t: t["metrics"]["mse"])
    print("| trial | network | val MSE | val MAE | test MSE | test MAE | params | training (s) |")
    print("|---|---|---|---|---|---|---|---|")
    seen = set()
    for trial in trials:
        block = trial["architecture"].split(",")[0]
        if block not in seen:
            seen.add(block)
            print(row(trial))
    seconds = [float(t["attributes"]["train_seconds"]) for t in trials]
    print()
    print("%d complete trials; training seconds: median %.1f, max %.1f" % (
        len(trials), statistics.median(seconds), max(seconds)))


if __name__ == "__main__":
    main()
