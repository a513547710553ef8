"""Ship a trained model: fp16 safetensors with timm names, PyTorch reference outputs in the fixture
format (tests/fixtures/fmnist/), and its entry in static/weights/fmnist-models.json.

Called by train.py for configs with an `export` section. By hand:
  /usr/bin/python3 scripts/train/export.py <config>            re-ship from the run's last stage checkpoint
  /usr/bin/python3 scripts/train/export.py <config> --random D  random weights + references into D, to
                                                                 check the TS loader before training
"""
import hashlib
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import safetensors_io  # noqa: E402
from model import ROOT, SpecNet, export_spec  # noqa: E402

MAX_BYTES = 3_000_000
CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
MANIFEST = 'static/weights/fmnist-models.json'
FIXTURE_DIR = 'tests/fixtures/fmnist'
REFERENCE_IMAGES = 3  # the first shipped samples


def metadata(exported, cfg, extra=None):
    spec = exported['spec']
    c = spec['config']
    meta = {
        'model': cfg['export']['id'], 'architecture': spec['name'], 'family': spec['family'],
        'width_multiplier': c['width'], 'num_classes': spec['numClasses'], 'resolution': spec['resolution'],
        'dataset': 'fashion-mnist', 'classes': json.dumps(CLASSES), 'labels': 'fashion-mnist',
        'mean': json.dumps(data.MEAN), 'std': json.dumps(data.STD),
        'preprocessing': '28x28 grayscale zero-padded to 32x32, repeated to 3 channels, /255, ImageNet mean/std',
        'layout': 'PyTorch (timm) names and layouts, float16; BatchNorm running stats included',
    }
    if spec['family'] == 'efficientnet':
        meta['depth_multiplier'] = c['depth']
    else:
        meta['ghost_ratio'] = c['ratio']
        meta['module_kind'] = c['moduleKind']
    meta.update(extra or {})
    return meta


