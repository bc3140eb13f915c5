"""Run an exported model.py on tensor 'input' of a safetensors file.

Usage: run_export.py EXPORT_DIR INPUT OUTPUT

Loads EXPORT_DIR/model.py as a module, builds the network with its load(), and writes
the logits as tensor 'output' of the safetensors file OUTPUT. Prints one JSON line with
the network's state_dict names and the reader that load() used.
"""

import importlib.util
import json
import os
import struct
import sys

import torch


def import_model(directory):
    spec = importlib.util.spec_from_file_location("model", os.path.join(directory, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_safetensors(path, tensors):
    header = {}
    data = bytearray()
    for name, tensor in tensors.items():
        values = tensor.detach().contiguous().float().flatten().tolist()
        begin = len(data)
        data += struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": list(tensor.shape),
                        "data_offsets": [begin, len(data)]}
    encoded = json.dumps(header).encode("utf-8")
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(encoded)))
        file.write(encoded)
        file.write(data)


def main(directory, input_path, output_path):
    torch.set_num_threads(1)
    model = import_model(directory)
    network = model.load(directory)
    images = model.read_safetensors_plain(input_path)["input"]
    with torch.no_grad():
        logits = network(images)
    write_safetensors(output_path, {"output": logits})
    try:
        import safetensors  # noqa: F401
        reader = "safetensors"
    except ImportError:
        reader = "plain"
    print(json.dumps({"state_dict": list(network.state_dict().keys()),
                      "training": network.training, "reader": reader}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
