"""Ghost-vs-convolution reproduction (GhostNet paper §4.1, at small scale) on Fashion-MNIST.

Usage: /usr/bin/python3 scripts/train/reproduce.py [scripts/train/configs/reproduction.json] [--epochs N]
       [--max-steps N  (smoke test only)]

Trains every variant x seed of the config with identical hyper-parameters (train.run), in the order
seed 0 of every variant first, so a partial run is still balanced; writes runs/repro-<variant>-s<seed>/
and scripts/train/results/reproduction.json (params and MACs from our TypeScript cost model via
export-spec.ts, test accuracy per seed, mean and spread, time, command). Runs that already have a
metrics.json with the same config are not trained again. A second process started with --reverse
takes runs from the other end of the queue (each run is claimed with a lock file).
"""
import copy
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402  (sets the OpenMP policy before torch is imported)
from model import ROOT  # noqa: E402

RESULTS = 'scripts/train/results/reproduction.json'


def run_config(cfg, variant, seed):
    run = copy.deepcopy(cfg['base'])
    run['model']['options'].update(variant['options'])
    run['seed'] = seed
    run['name'] = f'{cfg["name"]}-{variant["id"]}-s{seed}'
    run['configPath'] = cfg['configPath']
    return run


def cached(run):
    path = os.path.join(ROOT, 'scripts/train/runs', run['name'], 'metrics.json')
    if not os.path.exists(path):
        return None
    with open(path) as f:
        m = json.load(f)
    same = {k: v for k, v in m['config'].items() if k in run} == run
    return m if same and m.get('maxSteps') is None else None


def module_cost(run_name):
    """Params and MACs of the Ghost modules (primary + cheap) or of the convs that replace them."""
    with open(os.path.join(ROOT, 'scripts/train/runs', run_name, 'spec.json')) as f:
        by_role = json.load(f)['cost']['byRole']
    return {k: sum(by_role[r][k] for r in ('primary', 'cheap', 'conv')) for k in ('params', 'macs')}


def summarize(cfg, results, command, wall):
    variants = []
    for v in cfg['variants']:
        runs = results.get(v['id'], [])
        accs = [r['testAccuracy'] for r in runs]
        first = runs[0] if runs else None
        variants.append({
            'id': v['id'], 'label': v['label'], 'options': {**cfg['base']['model']['options'], **v['options']},
            'architecture': first['model'] if first else None,
            'params': first['params'] if first else None, 'macs': first['macs'] if first else None,
            'moduleCost': module_cost(first['name']) if first else None,
            'seeds': [r['seed'] for r in runs], 'testAccuracy': accs,
            'mean': round(statistics.mean(accs), 6) if accs else None,
            'spread': round(max(accs) - min(accs), 6) if len(accs) > 1 else None,
            'std': round(statistics.stdev(accs), 6) if len(accs) > 1 else None,
            'trainSeconds': [r['trainSeconds'] for r in runs],
            'runs': [f'scripts/train/runs/{r["name"]}' for r in runs],
        })
    conv = next((v['mean'] for v in variants if v['id'] == 'conv'), None)
    for v in variants:
        v['meanMinusConv'] = round(v['mean'] - conv, 6) if v['mean'] is not None and conv is not None else None
    return {
        'what': cfg['note'],
        'dataset': 'Fashion-MNIST (Debian dataset-fashion-mnist), 60,000 training / 10,000 test images, '
                   '28x28 zero-padded to 32x32, repeated to 3 channels',
        'epochs': cfg['base']['epochs'],
        'epochsNote': 'fewer epochs than the shipped models (CPU budget); accuracies are not converged values',
        'testImages': 10000,
        'accuracyNote': 'top-1 on the full test set, PyTorch, fp16-rounded weights, model after the last epoch',
        'costNote': 'params and MACs from src/lib/nets/cost.ts (conv and linear MACs, batch 1, 32x32 input); '
                    'moduleCost counts only the Ghost modules or the ordinary convs that replace them',
        'hyperParameters': cfg['base'],
        'command': command,
        'wallSeconds': round(wall, 1),
        'variants': variants,
        'paper': {
            'source': 'GhostNet paper §4.1, ablation on s (VGG-16 on CIFAR-10, d = 3), as in facts.md C.5',
            'rows': [
                {'label': 'vanilla VGG-16', 's': None, 'weights': 15.0e6, 'flops': 313e6, 'accuracy': 0.936},
                {'label': 'Ghost-VGG-16, s = 2', 's': 2, 'weights': 7.7e6, 'flops': 158e6, 'accuracy': 0.937},
                {'label': 'Ghost-VGG-16, s = 3', 's': 3, 'weights': 5.2e6, 'flops': 107e6, 'accuracy': 0.934},
                {'label': 'Ghost-VGG-16, s = 4', 's': 4, 'weights': 4.0e6, 'flops': 80e6, 'accuracy': 0.930},
            ],
        },
    }


