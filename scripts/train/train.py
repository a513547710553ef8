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


def make_optimizer(net, cfg, lr):
    o = {**cfg['optimizer'], 'lr': lr}
    decay, no_decay = [], []
    for name, p in net.named_parameters():
        (no_decay if p.ndim <= 1 else decay).append(p)
    groups = [{'params': decay, 'weight_decay': o['weightDecay']}, {'params': no_decay, 'weight_decay': 0.0}]
    if o['kind'] == 'adamw':
        return torch.optim.AdamW(groups, lr=o['lr'], betas=tuple(o.get('betas', (0.9, 0.999))))
    if o['kind'] == 'sgd':
        return torch.optim.SGD(groups, lr=o['lr'], momentum=o.get('momentum', 0.9), nesterov=o.get('nesterov', True))
    raise ValueError(f"optimizer {o['kind']}")


def lr_schedule(stage, steps_per_epoch):
    """lr(step) of one stage: linear warm-up over `warmupEpochs`, then cosine decay to `minLrRatio` x lr."""
    total = steps_per_epoch * stage['epochs']
    warm = int(round(stage.get('warmupEpochs', 0) * steps_per_epoch))
    base, lo = stage['lr'], stage.get('minLrRatio', 0.0)

    def lr(step):
        if step < warm:
            return base * (step + 1) / warm
        t = (step - warm) / max(1, total - warm)
        return base * (lo + (1 - lo) * 0.5 * (1 + math.cos(math.pi * t)))
    return lr


def stages_of(cfg):
    """The main cosine schedule, then each warm restart (SGDR) of `restarts`: a fresh optimizer and a new
    cosine cycle from its own peak lr."""
    main = {'epochs': cfg['epochs'], 'lr': cfg['optimizer']['lr'], **{k: v for k, v in cfg['schedule'].items()
                                                                     if k in ('warmupEpochs', 'minLrRatio')}}
    return [main] + list(cfg.get('restarts', []))


# What a restart may set differently from the main stage (besides epochs, lr, warmupEpochs, minLrRatio).
STAGE_OVERRIDES = ('augment', 'labelSmoothing')
STAGE_KEYS = ('model', 'seed', 'epochs', 'batchSize', 'optimizer', 'schedule', 'labelSmoothing', 'dropRate',
              'dropPathRate', 'augment', 'input')


def stage_key(cfg, k):
    """Everything that determines the weights after stage k (a finished stage is reused only if equal)."""
    key = {n: cfg.get(n) for n in STAGE_KEYS}
    key['restarts'] = list(cfg.get('restarts', []))[:k]
    return json.dumps(key, sort_keys=True)


def input_size(cfg):
    """Resolution the images are area-downsampled to (cfg `input` = {kind: 'area', resolution}), or None
    for the shipped models' 28 px zero-padded to 32."""
    inp = cfg.get('input')
    if inp is None:
        return None
    if inp.get('kind') != 'area' or inp['resolution'] != cfg['model']['options'].get('resolution'):
        raise ValueError(f'input {inp} must be area-downsampling to the model resolution')
    return inp['resolution']


@torch.no_grad()
def evaluate(net, images, labels, batch=500, size=None):
    net.eval()
    correct = 0
    loss = 0.0
    preds = []
    for i in range(0, len(images), batch):
        logits = net(data.to_input(images[i:i + batch], size))
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


