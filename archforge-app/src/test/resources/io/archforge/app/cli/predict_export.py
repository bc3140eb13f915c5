"""Print the logits of an exported model.py on tensor 'input' of a safetensors file.

Usage: predict_export.py EXPORT_DIR INPUT

Prints one JSON line: the logits' shape and their values in row-major order.
"""

import importlib.util
import json
import os
import sys

import torch


def main(directory, input_path):
    torch.set_num_threads(1)
    spec = importlib.util.spec_from_file_location("model", os.path.join(directory, "model.py"))
    model = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(model)
    network = model.load(directory)
    images = model.read_safetensors_plain(input_path)["input"]
    with torch.no_grad():
        logits = network(images)
    print(json.dumps({"shape": list(logits.shape), "values": logits.flatten().tolist()}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
