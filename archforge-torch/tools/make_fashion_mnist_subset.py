#!/usr/bin/python3
"""Writes the stratified Fashion-MNIST subset shipped in the jar.

Draws a fixed number of images per class from each split with a seeded
generator, keeps the original order, and writes the four IDX files gzipped
with a zero timestamp, so the output is byte-identical on every run.

Usage: make_fashion_mnist_subset.py SOURCE_DIR OUTPUT_DIR
"""
import gzip
import random
import struct
import sys
from pathlib import Path

TRAIN_PER_CLASS = 600
TEST_PER_CLASS = 100
SEED = 20170825


def read_idx(path):
    with gzip.open(path, "rb") as stream:
        data = stream.read()
    magic, count = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * (dims - 1), data[8:4 + 4 * dims])
    return data[:4 + 4 * dims], count, shape, data[4 + 4 * dims:]


def write_idx(path, magic_and_dims, count, shape, records):
    header = magic_and_dims[:4] + struct.pack(">I", count)
    header += b"".join(struct.pack(">I", d) for d in shape)
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
            out.write(header + b"".join(records))


def subset(source, target, split, per_class, rng):
    images = read_idx(source / f"{split}-images-idx3-ubyte.gz")
    labels = read_idx(source / f"{split}-labels-idx1-ubyte.gz")
    by_class = {}
    for index, label in enumerate(labels[3]):
        by_class.setdefault(label, []).append(index)
    chosen = sorted(i for c in sorted(by_class)
                    for i in rng.sample(by_class[c], per_class))
    size = images[2][0] * images[2][1]
    pixels = [images[3][i * size:(i + 1) * size] for i in chosen]
    write_idx(target / f"{split}-images-idx3-ubyte.gz", images[0],
              len(chosen), images[2], pixels)
    write_idx(target / f"{split}-labels-idx1-ubyte.gz", labels[0],
              len(chosen), (), [bytes([labels[3][i]]) for i in chosen])


def main():
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    rng = random.Random(SEED)
    subset(source, target, "train", TRAIN_PER_CLASS, rng)
    subset(source, target, "t10k", TEST_PER_CLASS, rng)


if __name__ == "__main__":
    main()
