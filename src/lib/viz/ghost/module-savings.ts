/**
 * What each Ghost module of a GhostNet saves, from the specs: its MACs and params against those of the
 * ordinary convolution it replaces, i.e. the same network with `moduleKind: 'conv'`, whose convolution
 * has the module's c, n, kernel k and stride. Both sides are summed from cost(spec) layer by layer.
 */
import { cost, ghostnet, type Cost, type GhostModuleSpec, type NetCost } from '$lib/nets';

export interface ModuleSaving {
	/** 'blocks.i.j.ghost1' / 'ghost2'. */
	key: string;
	/** Input channels c and output channels n. */
	c: number;
	n: number;
	/** Output size h′ × w′. */
	spatial: [number, number];
	/** Kernel k of the primary (and of the replaced) convolution, kernel d of the cheap operation, ratio s. */
	k: number;
	d: number;
	s: number;
	stride: number;
	ghost: Pick<Cost, 'macs' | 'params'>;
	conv: Pick<Cost, 'macs' | 'params'>;
	/** conv MACs / Ghost module MACs: the module's r_s. */
	ratio: number;
}

export interface ModuleSavings {
	width: number;
	modules: ModuleSaving[];
	/** All Ghost modules together, and the whole networks. */
	total: { ghost: number; conv: number; ratio: number };
	network: { ghost: number; conv: number; ratio: number };
	/** The modules that save least and most. */
	least: ModuleSaving;
	most: ModuleSaving;
}

function summed(netCost: NetCost, prefix: string): Pick<Cost, 'macs' | 'params'> {
	const layers = netCost.layers.filter((l) => l.key.startsWith(`${prefix}.`));
	if (layers.length === 0) throw new Error(`no layers under ${prefix}`);
	return {
		macs: layers.reduce((a, l) => a + l.macs, 0),
		params: layers.reduce((a, l) => a + l.params, 0)
	};
}

export function moduleSavings(width: number): ModuleSavings {
	const ghostSpec = ghostnet({ width });
	const convSpec = ghostnet({ width, moduleKind: 'conv' });
	const ghostCost = cost(ghostSpec);
	const convCost = cost(convSpec);
	const strideOf = new Map(convSpec.layers.map((l) => [l.key, l.stride]));
	const specs: GhostModuleSpec[] = ghostSpec.stages.flatMap((stage) =>
		stage.blocks.flatMap((b) => (b.ghost ? [b.ghost.ghost1, b.ghost.ghost2] : []))
	);
	const modules = specs.map((m): ModuleSaving => {
		const ghost = summed(ghostCost, m.key);
		const conv = summed(convCost, m.key);
		return {
			key: m.key,
			c: m.inChannels,
			n: m.outChannels,
			spatial: m.spatial,
			k: m.primaryKernel,
			d: m.cheapKernel,
			s: m.ratio,
			stride: strideOf.get(`${m.key}.conv`) ?? 1,
			ghost,
			conv,
			ratio: conv.macs / ghost.macs
		};
	});
	const ghostTotal = modules.reduce((a, m) => a + m.ghost.macs, 0);
	const convTotal = modules.reduce((a, m) => a + m.conv.macs, 0);
	const byRatio = [...modules].sort((a, b) => a.ratio - b.ratio);
	return {
		width,
		modules,
		total: { ghost: ghostTotal, conv: convTotal, ratio: convTotal / ghostTotal },
		network: { ghost: ghostCost.macs, conv: convCost.macs, ratio: convCost.macs / ghostCost.macs },
		least: byRatio[0],
		most: byRatio[byRatio.length - 1]
	};
}
