/**
 * EfficientNet with Ghost modules, for the figure that combines the two articles: the released network
 * and the same network with every 1×1 expand and project conv swapped for a Ghost module of ratio s
 * (d = 3), both costed exactly by cost(spec) from the transformed spec (ghostEfficientNet in $lib/nets).
 * The swapped network was never trained; only its cost is known.
 */
import { cost, ghostEfficientNet, type EfficientNetVariant } from '$lib/nets';
import { officialView, type NetworkView } from '$lib/viz/scaling/model';
import { stageRows } from '$lib/viz/scaling/stage-table';

/** GhostNet's cheap kernel (facts.md C.2). */
export const CHEAP_KERNEL = 3;

export interface StageMacs {
	/** Paper numbering, 1 (stem) … 9 (head), as in the stage table. */
	stage: number;
	released: number;
	shown: number;
}

export interface GhostEfficientNet {
	variant: EfficientNetVariant;
	ratio: number;
	/** Whether the network on display has the Ghost modules. */
	ghost: boolean;
	released: NetworkView;
	shown: NetworkView;
	stages: StageMacs[];
	/** Share of the released network's MACs in its 1×1 expand and project convs: all a swap can touch. */
	swappableShare: number;
}

/**
 * The view of the swapped network: the released view's multipliers (the swap changes none of them) with
 * the new spec, cost and stage rows. No MAC breakdown: it has no parts for Ghost modules.
 */
function ghostView(released: NetworkView, ratio: number): NetworkView {
	const spec = ghostEfficientNet(released.spec, { ratio, cheapKernel: CHEAP_KERNEL });
	const netCost = cost(spec);
	return { ...released, spec, cost: netCost, rows: stageRows(spec, netCost), breakdown: [] };
}

export function ghostEfficientNetModel(
	variant: EfficientNetVariant,
	ratio: number,
	ghost: boolean
): GhostEfficientNet {
	const released = officialView(variant);
	const shown = ghost ? ghostView(released, ratio) : released;
	const roles = released.cost.byRole;
	return {
		variant,
		ratio,
		ghost,
		released,
		shown,
		stages: released.rows.map((row, i) => ({
			stage: row.stage,
			released: row.macs,
			shown: shown.rows[i].macs
		})),
		swappableShare: (roles.expand.macs + roles.project.macs) / released.cost.macs
	};
}
