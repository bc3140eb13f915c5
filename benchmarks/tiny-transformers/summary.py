#!/usr/bin/env python3
"""Summarises a search of the gpt-tiny space: one table row per trial, sorted by
held-out perplexity, with the trials on the perplexity-params and
perplexity-latency Pareto fronts marked, then the bigram baseline.

Usage: summary.py JAR STORAGE STUDY
"""
import json
import subprocess
import sys


def study(jar, storage, name):
    """Returns the study as 'archforge study show --json' prints it."""
    command = ["java", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-jar", jar,
               "study", "show", name, "--storage", storage, "--json"]
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(completed.stdout)


def network(architecture):
    """Returns a short form of a gpt-tiny architecture: width, bias, then heads/ratio per block."""
    values = dict(pair.split("=") for pair in architecture.split(","))
    blocks = [values["heads_%d" % i] + "/" + values["mlp_ratio_%d" % i]
              for i in range(1, int(values["layers"]) + 1)]
    return "E%s %s, %s" % (values["embed"], "bias" if values["bias"] == "on" else "no bias",
                           " ".join(blocks))


def front(trials, cost):
    """Returns the trial numbers that no other trial beats on both perplexity and cost."""
    numbers = set()
    for t in trials:
        dominated = any(o["metrics"]["perplexity"] <= t["metrics"]["perplexity"]
                        and o["metrics"][cost] <= t["metrics"][cost]
                        and o is not t
                        and (o["metrics"]["perplexity"] < t["metrics"]["perplexity"]
                             or o["metrics"][cost] < t["metrics"][cost])
                        for o in trials)
        if not dominated:
            numbers.add(t["trial"])
    return numbers


def main():
    jar, storage, name = sys.argv[1], sys.argv[2], sys.argv[3]
    trials = [t for t in study(jar, storage, name)["trials"] if t["state"] == "COMPLETE"]
    trials.sort(key=lambda t: t["metrics"]["perplexity"])
    by_params = front(trials, "params")
    by_latency = front(trials, "latency_ms")
    print("| trial | network (width, bias, heads/MLP ratio per block) | params | perplexity"
          " | bits per char | latency (ms) | training (s) | front |")
    print("|---|---|---|---|---|---|---|---|")
    for t in trials:
        m = t["metrics"]
        marks = [label for label, members in (("params", by_params), ("latency", by_latency))
                 if t["trial"] in members]
        print("| %d | %s | %d | %.2f | %.3f | %.2f | %s | %s |" % (
            t["trial"], network(t["architecture"]), m["params"], m["perplexity"],
            m["bits_per_char"], m["latency_ms"], t["attributes"].get("train_seconds", "?"),
            ", ".join(marks)))
    bigram = trials[0]["attributes"].get("bigram_perplexity")
    print()
    print("Bigram baseline (add-0.1 smoothing, same split): perplexity %s" % bigram)
    beating = sum(1 for t in trials if bigram and t["metrics"]["perplexity"] < float(bigram))
    print("Trials below the bigram perplexity: %d of %d" % (beating, len(trials)))


if __name__ == "__main__":
    main()