def _alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except (ProcessLookupError, ValueError):
        return False
    except PermissionError:
        return True


def claim(run):
    """Atomically claim a run (a lock file holding our PID), so two processes can share the queue. The
    lock of a process that died (an interrupted session) is taken over, so a restarted queue resumes."""
    run_dir = os.path.join(ROOT, 'scripts/train/runs', run['name'])
    os.makedirs(run_dir, exist_ok=True)
    lock = os.path.join(run_dir, '.lock')
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            return True
        except FileExistsError:
            try:
                with open(lock) as f:
                    owner = int(f.read().strip() or '0')
            except (OSError, ValueError):
                owner = 0
            if owner and _alive(owner):
                return False
            try:
                os.remove(lock)  # a stale lock: its process is gone
            except FileNotFoundError:
                pass
    return False


def release(run):
    os.remove(os.path.join(ROOT, 'scripts/train/runs', run['name'], '.lock'))


def write_summary(cfg, order, command):
    results = {}
    for variant, seed in order:
        m = cached(run_config(cfg, variant, seed))
        if m:
            results.setdefault(variant['id'], []).append(m)
    done = [m for ms in results.values() for m in ms]
    wall = 0.0
    if done:
        def t(m):
            return time.mktime(time.strptime(m['finished'][:19], '%Y-%m-%dT%H:%M:%S'))
        wall = max(t(m) for m in done) - min(t(m) - m['trainSeconds'] for m in done)
    summary = summarize(cfg, results, command, wall)
    summary['runsDone'] = f'{len(done)} of {len(order)}'
    summary['computeSeconds'] = round(sum(m['trainSeconds'] for m in done), 1)
    out = os.path.join(ROOT, RESULTS)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'w') as f:
        json.dump(summary, f, indent='\t', ensure_ascii=False)
        f.write('\n')


def main(argv):
    path = argv[0] if argv and not argv[0].startswith('--') else 'scripts/train/configs/reproduction.json'
    with open(os.path.join(ROOT, path)) as f:
        cfg = json.load(f)
    cfg['configPath'] = path
    if '--epochs' in argv:
        cfg['base']['epochs'] = int(argv[argv.index('--epochs') + 1])
    max_steps = int(argv[argv.index('--max-steps') + 1]) if '--max-steps' in argv else None
    command = ' '.join(['/usr/bin/python3 scripts/train/reproduce.py'] + [a for a in argv if a != '--reverse'])
    max_seeds = max(len(v['seeds']) for v in cfg['variants'])
    order = [(v, v['seeds'][i]) for i in range(max_seeds) for v in cfg['variants'] if i < len(v['seeds'])]
    for variant, seed in (reversed(order) if '--reverse' in argv else order):
        run = run_config(cfg, variant, seed)
        if cached(run) or not claim(run):
            continue
        try:
            train.run(run, command, max_steps)
        finally:
            release(run)
        write_summary(cfg, order, command)
    write_summary(cfg, order, command)


if __name__ == '__main__':
    main(sys.argv[1:])
