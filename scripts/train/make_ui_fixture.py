"""Writes tests/fixtures/fmnist/ui-200.*: 200 Fashion-MNIST test images for the browser test that
classifies them through the site's upload path (tests/e2e/classify.e2e.ts), and what PyTorch predicts
for them with the shipped models.

Selection: test-set indices 100..299, a plain contiguous run of the test set, in order (10 of them are
also among the 100 shipped samples, which are the first 10 test images of each class).
  ui-200-images-idx3-ubyte.gz  the 200 images as a gzipped IDX file, 28x28 uint8, unpadded (as in the
                               data set; the test turns each into a 28x28 grayscale PNG upload)
  ui-200.json                  test indices, labels, and per shipped model the top-1 class PyTorch
                               predicts for each image and the resulting accuracy on these 200

The predictions use the shipped weights (static/weights/fmnist-*.safetensors, fp16 as shipped, run in
fp32) on the standard input: the 28x28 image zero-padded to 32x32, repeated to 3 channels, ImageNet
mean/std, exactly as scripts/train evaluates.

Usage: /usr/bin/python3 scripts/train/make_ui_fixture.py
"""
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import safetensors_io  # noqa: E402
from make_samples import idx_bytes, write_gz  # noqa: E402
from model import ROOT, SpecNet, export_spec  # noqa: E402

FIRST = 100
COUNT = 200
OUT = os.path.join(ROOT, 'tests/fixtures/fmnist')
MANIFEST = os.path.join(ROOT, 'static/weights/fmnist-models.json')


@torch.no_grad()
def predictions(entry, images):
    """Top-1 class of each image with the shipped weights of manifest entry `entry`."""
    exported = export_spec(entry['family'], entry['spec'])
    net = SpecNet(exported)
    tensors, _ = safetensors_io.read(os.path.join(ROOT, 'static/weights', entry['file']))
    state = net.state_dict()
    missing = [e['key'] for e in exported['stateDict'] if e['key'] not in tensors]
    if missing:
        raise SystemExit(f'{entry["file"]}: missing {missing[:3]}')
    net.load_state_dict({k: tensors[k].to(state[k].dtype) if k in tensors else state[k] for k in state})
    net.eval()
    return net(data.to_input(images)).argmax(1).numpy()


def main():
    torch.set_num_threads(int(os.environ.get('TRAIN_THREADS', '2')))
    raw = data.read_idx(os.path.join(data.DATA_DIR, 't10k-images-idx3-ubyte.gz'))
    padded, labels = data.load('t10k')
    chosen = list(range(FIRST, FIRST + COUNT))
    with open(MANIFEST) as f:
        manifest = json.load(f)
    models = []
    for entry in manifest['models']:
        top1 = predictions(entry, padded[chosen])
        accuracy = float((top1 == labels[chosen]).mean())
        models.append({'id': entry['id'], 'family': entry['family'], 'file': entry['file'],
                       'top1': [int(p) for p in top1], 'accuracy': accuracy})
        print(f'{entry["id"]}: {accuracy:.4f} on test images {FIRST}..{FIRST + COUNT - 1}')
    os.makedirs(OUT, exist_ok=True)
    write_gz(os.path.join(OUT, 'ui-200-images-idx3-ubyte.gz'), idx_bytes(raw[chosen]))
    fixture = {
        'source': 'Fashion-MNIST test set, Debian dataset-fashion-mnist (/usr/share/datasets/fashion-mnist/); '
                  'attribution and licence: static/samples/fmnist/ATTRIBUTION.md',
        'command': '/usr/bin/python3 scripts/train/make_ui_fixture.py',
        'selection': f'test images {FIRST}..{FIRST + COUNT - 1}, in order',
        'images': 'ui-200-images-idx3-ubyte.gz (28x28 uint8, unpadded, same order)',
        'evaluatedWith': f'PyTorch {torch.__version__}, shipped fp16 weights run in fp32, input zero-padded '
                         'to 32x32, 3 channels, ImageNet mean/std (scripts/train/data.py)',
        'testIndices': chosen,
        'labels': [int(labels[i]) for i in chosen],
        'models': models,
    }
    with open(os.path.join(OUT, 'ui-200.json'), 'w') as f:
        json.dump(fixture, f, indent='\t')
        f.write('\n')


if __name__ == '__main__':
    main()