def train_epoch(net, opt, cfg, x, y, rng, step, lr, log, max_steps=None):
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
        inputs = data.to_input(xb, input_size(cfg))
        targets = torch.from_numpy(y[idx])
        for g in opt.param_groups:
            g['lr'] = lr(step)
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
            log(f'  step {step} loss {loss_sum / seen:.4f} acc {correct / seen:.4f} '
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


def run_stage(k, stage, net, cfg, train_set, test_set, log, max_steps):
    """Train one stage; returns its per-epoch history. Stage 0 keeps the RNG state of the model's
    initialisation; each later stage reseeds, so resuming from a saved stage gives the same run."""
    if k == 0:
        rng = np.random.default_rng(cfg['seed'])
    else:
        torch.manual_seed(cfg['seed'] + 1000 * k)
        rng = np.random.default_rng([cfg['seed'], k])
    opt = make_optimizer(net, cfg, stage['lr'])
    steps_per_epoch = len(train_set[0]) // cfg['batchSize']
    lr = lr_schedule(stage, steps_per_epoch)
    stage_cfg = {**cfg, **{n: stage[n] for n in STAGE_OVERRIDES if n in stage}}
    history = []
    step = 0
    for epoch in range(stage['epochs']):
        step, stats = train_epoch(net, opt, stage_cfg, *train_set, rng, step, lr, log, max_steps)
        acc, loss, _ = evaluate(net, *test_set, size=input_size(cfg))
        stats.update({'stage': k, 'epochInStage': epoch + 1, 'testAcc': acc, 'testLoss': loss})
        history.append(stats)
        log(f'stage {k} epoch {epoch + 1}/{stage["epochs"]}: train loss {stats["trainLoss"]:.4f} '
            f'acc {stats["trainAcc"]:.4f} | test loss {loss:.4f} acc {acc:.4f} | {stats["seconds"]:.0f} s')
        if max_steps is not None and step >= max_steps:
            break
    return history


def run(cfg, command, max_steps=None):
    """Train one config; returns the metrics dict (also written to runs/<name>/metrics.json)."""
    torch.set_num_threads(THREADS)
    run_dir = os.path.join(ROOT, 'scripts/train/runs', cfg['name'])
    ckpt_dir = os.path.join(run_dir, 'checkpoints')
    os.makedirs(ckpt_dir, exist_ok=True)
    log = Log(os.path.join(run_dir, 'train.log'))
    exported = export_spec(cfg['model']['family'], cfg['model']['options'])
    with open(os.path.join(run_dir, 'spec.json'), 'w') as f:
        json.dump({'family': cfg['model']['family'], 'options': cfg['model']['options'],
                   'name': exported['spec']['name'], 'cost': exported['cost']}, f, indent=1)
    seed_everything(cfg['seed'])
    net = SpecNet(exported, drop_rate=cfg.get('dropRate', 0.0), drop_path_rate=cfg.get('dropPathRate', 0.0))
    pad = input_size(cfg) is None
    train_set, test_set = data.load('train', pad), data.load('t10k', pad)
    stages = stages_of(cfg)
    log(f'run {cfg["name"]}: {exported["spec"]["name"]} params {exported["cost"]["params"]} '
        f'MACs {exported["cost"]["macs"]}, seed {cfg["seed"]}, stages of {[s["epochs"] for s in stages]} epochs '
        f'x {len(train_set[0]) // cfg["batchSize"]} steps, torch {torch.__version__}, {THREADS} threads')
    log(f'config {json.dumps(cfg)}')
    history, seconds, cpu = [], 0.0, 0.0
    for k, stage in enumerate(stages):
        path = os.path.join(ckpt_dir, f'stage{k}.pt')
        saved = torch.load(path) if os.path.exists(path) and max_steps is None else None
        if saved is not None and saved['key'] == stage_key(cfg, k):
            net.load_state_dict(saved['state_dict'])
            history, seconds, cpu = saved['history'], saved['seconds'], saved.get('cpuSeconds')
            log(f'stage {k}: reusing {os.path.relpath(path, ROOT)} (test acc {history[-1]["testAcc"]:.4f})')
            continue
        started, cpu_started = time.time(), time.process_time()
        history = history + run_stage(k, stage, net, cfg, train_set, test_set, log, max_steps)
        seconds += time.time() - started
        cpu += time.process_time() - cpu_started
        torch.save({'state_dict': net.state_dict(), 'history': history, 'seconds': seconds, 'cpuSeconds': cpu,
                    'key': stage_key(cfg, k)}, path)
    for i, h in enumerate(history):
        h['epoch'] = i + 1
    acc32 = history[-1]['testAcc']
    net.load_state_dict(fp16_rounded(net))
    acc16, loss16, preds16 = evaluate(net, *test_set, size=input_size(cfg))
    log(f'final test accuracy (10,000 images): fp32 {acc32:.4f}, fp16-rounded weights {acc16:.4f}; '
        f'training {seconds / 60:.1f} min')
    metrics = {
        'name': cfg['name'], 'model': exported['spec']['name'], 'family': cfg['model']['family'],
        'options': cfg['model']['options'], 'params': exported['cost']['params'], 'macs': exported['cost']['macs'],
        'seed': cfg['seed'], 'epochs': len(history), 'stages': stages, 'testAccuracyFp32': acc32,
        'testAccuracy': acc16, 'testLoss': loss16, 'trainSeconds': round(seconds, 1),
        # CPU time of this process (all its threads): unlike the wall time, not stretched while the
        # machine was busy with other work or the run was paused (SIGSTOP) for a benchmark.
        'cpuSeconds': round(cpu, 1) if cpu is not None else None, 'command': command,
        'config': cfg, 'history': history, 'torch': torch.__version__, 'threads': THREADS,
        'machine': platform.machine(), 'finished': time.strftime('%Y-%m-%dT%H:%M:%S%z'), 'maxSteps': max_steps,
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
