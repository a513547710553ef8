"""Train an EfficientNet or GhostNet (built from our TypeScript spec) on Fashion-MNIST with PyTorch.

Usage (from the repository root):
  npm run train -- scripts/train/configs/ghostnet_050.json
  /usr/bin/python3 scripts/train/train.py <config.json> [--seed N] [--epochs N] [--name NAME]
      [--no-export] [--max-steps N]

A config (JSON) names the architecture (`model.family`, `model.options`, passed to ghostnet() /
efficientnet() through export-spec.ts) and every hyper-parameter; see scripts/train/README.md.
Each run writes scripts/train/runs/<name>/{train.log, metrics.json, spec.json}; checkpoints go to
runs/<name>/checkpoints/ (git-ignored). A config with `export` also writes the fp16 safetensors, the
PyTorch reference outputs (tests/fixtures/fmnist/) and its entry in static/weights/fmnist-models.json.

The model is the one after the last epoch (no early stopping, no selection on the test set); the test
set is evaluated after every epoch only to log the curve.
"""
import argparse
import json
import math
import os
import platform
import sys
import time

# Measured on this shared 2-core machine: with the default active OpenMP waiting, 2 threads fall to
# ~30 img/s whenever other processes hold a core (spinning barriers); passive waiting keeps ~300 img/s.
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import export  # noqa: E402
from model import ROOT, SpecNet, export_spec  # noqa: E402

THREADS = int(os.environ.get('TRAIN_THREADS', '2'))


def seed_everything(seed):
    torch.manual_seed(seed)
    np.random.seed(seed)
    return np.random.default_rng(seed)


def make_optimizer(net, cfg):
    o = cfg['optimizer']
    decay, no_decay = [], []
    for name, p in net.named_parameters():
        (no_decay if p.ndim <= 1 else decay).append(p)
    groups = [{'params': decay, 'weight_decay': o['weightDecay']}, {'params': no_decay, 'weight_decay': 0.0}]
    if o['kind'] == 'adamw':
        return torch.optim.AdamW(groups, lr=o['lr'], betas=tuple(o.get('betas', (0.9, 0.999))))
    if o['kind'] == 'sgd':
        return torch.optim.SGD(groups, lr=o['lr'], momentum=o.get('momentum', 0.9), nesterov=o.get('nesterov', True))
    raise ValueError(f"optimizer {o['kind']}")


def lr_at(step, total, cfg):
    """Linear warm-up over `warmupEpochs`, then cosine decay to `minLrRatio` × lr."""
    s = cfg['schedule']
    warm = int(round(s.get('warmupEpochs', 0) * total / cfg['epochs']))
    base = cfg['optimizer']['lr']
    if step < warm:
        return base * (step + 1) / warm
    t = (step - warm) / max(1, total - warm)
    lo = s.get('minLrRatio', 0.0)
    return base * (lo + (1 - lo) * 0.5 * (1 + math.cos(math.pi * t)))


@torch.no_grad()
def evaluate(net, images, labels, batch=500):
    net.eval()
    correct = 0
    loss = 0.0
    preds = []
    for i in range(0, len(images), batch):
        logits = net(data.to_input(images[i:i + batch]))
        y = torch.from_numpy(labels[i:i + batch])
        loss += F.cross_entropy(logits, y, reduction='sum').item()
        p = logits.argmax(1)
        preds.append(p.numpy())
        correct += (p == y).sum().item()
    return correct / len(images), loss / len(images), np.concatenate(preds)


def fp16_rounded(net):
    """A copy of the state_dict with every float tensor rounded to fp16 and back (what we ship)."""
    return {k: (v.half().float() if v.is_floating_point() else v) for k, v in net.state_dict().items()}


class Log:
    def __init__(self, path):
        self.f = open(path, 'a')

    def __call__(self, msg):
        line = f'[{time.strftime("%H:%M:%S")}] {msg}'
        print(line, flush=True)
        self.f.write(line + '\n')
        self.f.flush()


def train_epoch(net, opt, cfg, x, y, rng, step, total, log, max_steps=None):
    net.train()
    bs = cfg['batchSize']
    order = rng.permutation(len(x))
    n_batches = len(x) // bs  # drop the last partial batch (BN statistics of tiny batches are noisy)
    seen = correct = 0
    loss_sum = 0.0
    t0 = time.time()
    for b in range(n_batches):
        if max_steps is not None and step >= max_steps:
            break
        idx = order[b * bs:(b + 1) * bs]
        xb = x[idx]
        aug = cfg['augment']
        if aug.get('shift', 0) > 0 or aug.get('hflip'):
            xb = data.augment(xb, rng, aug.get('shift', 0), aug.get('hflip', False))
        inputs = data.to_input(xb)
        targets = torch.from_numpy(y[idx])
        for g in opt.param_groups:
            g['lr'] = lr_at(step, total, cfg)
        logits = net(inputs)
        loss = F.cross_entropy(logits, targets, label_smoothing=cfg.get('labelSmoothing', 0.0))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        seen += len(idx)
        loss_sum += loss.item() * len(idx)
        correct += (logits.argmax(1) == targets).sum().item()
        if (b + 1) % cfg.get('logEvery', 100) == 0:
            log(f'  step {step}/{total} loss {loss_sum / seen:.4f} acc {correct / seen:.4f} '
                f'lr {opt.param_groups[0]["lr"]:.2e} {seen / (time.time() - t0):.0f} img/s')
    return step, {'trainLoss': loss_sum / max(seen, 1), 'trainAcc': correct / max(seen, 1), 'images': seen,
                  'seconds': time.time() - t0}


