"""Compound scaling at small scale (EfficientNet paper §3.3, Fig. 3, Fig. 4) on Fashion-MNIST.

Usage: /usr/bin/python3 scripts/train/scaling.py [scripts/train/configs/scaling.json]
       [--only grid|single|compound] [--max-steps N  (smoke test only)] [--dry-run]

Experiments (configs/scaling.json):
  grid      step 1: (α, β, γ) points with α·β²·γ² within ±10 % of 2, each at φ = 1, every seed;
  single    Fig. 3: depth only, width only, resolution only, several φ each;
  compound  Fig. 4: the grid's best (α, β, γ) at several φ (after the grid has finished), as far as
            the resolution stays ≤ maxResolution (native 28 px: beyond it upsampling adds nothing).
A point at φ scales the baseline as depth = d0·α^φ, width = w0·β^φ, resolution = round(r0·γ^φ); the
spec rounds channels and repeats as for the real B1–B7 (round_filters, round_repeats; facts.md A.5).
Runs are named by the network they train and the seed (scaling-w<w>-d<d>-r<r>-s<seed>), so a network
that two experiments share is trained once. The queue is resumable: finished runs (metrics.json with
the same config) are skipped, each run is claimed with a lock file so two processes can share it, and
each finished run is appended to scripts/train/results/scaling.json, which is then re-summarized.
"""
import copy
import json
import math
import os
import platform
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402  (sets the OpenMP policy before torch is imported)
from model import ROOT  # noqa: E402
from reproduce import cached, claim, release  # noqa: E402
import scaling_summary  # noqa: E402

RESULTS = 'scripts/train/results/scaling.json'


def js_round(x):
    """Math.round, as the spec rounds round(224·γ^φ)."""
    return math.floor(x + 0.5)


def scaled(cfg, coefficients, phi):
    """(width, depth, resolution) of the baseline scaled by (α, β, γ) at φ."""
    alpha, beta, gamma = coefficients
    b = cfg['baseline']
    return (round(b['width'] * beta ** phi, 6), round(b['depth'] * alpha ** phi, 6),
            js_round(b['resolution'] * gamma ** phi))


def run_config(cfg, network, seed):
    width, depth, resolution = network
    run = copy.deepcopy(cfg['base'])
    run['model']['options'].update({'width': width, 'depth': depth, 'resolution': resolution})
    run['input'] = {'kind': 'area', 'resolution': resolution}
    run['seed'] = seed
    run['name'] = f'{cfg["name"]}-w{width:g}-d{depth:g}-r{resolution}-s{seed}'
    run['configPath'] = cfg['configPath']
    return run


def points(cfg, experiment, best=None):
    """[(experiment, label, coefficients, φ, network)] of one experiment, in queue order."""
    out = []
    if experiment == 'grid':
        out.append(('baseline', 'baseline', [1, 1, 1], 0, scaled(cfg, [1, 1, 1], 0)))
        for c in cfg['grid']['points']:
            out.append(('grid', None, c, cfg['grid']['phi'], scaled(cfg, c, cfg['grid']['phi'])))
    elif experiment == 'single':
        for dim, s in cfg['single'].items():
            for phi in s['phis']:
                out.append(('single', dim, s['coefficients'], phi, scaled(cfg, s['coefficients'], phi)))
    elif experiment == 'compound' and best is not None:
        for phi in cfg['compound']['phis']:
            network = scaled(cfg, best, phi)
            if network[2] <= cfg['maxResolution']:
                out.append(('compound', 'compound', best, phi, network))
    for _, _, _, _, network in out:
        if network[2] > cfg['maxResolution']:
            raise SystemExit(f'{network}: resolution above {cfg["maxResolution"]} px')
    return out


def queue(cfg, experiments, best):
    """Every (point, seed) to train, seed 0 of every point first so that a partial run stays balanced."""
    items = [p for e in experiments for p in points(cfg, e, best)]
    return [(p, seed) for seed in cfg['seeds'] for p in items]


def results_path():
    return os.path.join(ROOT, RESULTS)


def read_results():
    if not os.path.exists(results_path()):
        return None
    with open(results_path()) as f:
        return json.load(f)


