"""The summary of scripts/train/results/scaling.json, rebuilt from its `runs` after every finished run.

Per network (a point of an experiment): the accuracy of each seed, mean, spread (max − min) and sample
standard deviation; the grid search's best point (highest mean accuracy over all seeds, once every grid
run has finished); each scaling method's curve of mean accuracy against MACs. The site reads this file
at build time (src/lib/viz/scaling/compound-runs.ts), which recomputes the means and the best point
from `runs` and refuses a file whose summary disagrees.
"""
import math
import statistics

DATASET = ('Fashion-MNIST (Debian dataset-fashion-mnist), 60,000 training / 10,000 test images; each native '
           '28x28 grayscale image area-downsampled to the network resolution, repeated to 3 channels')


def product(c):
    alpha, beta, gamma = c
    return alpha * beta ** 2 * gamma ** 2


def group(runs, experiment, label=None):
    """Runs of one experiment grouped by point (label, coefficients, φ), in first-seen order."""
    points = {}
    for r in runs:
        if r['experiment'] != experiment or (label is not None and r['label'] != label):
            continue
        key = (r['label'], tuple(r['coefficients']), r['phi'])
        points.setdefault(key, []).append(r)
    return list(points.values())


def point_summary(runs):
    runs = sorted(runs, key=lambda r: r['seed'])
    accs = [r['testAccuracy'] for r in runs]
    first = runs[0]
    return {
        'label': first['label'], 'coefficients': first['coefficients'], 'phi': first['phi'],
        'product': round(product(first['coefficients']), 6),
        'width': first['width'], 'depth': first['depth'], 'resolution': first['resolution'],
        'architecture': first['architecture'], 'params': first['params'], 'macs': first['macs'],
        'seeds': [r['seed'] for r in runs], 'testAccuracy': accs,
        'mean': round(statistics.mean(accs), 6),
        'spread': round(max(accs) - min(accs), 6) if len(accs) > 1 else None,
        'std': round(statistics.stdev(accs), 6) if len(accs) > 1 else None,
        'trainSeconds': [r['trainSeconds'] for r in runs],
        'cpuSeconds': [r.get('cpuSeconds') for r in runs],
    }


def complete(cfg, summaries, expected):
    return len(summaries) == expected and all(len(s['seeds']) == len(cfg['seeds']) for s in summaries)


def grid_best(cfg, runs):
    """Coefficients of the grid point with the highest mean accuracy, once the whole grid has run."""
    grid = [point_summary(p) for p in group(runs, 'grid')]
    if not complete(cfg, grid, len(cfg['grid']['points'])):
        return None
    return max(grid, key=lambda s: s['mean'])['coefficients']


def compound_phis(cfg, best):
    """The compound φ values whose resolution stays within maxResolution (all of them until the grid is done)."""
    if best is None:
        return cfg['compound']['phis']
    r0 = cfg['baseline']['resolution']
    return [phi for phi in cfg['compound']['phis'] if math.floor(r0 * best[2] ** phi + 0.5) <= cfg['maxResolution']]


def summarize(cfg, runs):
    baseline = [point_summary(p) for p in group(runs, 'baseline')]
    grid = [point_summary(p) for p in group(runs, 'grid')]
    best = grid_best(cfg, runs)
    single = {dim: sorted((point_summary(p) for p in group(runs, 'single', dim)), key=lambda s: s['phi'])
              for dim in cfg['single']}
    compound = sorted((point_summary(p) for p in group(runs, 'compound')), key=lambda s: s['phi'])
    expected = (len(cfg['grid']['points']) + 1 + sum(len(s['phis']) for s in cfg['single'].values()))
    done = len({(r['experiment'], r['label'], r['phi'], tuple(r['coefficients']), r['seed']) for r in runs})
    seconds = {r['run']: r['trainSeconds'] for r in runs}  # a network shared by two experiments counts once
    return {
        'what': cfg['note'],
        'dataset': DATASET,
        'baselineNetwork': cfg['baseline'],
        'maxResolution': cfg['maxResolution'],
        'resolutionNote': f'resolutions above the native 28 px would only upsample (no new information), so '
                          f'no run goes beyond {cfg["maxResolution"]} px',
        'scalingRule': 'depth = d0·α^φ, width = w0·β^φ, resolution = round(r0·γ^φ); channels and repeats '
                       'rounded as for the released B1–B7 (round_filters, round_repeats)',
        'epochs': cfg['base']['epochs'],
        'seeds': cfg['seeds'],
        'testImages': 10000,
        'accuracyNote': 'top-1 on the full test set, PyTorch, fp16-rounded weights, model after the last epoch',
        'costNote': 'params and MACs from src/lib/nets/cost.ts (conv and linear MACs, batch 1, at the '
                    'network resolution)',
        'hyperParameters': cfg['base'],
        'grid': {**cfg['grid'], 'best': best},
        'compoundPhis': cfg['compound']['phis'],
        'runsDone': done,
        'runsPlanned': (expected + len(compound_phis(cfg, best))) * len(cfg['seeds']),
        'computeSeconds': round(sum(seconds.values()), 1),
        'summary': {'baseline': baseline, 'grid': grid, 'single': single, 'compound': compound},
        'runs': runs,
    }