def load_config(path, args):
    with open(path) as f:
        cfg = json.load(f)
    if args.seed is not None:
        cfg['seed'] = args.seed
    if args.epochs is not None:
        cfg['epochs'] = args.epochs
    if args.name:
        cfg['name'] = args.name
    if args.no_export:
        cfg.pop('export', None)
    cfg['configPath'] = os.path.relpath(os.path.abspath(path), ROOT)
    return cfg


def run(cfg, command, max_steps=None):
    """Train one config; returns the metrics dict (also written to runs/<name>/metrics.json)."""
    torch.set_num_threads(THREADS)
    run_dir = os.path.join(ROOT, 'scripts/train/runs', cfg['name'])
    os.makedirs(os.path.join(run_dir, 'checkpoints'), exist_ok=True)
    log = Log(os.path.join(run_dir, 'train.log'))
    exported = export_spec(cfg['model']['family'], cfg['model']['options'])
    with open(os.path.join(run_dir, 'spec.json'), 'w') as f:
        json.dump({'family': cfg['model']['family'], 'options': cfg['model']['options'],
                   'name': exported['spec']['name'], 'cost': exported['cost']}, f, indent=1)
    rng = seed_everything(cfg['seed'])
    net = SpecNet(exported, drop_rate=cfg.get('dropRate', 0.0), drop_path_rate=cfg.get('dropPathRate', 0.0))
    opt = make_optimizer(net, cfg)
    x, y = data.load('train')
    xt, yt = data.load('t10k')
    steps_per_epoch = len(x) // cfg['batchSize']
    total = steps_per_epoch * cfg['epochs']
    log(f'run {cfg["name"]}: {exported["spec"]["name"]} params {exported["cost"]["params"]} '
        f'MACs {exported["cost"]["macs"]}, seed {cfg["seed"]}, {cfg["epochs"]} epochs x {steps_per_epoch} steps, '
        f'torch {torch.__version__}, {THREADS} threads')
    log(f'config {json.dumps(cfg)}')
    started = time.time()
    step = 0
    epochs = []
    for epoch in range(cfg['epochs']):
        step, stats = train_epoch(net, opt, cfg, x, y, rng, step, total, log, max_steps)
        acc, loss, _ = evaluate(net, xt, yt)
        stats.update({'epoch': epoch + 1, 'testAcc': acc, 'testLoss': loss, 'elapsed': time.time() - started})
        epochs.append(stats)
        log(f'epoch {epoch + 1}/{cfg["epochs"]}: train loss {stats["trainLoss"]:.4f} acc {stats["trainAcc"]:.4f} | '
            f'test loss {loss:.4f} acc {acc:.4f} | {stats["seconds"]:.0f} s')
        torch.save({'state_dict': net.state_dict(), 'epoch': epoch + 1, 'config': cfg},
                   os.path.join(run_dir, 'checkpoints', 'last.pt'))
        if max_steps is not None and step >= max_steps:
            break
    train_seconds = time.time() - started
    acc32 = epochs[-1]['testAcc']
    net.load_state_dict(fp16_rounded(net))
    acc16, loss16, preds16 = evaluate(net, xt, yt)
    log(f'final test accuracy (10,000 images): fp32 {acc32:.4f}, fp16-rounded weights {acc16:.4f}; '
        f'training {train_seconds / 60:.1f} min')
    metrics = {
        'name': cfg['name'], 'model': exported['spec']['name'], 'family': cfg['model']['family'],
        'options': cfg['model']['options'], 'params': exported['cost']['params'], 'macs': exported['cost']['macs'],
        'seed': cfg['seed'], 'epochs': cfg['epochs'], 'testAccuracyFp32': acc32, 'testAccuracy': acc16,
        'testLoss': loss16, 'trainSeconds': round(train_seconds, 1), 'command': command, 'config': cfg,
        'history': epochs, 'torch': torch.__version__, 'threads': THREADS, 'machine': platform.machine(),
        'finished': time.strftime('%Y-%m-%dT%H:%M:%S%z'), 'maxSteps': max_steps,
    }
    with open(os.path.join(run_dir, 'metrics.json'), 'w') as f:
        json.dump(metrics, f, indent=1)
    if cfg.get('export'):
        export.ship(net, exported, cfg, metrics, preds16, log)
    return metrics


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('config')
    p.add_argument('--seed', type=int)
    p.add_argument('--epochs', type=int)
    p.add_argument('--name')
    p.add_argument('--no-export', action='store_true')
    p.add_argument('--max-steps', type=int, help='stop early (throughput checks)')
    args = p.parse_args(argv)
    cfg = load_config(args.config, args)
    command = 'npm run train -- ' + ' '.join(argv)
    run(cfg, command, args.max_steps)


if __name__ == '__main__':
    main(sys.argv[1:])
