"""Minimal safetensors reader/writer (the `safetensors` package is not in Debian's python3).

Format: 8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}} with an
optional "__metadata__" of string values, then the raw little-endian tensor bytes.
"""
import json
import struct

import numpy as np
import torch

_DTYPES = {'F32': np.float32, 'F16': np.float16, 'I64': np.int64, 'F64': np.float64, 'I32': np.int32}
_NAMES = {np.dtype(v): k for k, v in _DTYPES.items()}


def read(path):
    """Return (tensors: {name: torch.Tensor}, metadata: dict)."""
    with open(path, 'rb') as f:
        raw = f.read()
    (n,) = struct.unpack('<Q', raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop('__metadata__', {}) or {}
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        start, end = info['data_offsets']
        arr = np.frombuffer(raw[base + start:base + end], dtype=_DTYPES[info['dtype']]).reshape(info['shape'])
        tensors[name] = torch.from_numpy(arr.copy())
    return tensors, meta


def write(path, tensors, metadata=None):
    """Write {name: tensor or ndarray} in the given (insertion) order; metadata values become strings."""
    header = {}
    if metadata:
        header['__metadata__'] = {k: str(v) for k, v in metadata.items()}
    chunks = []
    offset = 0
    for name, t in tensors.items():
        arr = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
        arr = np.ascontiguousarray(arr)
        data = arr.astype(arr.dtype.newbyteorder('<'), copy=False).tobytes()
        header[name] = {'dtype': _NAMES[arr.dtype], 'shape': list(arr.shape), 'data_offsets': [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    head = json.dumps(header, separators=(',', ':')).encode()
    head += b' ' * ((8 - len(head) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(head)))
        f.write(head)
        for c in chunks:
            f.write(c)
