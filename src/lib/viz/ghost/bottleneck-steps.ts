/**
 * The path of one Ghost bottleneck as drawable steps, read from the block's layers in the spec (pure):
 * ghost1 → [depthwise k×k, stride 2] → [SE] → ghost2 → add, and the shortcut beside it
 * (identity, or depthwise k×k + 1×1 projection). facts.md C.2.
 */
import type { Block, GhostModuleSpec, Shape } from '$lib/nets';

export type MainStep =
	| { kind: 'input'; shape: Shape }
	| { kind: 'ghost'; which: 1 | 2; module: GhostModuleSpec }
	| { kind: 'depthwise'; kernel: number; stride: number; channels: number }
	| { kind: 'se'; channels: number; reduced: number }
	| { kind: 'add' }
	| { kind: 'output'; shape: Shape };

export type ShortcutPath =
	| { kind: 'identity' }
	| { kind: 'projection'; kernel: number; stride: number; inChannels: number; outChannels: number };

export interface BottleneckSteps {
	name: string;
	main: MainStep[];
	shortcut: ShortcutPath;
}

export function bottleneckSteps(block: Block): BottleneckSteps {
	if (!block.ghost) throw new Error(`${block.name} is not a Ghost bottleneck`);
	const depthwise = block.layers.find((l) => l.role === 'depthwise' && l.op === 'depthwise');
	const seReduce = block.layers.find((l) => l.role === 'se');
	const main: MainStep[] = [
		{ kind: 'input', shape: block.input },
		{ kind: 'ghost', which: 1, module: block.ghost.ghost1 }
	];
	if (depthwise) {
		main.push({
			kind: 'depthwise',
			kernel: depthwise.kernel,
			stride: depthwise.stride,
			channels: depthwise.outChannels
		});
	}
	if (seReduce) main.push({ kind: 'se', channels: seReduce.inChannels, reduced: seReduce.outChannels });
	main.push({ kind: 'ghost', which: 2, module: block.ghost.ghost2 }, { kind: 'add' });
	main.push({ kind: 'output', shape: block.output });
	return { name: block.name, main, shortcut: shortcutPath(block) };
}

function shortcutPath(block: Block): ShortcutPath {
	if (block.shortcut === 'identity') return { kind: 'identity' };
	const shortcutLayers = block.layers.filter((l) => l.role === 'shortcut');
	const dw = shortcutLayers.find((l) => l.op === 'depthwise')!;
	const pw = shortcutLayers.find((l) => l.op === 'conv')!;
	return {
		kind: 'projection',
		kernel: dw.kernel,
		stride: dw.stride,
		inChannels: pw.inChannels,
		outChannels: pw.outChannels
	};
}
