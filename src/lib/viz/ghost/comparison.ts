/**
 * What the Ghost modules save, computed from the specs: GhostNet at a width, the same network with every
 * Ghost module replaced by an ordinary 1×1 conv of the same width (moduleKind 'conv'), and EfficientNet-B0.
 */
import { cost, efficientnet, ghostnet, type Cost, type NetCost } from '$lib/nets';

export interface NetSummary {
	/** The spec's name, e.g. ghostnet_100, ghostnet_100_conv, efficientnet_b0. */
	name: string;
	params: number;
	macs: number;
}

export interface GhostComparison {
	ghost: NetSummary;
	conv: NetSummary;
	efficientnetB0: NetSummary;
	/** The Ghost modules alone (primary + cheap layers with their BN) and the convs that replace them. */
	modules: { count: number; ghost: Cost; conv: Cost };
}

const summary = (name: string, c: NetCost): NetSummary => ({ name, params: c.params, macs: c.macs });

function addCosts(a: Cost, b: Cost): Cost {
	return { params: a.params + b.params, macs: a.macs + b.macs, activations: a.activations + b.activations };
}

export function ghostComparison(width: number): GhostComparison {
	const ghostSpec = ghostnet({ width });
	const convSpec = ghostnet({ width, moduleKind: 'conv' });
	const b0Spec = efficientnet({ variant: 'b0' });
	const ghostCost = cost(ghostSpec);
	const convCost = cost(convSpec);
	return {
		ghost: summary(ghostSpec.name, ghostCost),
		conv: summary(convSpec.name, convCost),
		efficientnetB0: summary(b0Spec.name, cost(b0Spec)),
		modules: {
			count: ghostSpec.stages.flatMap((s) => s.blocks).filter((b) => b.ghost).length * 2,
			ghost: addCosts(ghostCost.byRole.primary, ghostCost.byRole.cheap),
			conv: convCost.byRole.conv
		}
	};
}
