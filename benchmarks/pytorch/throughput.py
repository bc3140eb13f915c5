#!/usr/bin/python3
"""Times training steps of Archforge's reference networks in PyTorch eager mode.

Builds the same two networks as the Java class
io.archforge.torch.bench.ThroughputBenchmark, layer for layer, and trains them
the same way: one fixed batch of Gaussian 1x28x28 images with random labels,
softmax cross-entropy, SGD with momentum 0.9 and learning rate 0.01, a number
of warm-up steps, then timed steps. The images have channels-last strides, as
in Archforge's TrainingStep. Prints one JSON object per network. It holds
the wall-clock seconds and the CPU seconds of the training thread during
the timed steps (with one intra-op thread, every operator runs on it), and
the intra-op thread count that PyTorch reports after setting it.

  reference  the macro network s1=16ch/1 block, s2=32ch/2 blocks/expansion 2/
             residual, s3=64ch/2 blocks/expansion 2/residual, 3x3 kernels,
             stem stride 2 (MobileNetV2 blocks with a depthwise convolution)
  cnn        three 3x3 convolutions (32, 64, 128 channels, the last two with
             stride 2), global average pooling, linear: 93,962 parameters

Usage: throughput.py [--network reference|cnn|all] [--steps N]
                     [--warmup N] [--batch N] [--threads N]
Needs PyTorch (Debian: python3-torch, run with /usr/bin/python3).
"""
import argparse
import json
import time

import torch
from torch import nn

REFERENCE = [  # (depth, width, kernel, expansion, residual) per stage
    (1, 16, 3, 1, False),
    (2, 32, 3, 2, True),
    (2, 64, 3, 2, True),
]


class Block(nn.Module):
    """Inverted bottleneck; the expansion convolution is left out at ratio 1."""

    def __init__(self, inputs, width, kernel, expansion, stride, residual):
        super().__init__()
        hidden = width * expansion if expansion > 1 else inputs
        layers = []
        if expansion > 1:
            layers += [nn.Conv2d(inputs, hidden, 1, bias=False),
                       nn.BatchNorm2d(hidden), nn.ReLU()]
        layers += [nn.Conv2d(hidden, hidden, kernel, stride, kernel // 2,
                             groups=hidden, bias=False),
                   nn.BatchNorm2d(hidden), nn.ReLU(),
                   nn.Conv2d(hidden, width, 1, bias=False),
                   nn.BatchNorm2d(width)]
        self.body = nn.Sequential(*layers)
        self.residual = residual and stride == 1 and inputs == width

    def forward(self, x):
        out = self.body(x)
        return out + x if self.residual else out


def macro_network(stages, classes=10, stem_stride=2):
    channels = stages[0][1]
    layers = [nn.Conv2d(1, channels, 3, stem_stride, 1, bias=False),
              nn.BatchNorm2d(channels), nn.ReLU()]
    for index, (depth, width, kernel, expansion, residual) in enumerate(stages):
        for block in range(depth):
            stride = 2 if index > 0 and block == 0 else 1
            layers.append(Block(channels, width, kernel, expansion, stride,
                                residual))
            channels = width
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(),
               nn.Linear(channels, classes)]
    return nn.Sequential(*layers)


def plain_cnn(classes=10):
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, 1, 1), nn.ReLU(),
        nn.Conv2d(32, 64, 3, 2, 1), nn.ReLU(),
        nn.Conv2d(64, 128, 3, 2, 1), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, classes))


def forward_macs(model, image_shape):
    """Multiply-accumulates of convolutions and linear layers for one image."""
    macs = 0

    def count(module, inputs, output):
        nonlocal macs
        if isinstance(module, nn.Conv2d):
            per_output = (module.in_channels // module.groups
                          * module.kernel_size[0] * module.kernel_size[1])
            macs += output.numel() // output.shape[0] * per_output
        elif isinstance(module, nn.Linear):
            macs += module.in_features * module.out_features

    hooks = [m.register_forward_hook(count) for m in model.modules()
             if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model.eval()
        model(torch.zeros(1, *image_shape))
        model.train()
    for hook in hooks:
        hook.remove()
    return macs


def measure(name, batch, warmup, steps):
    torch.manual_seed(0)
    model = macro_network(REFERENCE) if name == "reference" else plain_cnn()
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    macs = forward_macs(model, (1, 28, 28))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_function = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(1)
    images = torch.randn(batch, 1, 28, 28, generator=generator)
    # A view with channels-last strides on the same memory, as Archforge's
    # TrainingStep passes single-channel images. contiguous(memory_format=...)
    # would keep the NCHW strides here, because one channel satisfies both.
    images = images.reshape(batch, 28, 28, 1).permute(0, 3, 1, 2)
    labels = torch.randint(0, 10, (batch,), generator=generator)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = loss_function(model(images), labels)
        loss.backward()
        optimizer.step()

    for _ in range(warmup):
        step()
    start = time.perf_counter()
    cpu_start = time.thread_time()
    for _ in range(steps):
        step()
    cpu_seconds = time.thread_time() - cpu_start
    seconds = time.perf_counter() - start
    return {"network": name, "framework": "PyTorch " + torch.__version__,
            "params": params / 1e6, "flops": macs / 1e6, "batch_size": batch,
            "steps": steps, "threads": torch.get_num_threads(),
            "seconds": seconds, "cpu_seconds": cpu_seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", default="all",
                        choices=["reference", "cnn", "all"])
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    names = ["reference", "cnn"] if args.network == "all" else [args.network]
    for name in names:
        result = measure(name, args.batch, args.warmup, args.steps)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
