/**
 * Writes the resolved spec of one network as JSON for the PyTorch trainer (scripts/train/model.py), so
 * the TypeScript spec stays the single description of every architecture, plus its cost from our cost
 * model (params, MACs) and the timm state_dict it implies (keys and PyTorch shapes).
 *
 * Usage: npx tsx scripts/train/export-spec.ts <ghostnet|efficientnet> '<options JSON>' [out.json]
 * Without out.json the JSON goes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cost } from '../../src/lib/nets/cost';
import { efficientnet, ghostnet, timmStateDict } from '../../src/lib/nets/spec/index';
import type { NetSpec } from '../../src/lib/nets/spec/types';

export interface ExportedSpec {
	spec: NetSpec;
	cost: { params: number; macs: number; byRole: Record<string, { params: number; macs: number }> };
	stateDict: { key: string; shape: number[] }[];
}

export function resolveSpec(family: string, options: Record<string, unknown>): NetSpec {
	if (family === 'ghostnet') return ghostnet(options as unknown as Parameters<typeof ghostnet>[0]);
	if (family === 'efficientnet')
		return efficientnet(options as unknown as Parameters<typeof efficientnet>[0]);
	throw new Error(`unknown family ${family} (ghostnet | efficientnet)`);
}

export function exportSpec(family: string, options: Record<string, unknown>): ExportedSpec {
	const spec = resolveSpec(family, options);
	const c = cost(spec);
	const byRole = Object.fromEntries(
		Object.entries(c.byRole).map(([role, v]) => [role, { params: v.params, macs: v.macs }])
	);
	return {
		spec,
		cost: { params: c.params, macs: c.macs, byRole },
		stateDict: timmStateDict(spec).map((e) => ({ key: e.key, shape: e.shape }))
	};
}

function main(argv: string[]): void {
	const [family, optionsJson, out] = argv;
	if (!family || !optionsJson) {
		console.error("usage: export-spec.ts <ghostnet|efficientnet> '<options JSON>' [out.json]");
		process.exit(2);
	}
	const json = JSON.stringify(exportSpec(family, JSON.parse(optionsJson)), null, '\t');
	if (out) writeFileSync(out, json + '\n');
	else process.stdout.write(json + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main(process.argv.slice(2));
}
