/**
 * The Ghost modules of a GhostNet spec as choices for the live maps (pure): tap names, channel counts,
 * and which intrinsic map each ghost map comes from.
 */
import type { GhostModuleSpec, NetSpec } from '$lib/nets';

export interface GhostModuleChoice {
	/** 'blocks.i.j.ghost1' or 'blocks.i.j.ghost2'. */
	key: string;
	block: string;
	which: 'ghost1' | 'ghost2';
	/** The two taps of the built network: intrinsic maps (primary) and ghost maps (cheap). */
	primaryTap: string;
	cheapTap: string;
	inChannels: number;
	outChannels: number;
	primaryChannels: number;
	cheapChannels: number;
	ratio: number;
	relu: boolean;
	/** Map side in activation pixels. */
	size: number;
}

function choice(block: string, module: GhostModuleSpec): GhostModuleChoice {
	return {
		key: module.key,
		block,
		which: module.key.endsWith('ghost1') ? 'ghost1' : 'ghost2',
		primaryTap: `${module.key}.primary`,
		cheapTap: `${module.key}.cheap`,
		inChannels: module.inChannels,
		outChannels: module.outChannels,
		primaryChannels: module.primaryChannels,
		cheapChannels: module.cheapChannels,
		ratio: module.ratio,
		relu: module.relu,
		size: module.spatial[0]
	};
}

/** Every Ghost module of `spec` in execution order (none for EfficientNet or a conv-only GhostNet). */
export function ghostModuleChoices(spec: NetSpec): GhostModuleChoice[] {
	const out: GhostModuleChoice[] = [];
	for (const stage of spec.stages) {
		for (const block of stage.blocks) {
			if (!block.ghost) continue;
			for (const module of [block.ghost.ghost1, block.ghost.ghost2]) {
				if (module.kind === 'ghost') out.push(choice(block.name, module));
			}
		}
	}
	return out;
}

/**
 * The intrinsic map that ghost map `j` is made from. The cheap operation is a depthwise conv with
 * groups = intrinsic channels and (s − 1) outputs per group (PyTorch's grouped-conv order), so ghost
 * map j comes from intrinsic map ⌊j / (s − 1)⌋; for s = 2, ghost j from intrinsic j.
 */
export function ghostSource(j: number, ratio: number): number {
	return Math.floor(j / Math.max(1, ratio - 1));
}

/** The ghost maps made from intrinsic map `i`. */
export function ghostsOf(i: number, ratio: number): number[] {
	const per = Math.max(1, ratio - 1);
	return Array.from({ length: per }, (_, k) => i * per + k);
}
