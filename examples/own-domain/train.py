"""Trains one candidate network for an archforge search.

archforge passes the architecture as one JSON object on standard input (also in
the ARCHFORGE_ARCHITECTURE environment variable) and reads the metrics from the
last line this program prints. The network is a small multilayer perceptron on
the two-moons problem, trained with plain stochastic gradient descent. It needs
only the Python standard library.

The block cell is a graph of 3 nodes, and node 0 is the first hidden layer.
Each edge (from, to) adds the output of its operation on node `from` to node
`to`. The operation "dense" is a hidden-by-hidden layer with the chosen
activation, "skip" is the identity and "none" adds nothing. The last node
feeds the output unit.
"""
import json
import math
import random
import sys


def two_moons(count, rng):
    """Returns `count` noisy points of two interleaved half circles with labels."""
    points = []
    for i in range(count):
        label = i % 2
        angle = rng.uniform(0.0, math.pi)
        if label == 0:
            x, y = math.cos(angle), math.sin(angle)
        else:
            x, y = 1.0 - math.cos(angle), 0.5 - math.sin(angle)
        points.append(((x + rng.gauss(0, 0.15), y + rng.gauss(0, 0.15)), label))
    return points


ACTIVATIONS = {
    "tanh": (math.tanh, lambda out: 1.0 - out * out),
    "relu": (lambda v: max(0.0, v), lambda out: 1.0 if out > 0 else 0.0),
    "sigmoid": (lambda v: 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, v)))),
                lambda out: out * (1.0 - out)),
}


class Network:
    """A perceptron whose hidden part is the block cell."""

    def __init__(self, hidden, activation, edges, rng):
        self.hidden = hidden
        self.act, self.act_grad = ACTIVATIONS[activation]
        self.edges = [e for e in edges if e["operation"] != "none"]
        self.nodes = 1 + max([e["to"] for e in edges] + [0])

        def matrix(rows, cols):
            scale = 1.0 / math.sqrt(cols)
            return [[rng.gauss(0, scale) for _ in range(cols)] for _ in range(rows)]

        self.w_in = matrix(hidden, 2)
        self.b_in = [0.0] * hidden
        self.dense = {(e["from"], e["to"]): matrix(hidden, hidden)
                      for e in self.edges if e["operation"] == "dense"}
        self.w_out = [rng.gauss(0, 0.1) for _ in range(hidden)]
        self.b_out = 0.0

    def params(self):
        return (3 * self.hidden + self.hidden * self.hidden * len(self.dense)
                + self.hidden + 1)

    def forward(self, point):
        states = [[0.0] * self.hidden for _ in range(self.nodes)]
        states[0] = [self.act(sum(w * p for w, p in zip(row, point)) + b)
                     for row, b in zip(self.w_in, self.b_in)]
        cache = {}
        for target in range(1, self.nodes):
            for e in self.edges:
                if e["to"] != target:
                    continue
                source = states[e["from"]]
                if e["operation"] == "skip":
                    out = source
                else:
                    weights = self.dense[(e["from"], target)]
                    out = [self.act(sum(w * s for w, s in zip(row, source)))
                           for row in weights]
                    cache[(e["from"], target)] = (source, out)
                states[target] = [a + b for a, b in zip(states[target], out)]
        logit = sum(w * s for w, s in zip(self.w_out, states[-1])) + self.b_out
        return states, cache, logit

    def predict(self, point):
        return self.forward(point)[2] > 0

    def step(self, point, label, rate):
        states, cache, logit = self.forward(point)
        prob = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))
        delta = prob - label
        grads = [[0.0] * self.hidden for _ in range(self.nodes)]
        grads[-1] = [delta * w for w in self.w_out]
        self.w_out = [w - rate * delta * s for w, s in zip(self.w_out, states[-1])]
        self.b_out -= rate * delta
        for target in range(self.nodes - 1, 0, -1):
            for e in self.edges:
                if e["to"] != target:
                    continue
                if e["operation"] == "skip":
                    grads[e["from"]] = [g + d for g, d in
                                        zip(grads[e["from"]], grads[target])]
                    continue
                source, out = cache[(e["from"], target)]
                weights = self.dense[(e["from"], target)]
                local = [d * self.act_grad(o) for d, o in zip(grads[target], out)]
                for i, row in enumerate(weights):
                    for j in range(self.hidden):
                        grads[e["from"]][j] += local[i] * row[j]
                        row[j] -= rate * local[i] * source[j]
        local = [d * self.act_grad(o) for d, o in zip(grads[0], states[0])]
        for i, row in enumerate(self.w_in):
            for j in range(2):
                row[j] -= rate * local[i] * point[j]
            self.b_in[i] -= rate * local[i]


def main():
    request = json.loads(sys.stdin.read())
    choices = request["choices"]
    rng = random.Random(request["seed"])
    data = two_moons(300, random.Random(0))
    train, valid = data[:200], data[200:]
    network = Network(choices["hidden"], choices["activation"],
                      request["cells"]["block"], rng)
    for _ in range(request.get("epochs", 10)):
        rng.shuffle(train)
        for point, label in train:
            network.step(point, label, choices["learning_rate"])
    correct = sum(network.predict(p) == bool(label) for p, label in valid)
    print(f"trained {request['architecture']}", file=sys.stderr)
    print(json.dumps({"accuracy": 100.0 * correct / len(valid),
                      "params": network.params() / 1e6}))


if __name__ == "__main__":
    main()