def write_results(doc):
    os.makedirs(os.path.dirname(results_path()), exist_ok=True)
    tmp = results_path() + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(doc, f, indent='\t', ensure_ascii=False)
        f.write('\n')
    os.replace(tmp, results_path())


def run_record(point, seed, metrics, load):
    experiment, label, coefficients, phi, (width, depth, resolution) = point
    return {
        'experiment': experiment, 'label': label, 'coefficients': coefficients, 'phi': phi,
        'width': width, 'depth': depth, 'resolution': resolution, 'seed': seed,
        'run': f'scripts/train/runs/{metrics["name"]}', 'architecture': metrics['model'],
        'params': metrics['params'], 'macs': metrics['macs'], 'epochs': metrics['epochs'],
        'testAccuracy': metrics['testAccuracy'], 'testAccuracyFp32': metrics['testAccuracyFp32'],
        'trainSeconds': metrics['trainSeconds'], 'cpuSeconds': metrics.get('cpuSeconds'),
        'finished': metrics['finished'],
        'machine': {'arch': platform.machine(), 'cpus': os.cpu_count(), 'threads': metrics['threads'],
                    'torch': metrics['torch'], 'loadAverage': load},
    }


def append(cfg, point, seed, metrics, load):
    """Append one finished run (a lock keeps two processes from writing at once) and re-summarize."""
    lock = results_path() + '.lock'
    while True:
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL))
            break
        except FileExistsError:
            time.sleep(0.2)
    try:
        doc = read_results() or {'runs': []}
        record = run_record(point, seed, metrics, load)
        key = (record['experiment'], record['label'], record['phi'], tuple(record['coefficients']), seed)
        doc['runs'] = [r for r in doc['runs'] if (r['experiment'], r['label'], r['phi'],
                                                  tuple(r['coefficients']), r['seed']) != key] + [record]
        write_results(scaling_summary.summarize(cfg, doc['runs']))
    finally:
        os.remove(lock)


def grid_best(cfg):
    doc = read_results()
    if not doc:
        return None
    return scaling_summary.grid_best(cfg, doc['runs'])


def train_point(cfg, point, seed, command, max_steps):
    run = run_config(cfg, point[4], seed)
    metrics = cached(run)
    if metrics is None:
        if not claim(run):
            return 'busy'
        try:
            load = os.getloadavg()[0]
            metrics = train.run(run, command, max_steps)
        finally:
            release(run)
    else:
        load = None
    if max_steps is None:
        append(cfg, point, seed, metrics, load)
    return 'done'


def recorded(cfg, point, seed):
    doc = read_results()
    experiment, label, coefficients, phi, _ = point
    return bool(doc) and any(r['experiment'] == experiment and r['label'] == label and r['phi'] == phi
                             and r['coefficients'] == coefficients and r['seed'] == seed for r in doc['runs'])


def main(argv):
    path = argv[0] if argv and not argv[0].startswith('--') else 'scripts/train/configs/scaling.json'
    with open(os.path.join(ROOT, path)) as f:
        cfg = json.load(f)
    cfg['configPath'] = path
    only = argv[argv.index('--only') + 1] if '--only' in argv else None
    experiments = [only] if only else ['grid', 'single', 'compound']
    max_steps = int(argv[argv.index('--max-steps') + 1]) if '--max-steps' in argv else None
    command = ' '.join(['/usr/bin/python3 scripts/train/scaling.py'] + argv)
    if '--dry-run' in argv:
        for point, seed in queue(cfg, experiments, grid_best(cfg) or [1.2, 1.1, 1.15]):
            print(point, seed, run_config(cfg, point[4], seed)['name'])
        return
    while True:
        best = grid_best(cfg) if 'compound' in experiments else None
        pending = [(p, s) for p, s in queue(cfg, experiments, best) if not recorded(cfg, p, s)]
        if not pending:
            if 'compound' in experiments and best is None:
                print('compound scaling waits for the grid search to finish', flush=True)
                time.sleep(60)
                continue
            break
        if all(train_point(cfg, p, s, command, max_steps) == 'busy' for p, s in pending):
            time.sleep(30)  # every remaining run is being trained by another process
        if max_steps is not None:
            break


if __name__ == '__main__':
    main(sys.argv[1:])
