"""PyTorch EfficientNet / GhostNet built from a resolved spec exported by export-spec.ts.

Every conv, BN, activation and shortcut comes from the spec's layer list (kernel, stride, symmetric
padding, groups, bias, activation); module names are timm's, so `state_dict()` has exactly the keys and
shapes of timm `efficientnet_*` / `ghostnet_*` (checked against the spec's own state_dict in
`SpecNet.__init__`, and against timm's outputs by check_timm_fixtures.py).

Semantics (timm, facts.md C.2, C.6, D.2, D.3): BatchNorm eps 1e-5; SE = mean over H, W -> conv_reduce
-> act -> conv_expand -> gate (EfficientNet SiLU/sigmoid, GhostNet ReLU/hard-sigmoid relu6(x+3)/6);
Ghost module = concat(primary 1x1 conv+BN(+ReLU), cheap depthwise 3x3+BN(+ReLU)) sliced to `out`.
"""
import json
import os
import subprocess

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

ACTIVATIONS = {
    'none': lambda x: x,
    'relu': F.relu,
    'silu': F.silu,
    'sigmoid': torch.sigmoid,
    'hardsigmoid': F.hardsigmoid,  # relu6(x + 3) / 6, PyTorch's and the GhostNet paper's definition
}


def export_spec(family, options):
    """Run the TypeScript exporter; returns {spec, cost, stateDict}."""
    out = subprocess.run(
        ['npx', 'tsx', 'scripts/train/export-spec.ts', family, json.dumps(options)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


def conv_from(layer):
    assert layer['op'] in ('conv', 'depthwise'), layer['key']
    return nn.Conv2d(layer['inChannels'], layer['outChannels'], layer['kernel'], stride=layer['stride'],
                     padding=layer['padding'], groups=layer['groups'], bias=layer['bias'])


def bn_from(layer):
    assert layer['op'] == 'bn', layer['key']
    return nn.BatchNorm2d(layer['outChannels'], eps=1e-5, momentum=0.1)


class Layers:
    """The spec's layers of one block, looked up by their key relative to the block name."""

    def __init__(self, block):
        self.prefix = block['name'] + '.'
        self.by_key = {l['key'][len(self.prefix):]: l for l in block['layers']}

    def __getitem__(self, rel):
        return self.by_key[rel]

    def __contains__(self, rel):
        return rel in self.by_key


class SqueezeExcite(nn.Module):
    def __init__(self, reduce_layer, expand_layer):
        super().__init__()
        self.conv_reduce = conv_from(reduce_layer)
        self.conv_expand = conv_from(expand_layer)
        self.act = ACTIVATIONS[reduce_layer['activation']]
        self.gate = ACTIVATIONS[expand_layer['activation']]

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        return x * self.gate(self.conv_expand(self.act(self.conv_reduce(s))))


def _se(layers):
    return SqueezeExcite(layers['se.conv_reduce'], layers['se.conv_expand']) if 'se.conv_reduce' in layers else None


class ConvBnActSeq(nn.Sequential):
    """nn.Sequential(conv, bn) named .0/.1 as in timm's Ghost modules and shortcuts; act after the BN."""

    def __init__(self, conv_layer, bn_layer):
        super().__init__(conv_from(conv_layer), bn_from(bn_layer))
        self.act = ACTIVATIONS[bn_layer['activation']]

    def forward(self, x):
        return self.act(self[1](self[0](x)))


class GhostModule(nn.Module):
    def __init__(self, layers, prefix, spec):
        super().__init__()
        self.kind = spec['kind']
        self.out = spec['outChannels']
        if self.kind == 'conv':
            self.conv = conv_from(layers[prefix + '.conv'])
            self.bn = bn_from(layers[prefix + '.bn'])
            self.act = ACTIVATIONS[layers[prefix + '.bn']['activation']]
        else:
            self.primary_conv = ConvBnActSeq(layers[prefix + '.primary_conv.0'], layers[prefix + '.primary_conv.1'])
            self.cheap_operation = ConvBnActSeq(layers[prefix + '.cheap_operation.0'],
                                                layers[prefix + '.cheap_operation.1'])

    def forward(self, x, taps=None, name=''):
        if self.kind == 'conv':
            return self.act(self.bn(self.conv(x)))
        primary = self.primary_conv(x)
        cheap = self.cheap_operation(primary)
        if taps is not None:
            taps[name + '.primary'] = primary
            taps[name + '.cheap'] = cheap
        return torch.cat([primary, cheap], 1)[:, :self.out]


class GhostBottleneck(nn.Module):
    def __init__(self, block):
        super().__init__()
        layers = Layers(block)
        self.name = block['name']
        self.ghost1 = GhostModule(layers, 'ghost1', block['ghost']['ghost1'])
        if 'conv_dw' in layers:
            self.conv_dw = conv_from(layers['conv_dw'])
            self.bn_dw = bn_from(layers['bn_dw'])
            assert layers['bn_dw']['activation'] == 'none'
        else:
            self.conv_dw = None
        self.se = _se(layers)
        self.ghost2 = GhostModule(layers, 'ghost2', block['ghost']['ghost2'])
        if block['shortcut'] == 'projection':
            self.shortcut = nn.Sequential(conv_from(layers['shortcut.0']), bn_from(layers['shortcut.1']),
                                          conv_from(layers['shortcut.2']), bn_from(layers['shortcut.3']))
        else:
            assert block['shortcut'] == 'identity'
            self.shortcut = nn.Sequential()

    def forward(self, x, taps=None):
        y = self.ghost1(x, taps, self.name + '.ghost1')
        if self.conv_dw is not None:
            y = self.bn_dw(self.conv_dw(y))
        if self.se is not None:
            y = self.se(y)
        y = self.ghost2(y, taps, self.name + '.ghost2')
        return y + self.shortcut(x)


class MBConv(nn.Module):
    """timm DepthwiseSeparableConv ('ds') or InvertedResidual ('ir'); names per facts.md D.2."""

    def __init__(self, block):
        super().__init__()
        layers = Layers(block)
        self.kind = block['type']
        self.skip = block['shortcut'] == 'identity'
        if self.kind == 'ir':
            self.conv_pw = conv_from(layers['conv_pw'])
            self.bn1 = bn_from(layers['bn1'])
            self.conv_dw = conv_from(layers['conv_dw'])
            self.bn2 = bn_from(layers['bn2'])
            self.se = _se(layers)
            self.conv_pwl = conv_from(layers['conv_pwl'])
            self.bn3 = bn_from(layers['bn3'])
            self.acts = [ACTIVATIONS[layers[k]['activation']] for k in ('bn1', 'bn2', 'bn3')]
        else:
            self.conv_dw = conv_from(layers['conv_dw'])
            self.bn1 = bn_from(layers['bn1'])
            self.se = _se(layers)
            self.conv_pw = conv_from(layers['conv_pw'])
            self.bn2 = bn_from(layers['bn2'])
            self.acts = [ACTIVATIONS[layers[k]['activation']] for k in ('bn1', 'bn2')]
        self.drop_path = 0.0

    def forward(self, x, taps=None):
        if self.kind == 'ir':
            y = self.acts[0](self.bn1(self.conv_pw(x)))
            y = self.acts[1](self.bn2(self.conv_dw(y)))
            y = self.se(y) if self.se is not None else y
            y = self.acts[2](self.bn3(self.conv_pwl(y)))
        else:
            y = self.acts[0](self.bn1(self.conv_dw(x)))
            y = self.se(y) if self.se is not None else y
            y = self.acts[1](self.bn2(self.conv_pw(y)))
        if not self.skip:
            return y
        return x + _drop_path(y, self.drop_path, self.training)


def _drop_path(y, rate, training):
    """timm DropPath (stochastic depth) on a residual branch; identity at eval."""
    if not training or rate == 0.0:
        return y
    keep = 1.0 - rate
    mask = y.new_empty((y.shape[0], 1, 1, 1)).bernoulli_(keep)
    return y * mask / keep


class ConvBnAct(nn.Module):
    """GhostNet's final 1x1 stage, blocks.9.0: conv, bn1 (+ReLU)."""

    def __init__(self, block):
        super().__init__()
        layers = Layers(block)
        self.conv = conv_from(layers['conv'])
        self.bn1 = bn_from(layers['bn1'])
        self.act = ACTIVATIONS[layers['bn1']['activation']]

    def forward(self, x, taps=None):
        return self.act(self.bn1(self.conv(x)))


BLOCKS = {'ghost': GhostBottleneck, 'ds': MBConv, 'ir': MBConv, 'conv': ConvBnAct}


class SpecNet(nn.Module):
    def __init__(self, exported, drop_rate=0.0, drop_path_rate=0.0):
        super().__init__()
        spec = exported['spec']
        self.family = spec['family']
        by_key = {l['key']: l for l in spec['layers']}
        self.conv_stem = conv_from(by_key['conv_stem'])
        self.bn1 = bn_from(by_key['bn1'])
        self.stem_act = ACTIVATIONS[by_key['bn1']['activation']]
        self.blocks = nn.ModuleList(
            nn.ModuleList(BLOCKS[b['type']](b) for b in stage['blocks']) for stage in spec['stages'])
        n_blocks = sum(len(s['blocks']) for s in spec['stages'])
        for stage in spec['stages']:
            for b, module in zip(stage['blocks'], self.blocks[stage['index']]):
                if isinstance(module, MBConv):
                    module.drop_path = drop_path_rate * b['globalIndex'] / n_blocks
        head = spec['head']
        if self.family == 'efficientnet':
            self.conv_head = conv_from(head[0])
            self.bn2 = bn_from(head[1])
            self.head_act = ACTIVATIONS[head[1]['activation']]
        else:
            self.conv_head = conv_from(head[0])
            self.head_act = ACTIVATIONS[head[0]['activation']]
        cls = spec['classifier']
        self.classifier = nn.Linear(cls['inChannels'], cls['outChannels'])
        self.drop_rate = drop_rate
        self._check_state_dict(exported['stateDict'])

    def _check_state_dict(self, expected):
        got = [(k, list(v.shape)) for k, v in self.state_dict().items() if not k.endswith('num_batches_tracked')]
        want = [(e['key'], e['shape']) for e in expected]
        if got != want:
            diff = [(g, w) for g, w in zip(got, want) if g != w][:5]
            raise ValueError(f'state_dict differs from the spec ({len(got)} vs {len(want)} entries): {diff}')

    def forward(self, x, taps=None):
        """Logits; if `taps` is a dict, fills it with the fixture taps (conv_stem, blocks.i, features)."""
        y = self.conv_stem(x)
        if taps is not None:
            taps['conv_stem'] = y
        y = self.stem_act(self.bn1(y))
        for i, stage in enumerate(self.blocks):
            for block in stage:
                y = block(y, taps)
            if taps is not None:
                taps[f'blocks.{i}'] = y
        if self.family == 'efficientnet':
            y = self.head_act(self.bn2(self.conv_head(y)))
            if taps is not None:
                taps['features'] = y
            y = y.mean((2, 3))
        else:
            if taps is not None:
                taps['features'] = y
            y = self.head_act(self.conv_head(y.mean((2, 3), keepdim=True))).flatten(1)
        if self.drop_rate > 0 and self.training:
            y = F.dropout(y, self.drop_rate, True)
        return self.classifier(y)
