"""Fashion-MNIST from Debian's dataset-fashion-mnist package (IDX files, gzip), as uint8 arrays.

Preprocessing (the standard timm eval path at 32x32, so the site classifies these images the way it
classifies any other): the 28x28 grayscale image is zero-padded by 2 pixels on each side to 32x32,
repeated to 3 channels (R = G = B, what a browser gives for a grayscale PNG), scaled to [0, 1] and
normalized with the ImageNet mean/std (0.485, 0.456, 0.406) / (0.229, 0.224, 0.225).
"""
import gzip
import os

import numpy as np
import torch
import torch.nn.functional as F

DATA_DIR = os.environ.get('FMNIST_DIR', '/usr/share/datasets/fashion-mnist')
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
PAD = 2
RESOLUTION = 32
IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: '>i2', 0x0C: '>i4', 0x0D: '>f4', 0x0E: '>f8'}


def read_idx(path):
    """Parse an IDX file (gzip-compressed if it ends in .gz) into a numpy array, validating the header."""
    with (gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb')) as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] not in IDX_TYPES:
        raise ValueError(f'{path}: bad IDX magic {raw[:4].hex()}')
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim)]
    dtype = np.dtype(IDX_TYPES[raw[2]])
    body = raw[4 + 4 * ndim:]
    if len(body) != int(np.prod(dims)) * dtype.itemsize:
        raise ValueError(f'{path}: {len(body)} data bytes for dims {dims}')
    return np.frombuffer(body, dtype=dtype).reshape(dims)


def load(split, pad=True):
    """(images uint8 [N, 32, 32] zero-padded, labels int64 [N]) for split 'train' or 't10k'; with
    pad=False the native 28x28 images (the compound-scaling experiment resizes them itself)."""
    images = read_idx(os.path.join(DATA_DIR, f'{split}-images-idx3-ubyte.gz'))
    labels = read_idx(os.path.join(DATA_DIR, f'{split}-labels-idx1-ubyte.gz'))
    if images.shape[0] != labels.shape[0] or images.shape[1:] != (28, 28):
        raise ValueError(f'{split}: unexpected shapes {images.shape} {labels.shape}')
    if not pad:
        return images.copy(), labels.astype(np.int64)
    padded = np.zeros((images.shape[0], RESOLUTION, RESOLUTION), np.uint8)
    padded[:, PAD:PAD + 28, PAD:PAD + 28] = images
    return padded, labels.astype(np.int64)


_MEAN = torch.tensor(MEAN).view(1, 3, 1, 1)
_STD = torch.tensor(STD).view(1, 3, 1, 1)


def to_input(batch_u8, size=None):
    """uint8 [B, H, W] -> normalized float32 [B, 3, H, W] (NCHW). With `size`, the images are first
    area-downsampled to size x size (each output pixel the mean of the input area it covers;
    torch's adaptive average pooling), the reduced-resolution input of the compound-scaling runs."""
    x = torch.from_numpy(np.ascontiguousarray(batch_u8)).float().div_(255).unsqueeze(1)
    if size is not None and size != x.shape[-1]:
        if size > x.shape[-1]:
            raise ValueError(f'area downsampling cannot enlarge {x.shape[-1]} px to {size} px')
        x = F.interpolate(x, size=(size, size), mode='area')
    return (x - _MEAN) / _STD


def augment(batch_u8, rng, shift=2, hflip=True):
    """Random crop with `shift`-pixel zero padding (i.e. random translation) and horizontal flip."""
    b, h, w = batch_u8.shape
    padded = np.zeros((b, h + 2 * shift, w + 2 * shift), np.uint8)
    padded[:, shift:shift + h, shift:shift + w] = batch_u8
    dy = rng.integers(0, 2 * shift + 1, b)
    dx = rng.integers(0, 2 * shift + 1, b)
    rows = dy[:, None] + np.arange(h)[None, :]
    cols = dx[:, None] + np.arange(w)[None, :]
    out = padded[np.arange(b)[:, None, None], rows[:, :, None], cols[:, None, :]]
    if hflip:
        flip = rng.random(b) < 0.5
        out[flip] = out[flip, :, ::-1]
    return out


def sample_indices(labels, per_class=10):
    """The shipped samples: the first `per_class` test images of each class, in test-set order."""
    picked = [i for c in range(10) for i in np.flatnonzero(labels == c)[:per_class]]
    return sorted(int(i) for i in picked)
