"""Checks model.py against timm: loads the timm fixture weights (random, with re-randomized BN) into a
SpecNet built from our TypeScript spec and compares every tap and the logits with timm's outputs.

Usage: /usr/bin/python3 scripts/train/check_timm_fixtures.py [--full]
(--full also checks the 224x224 ImageNet-size fixtures in ../shared/fixtures/timm, if present).
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
import safetensors_io  # noqa: E402
from model import ROOT, SpecNet, export_spec  # noqa: E402

SMALL = [
    ('tests/fixtures/small/ghostnet_w0.25', 'ghostnet', {'width': 0.25, 'numClasses': 10, 'resolution': 64}),
    ('tests/fixtures/small/efficientnet_w0.25_d0.5', 'efficientnet',
     {'width': 0.25, 'depth': 0.5, 'numClasses': 10, 'resolution': 64}),
]
FULL = [
    ('../shared/fixtures/timm/ghostnet_100', 'ghostnet', {'width': 1, 'numClasses': 1000, 'resolution': 224}),
    ('../shared/fixtures/timm/efficientnet_b0', 'efficientnet', {'variant': 'b0', 'numClasses': 1000}),
]


def check(stem, family, options):
    weights, _ = safetensors_io.read(os.path.join(ROOT, stem + '.weights.safetensors'))
    io, _ = safetensors_io.read(os.path.join(ROOT, stem + '.io.safetensors'))
    net = SpecNet(export_spec(family, options))
    net.load_state_dict(weights, strict=True)
    net.eval()
    taps = {}
    with torch.no_grad():
        logits = net(io['input'], taps)
    worst = 0.0
    for name, ref in io.items():
        if name == 'input':
            continue
        got = logits if name == 'logits' else taps[name[4:] if name.startswith('tap.') else name]
        err = (got - ref).abs().max().item()
        scale = ref.abs().max().item()
        rel = err / max(scale, 1e-12)
        worst = max(worst, rel if name != 'logits' else err)
        ok = err <= 1e-4 if name == 'logits' else rel <= 1e-4
        print(f'  {name:16s} max|diff| {err:.2e}  (scale {scale:.2e}) {"ok" if ok else "MISMATCH"}')
        if not ok:
            raise SystemExit(f'{stem}: {name} differs from timm')
    print(f'{stem}: matches timm ({len(io) - 1} outputs)')


if __name__ == '__main__':
    torch.set_num_threads(2)
    for args in SMALL + (FULL if '--full' in sys.argv else []):
        check(*args)
