"""Writes static/samples/fmnist/: 100 Fashion-MNIST test images (the first 10 of each class) as 32x32
grayscale PNGs (the 28x28 image zero-padded by 2 pixels, i.e. exactly the network input before
normalization), the same 100 images and labels as gzipped IDX files (for the IDX reader's tests), a
manifest with label indices, and the attribution + licence from Debian's copyright file.

Usage: /usr/bin/python3 scripts/train/make_samples.py
"""
import gzip
import json
import os
import struct
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from export import CLASSES  # noqa: E402
from model import ROOT  # noqa: E402

OUT = os.path.join(ROOT, 'static/samples/fmnist')
COPYRIGHT = '/usr/share/doc/dataset-fashion-mnist/copyright'


def idx_bytes(array):
    header = bytes([0, 0, 0x08, array.ndim]) + b''.join(struct.pack('>I', d) for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_gz(path, payload):
    # mtime 0 and no file name, so the bytes do not change from one run to the next
    with open(path, 'wb') as raw, gzip.GzipFile(fileobj=raw, mode='wb', mtime=0, filename='') as f:
        f.write(payload)


def main():
    os.makedirs(OUT, exist_ok=True)
    raw_images = data.read_idx(os.path.join(data.DATA_DIR, 't10k-images-idx3-ubyte.gz'))
    padded, labels = data.load('t10k')
    indices = data.sample_indices(labels)
    samples = []
    for i in indices:
        name = f't10k-{i:05d}.png'
        Image.fromarray(padded[i], mode='L').save(os.path.join(OUT, name), optimize=True)
        check = np.asarray(Image.open(os.path.join(OUT, name)))
        assert (check == padded[i]).all() and (check[2:30, 2:30] == raw_images[i]).all()
        samples.append({'file': name, 'testIndex': i, 'label': int(labels[i]), 'name': CLASSES[labels[i]]})
    write_gz(os.path.join(OUT, 'samples-images-idx3-ubyte.gz'), idx_bytes(raw_images[indices]))
    write_gz(os.path.join(OUT, 'samples-labels-idx1-ubyte.gz'), idx_bytes(labels[indices]))
    manifest = {
        'source': 'Fashion-MNIST test set (t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) from Debian '
                  'dataset-fashion-mnist, /usr/share/datasets/fashion-mnist/',
        'copyright': '2017, Zalando SE',
        'license': 'MIT (Expat); full text in ATTRIBUTION.md',
        'selection': 'the first 10 test images of each class, in test-set order',
        'format': '32x32 8-bit grayscale PNG: the 28x28 original zero-padded by 2 pixels on each side, which '
                  'is the network input before normalization (resize to 32 and center crop 1.0 leave it as is)',
        'idx': {'images': 'samples-images-idx3-ubyte.gz', 'labels': 'samples-labels-idx1-ubyte.gz',
                'note': 'the same 100 images (28x28, unpadded) and labels, in this order, as gzipped IDX'},
        'labels': 'fashion-mnist',
        'classes': CLASSES,
        'samples': samples,
    }
    with open(os.path.join(OUT, 'samples.json'), 'w') as f:
        json.dump(manifest, f, indent='\t', ensure_ascii=False)
        f.write('\n')
    with open(COPYRIGHT) as f:
        copyright_text = f.read()
    with open(os.path.join(OUT, 'ATTRIBUTION.md'), 'w') as f:
        f.write(ATTRIBUTION.format(copyright=copyright_text.strip()))


ATTRIBUTION = """# Fashion-MNIST samples: source and licence

The 100 images here (`t10k-*.png`, and the same images as `samples-*-idx*-ubyte.gz`) are from the test
set of **Fashion-MNIST** by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf, "Fashion-MNIST:
a Novel Image Dataset for Benchmarking Machine Learning Algorithms", arXiv:1708.07747, 2017;
https://github.com/zalandoresearch/fashion-mnist), as packaged by Debian (`dataset-fashion-mnist`,
files `/usr/share/datasets/fashion-mnist/t10k-*-ubyte.gz`).

Selection: the first 10 test images of each class, in test-set order (`samples.json` gives each
image's index in the test set and its label). Change: each 28x28 image is zero-padded by 2 pixels on
each side to 32x32 and saved as an 8-bit grayscale PNG (written by `scripts/train/make_samples.py`).
The pixel values are otherwise unchanged.

The Debian package's copyright file (`/usr/share/doc/dataset-fashion-mnist/copyright`), in full:

```
{copyright}
```
"""

if __name__ == '__main__':
    main()