def write_weights(net, exported, cfg, extra):
    state = net.state_dict()
    tensors = {e['key']: state[e['key']].half() for e in exported['stateDict']}
    path = os.path.join(ROOT, cfg['export']['weights'])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    safetensors_io.write(path, tensors, metadata(exported, cfg, extra))
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise SystemExit(f'{path}: {size} bytes > {MAX_BYTES}')
    with open(path, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return path, size, digest


@torch.no_grad()
def write_references(net, exported, cfg, stem, out_dir=FIXTURE_DIR):
    """One io file per reference image (input, normalized NCHW, and every fixture tap, float32), and
    the logits of all shipped samples in `<stem>.samples.safetensors`."""
    net.eval()
    images, labels = data.load('t10k')
    samples = data.sample_indices(labels)
    logits = net(data.to_input(images[samples]))
    path = os.path.join(ROOT, out_dir, f'{stem}.samples.safetensors')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    safetensors_io.write(path, {'logits': logits.float().contiguous()}, {
        'model': cfg['export']['id'], 'test_indices': json.dumps(samples),
        'note': 'logits of static/samples/fmnist (manifest order), PyTorch, weights rounded to fp16'})
    written = [os.path.relpath(path, ROOT)]
    for k, index in enumerate(data.sample_indices(labels)[:REFERENCE_IMAGES]):
        x = data.to_input(images[index:index + 1])
        taps = {}
        logits = net(x, taps)
        tensors = {'input': x}
        for name in ['conv_stem'] + [f'blocks.{s["index"]}' for s in exported['spec']['stages']]:
            tensors['tap.' + name] = taps[name]
        tensors['features'] = taps['features']
        tensors['logits'] = logits
        meta = {'model': cfg['export']['id'], 'family': exported['spec']['family'],
                'resolution': exported['spec']['resolution'], 'num_classes': exported['spec']['numClasses'],
                'test_index': index, 'label': int(labels[index]),
                'layout': 'NCHW float32; input already normalized; weights rounded to fp16 first'}
        path = os.path.join(ROOT, out_dir, f'{stem}.{k}.io.safetensors')
        safetensors_io.write(path, {n: t.float().contiguous() for n, t in tensors.items()}, meta)
        written.append(os.path.relpath(path, ROOT))
    return written


def update_manifest(entry):
    path = os.path.join(ROOT, MANIFEST)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    manifest = {'models': []}
    if os.path.exists(path):
        with open(path) as f:
            manifest = json.load(f)
    manifest['models'] = [m for m in manifest['models'] if m['id'] != entry['id']] + [entry]
    manifest['models'].sort(key=lambda m: m['id'])
    with open(path, 'w') as f:
        json.dump(manifest, f, indent='\t', ensure_ascii=False)
        f.write('\n')


def ship(net, exported, cfg, metrics, preds, log):
    """net must already hold the fp16-rounded weights; preds: its predictions on the 10,000 test images."""
    _, labels = data.load('t10k')
    samples = data.sample_indices(labels)
    extra = {'test_accuracy': f'{metrics["testAccuracy"]:.4f}', 'seed': cfg['seed'], 'epochs': metrics['epochs']}
    path, size, digest = write_weights(net, exported, cfg, extra)
    stem = cfg['export']['id']
    refs = write_references(net, exported, cfg, stem)
    sample_preds = [int(preds[i]) for i in samples]
    entry = {
        'id': cfg['export']['id'],
        'file': os.path.basename(path),
        'bytes': size,
        'sha256': digest,
        'family': exported['spec']['family'],
        'architecture': exported['spec']['name'],
        'spec': cfg['model']['options'],
        'labels': 'fashion-mnist',
        'classes': CLASSES,
        'params': exported['cost']['params'],
        'macs': exported['cost']['macs'],
        'testAccuracy': round(metrics['testAccuracy'], 4),
        'testAccuracyFp32': round(metrics['testAccuracyFp32'], 4),
        'testImages': len(labels),
        'evaluatedWith': f'PyTorch {torch.__version__}, fp16-rounded weights evaluated in fp32',
        'samples': {
            'testIndices': samples,
            'predictions': sample_preds,
            'accuracy': float(np.mean([p == labels[i] for p, i in zip(sample_preds, samples)])),
        },
        'preprocessing': {
            'resolution': 32, 'pad': data.PAD, 'cropPct': 1.0, 'mean': list(data.MEAN), 'std': list(data.STD),
            'note': '28x28 grayscale zero-padded to 32x32 (the shipped sample PNGs are already padded), '
                    'repeated to RGB, /255, ImageNet mean/std: the standard eval path at 32x32, crop 1.0',
        },
        'training': {
            'command': metrics['command'], 'config': cfg.get('configPath'), 'seed': cfg['seed'],
            'epochs': metrics['epochs'], 'stages': metrics['stages'], 'trainSeconds': metrics['trainSeconds'],
            'torch': torch.__version__,
            'threads': metrics['threads'], 'finished': metrics['finished'],
        },
        'references': refs,
    }
    update_manifest(entry)
    log(f'exported {os.path.relpath(path, ROOT)} ({size} bytes), {len(refs)} reference outputs, manifest updated')
    return entry


def random_export(cfg, exported, out):
    """A randomly initialised model (random BN statistics too, so a swapped BN tensor changes the
    output), rounded to fp16, with reference outputs: checks the TS loader before any training."""
    net = SpecNet(exported)
    torch.manual_seed(cfg['seed'])
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.normal_(0, 0.1)
            m.running_mean.normal_(0, 0.1)
            m.running_var.uniform_(0.5, 1.5)
    cfg['export'] = {'id': 'random-' + cfg['export']['id'], 'weights': os.path.join(out, 'weights.safetensors')}
    net.load_state_dict({k: (v.half().float() if v.is_floating_point() else v) for k, v in net.state_dict().items()})
    write_weights(net, exported, cfg, {'random': 'true'})
    print(write_references(net, exported, cfg, 'random', out))


def reexport(cfg, exported, log):
    """Ship again from runs/<name>/checkpoints/stage<last>.pt and metrics.json (same weights, same numbers)."""
    import train  # noqa: E402 (train imports this module)
    run_dir = os.path.join(ROOT, 'scripts/train/runs', cfg['name'])
    with open(os.path.join(run_dir, 'metrics.json')) as f:
        metrics = json.load(f)
    last = len(train.stages_of(metrics['config'])) - 1
    checkpoint = torch.load(os.path.join(run_dir, 'checkpoints', f'stage{last}.pt'))
    if checkpoint['key'] != train.stage_key(metrics['config'], last):
        raise SystemExit('the checkpoint was trained with another config than metrics.json records')
    net = SpecNet(exported)
    net.load_state_dict(checkpoint['state_dict'])
    net.load_state_dict(train.fp16_rounded(net))
    images, labels = data.load('t10k')
    acc, _, preds = train.evaluate(net, images, labels)
    if abs(acc - metrics['testAccuracy']) > 1e-9:
        raise SystemExit(f'test accuracy {acc} differs from the recorded {metrics["testAccuracy"]}')
    return ship(net, exported, metrics['config'], metrics, preds, log)


def main(argv):
    torch.set_num_threads(int(os.environ.get('TRAIN_THREADS', '2')))
    with open(argv[0]) as f:
        cfg = json.load(f)
    exported = export_spec(cfg['model']['family'], cfg['model']['options'])
    if '--random' in argv:
        random_export(cfg, exported, argv[argv.index('--random') + 1])
    else:
        reexport(cfg, exported, print)


if __name__ == '__main__':
    main(sys.argv[1:])
