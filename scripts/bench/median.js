// Medians of several benchmark runs: node scripts/bench/median.js run1.json run2.json run3.json
// Prints the same tables as one run, each figure the median of the runs' figures (latency: the median
// of the runs' medians, mins and p90s), and the targets judged on those medians.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bestRows, report } from './report.js';
import { median } from './stats.js';

/** @param {any[]} runs */
export function medianResults(runs) {
	const first = runs[0];
	/** @param {(r: any) => any[]} list @param {(x: any) => string} key @param {string[]} fields */
	const combine = (list, key, fields) =>
		list(first).map((row) => {
			const same = runs.map((r) => list(r).find((x) => key(x) === key(row))).filter(Boolean);
			return { ...row, ...Object.fromEntries(fields.map((f) => [f, median(same.map((s) => s[f]))])), samples: same.length };
		});
	const latency = combine(
		(r) => r.latency ?? [],
		(x) => `${x.net}/${x.runtime}/${x.backend}/${x.threads}`,
		['median', 'min', 'p90']
	);
	const coldStart = combine((r) => r.coldStart ?? [], (x) => `${x.net}/${x.runtime}`, ['totalMs']).map((c) => ({
		...c,
		phases: Object.fromEntries(
			Object.keys(c.phases).map((p) => [
				p,
				median(runs.map((r) => r.coldStart?.find((/** @type {any} */ x) => x.net === c.net && x.runtime === c.runtime)?.phases[p]))
			])
		)
	}));
	const ghostMaps = (first.ghostMaps ?? []).map((/** @type {any} */ row) => {
		const same = runs
			.map((r) => r.ghostMaps?.find((/** @type {any} */ x) => x.module === row.module && x.backend === row.backend))
			.filter(Boolean);
		/** @param {string} phase */
		const phase = (phase) => ({
			...row[phase],
			median: median(same.map((s) => s[phase].median)),
			p90: median(same.map((s) => s[phase].p90))
		});
		return {
			...row,
			computeMs: phase('computeMs'),
			drawMs: phase('drawMs'),
			totalMs: phase('totalMs'),
			tensorsLeaked: Math.max(...same.map((s) => s.tensorsLeaked)),
			samples: same.length
		};
	});
	const pages = first.pages && {
		...first.pages,
		classify: Object.fromEntries(
			['firstResultMs', 'blockingMs', 'longestTaskMs'].map((k) => [k, median(runs.map((r) => r.pages?.classify[k]))])
		),
		ghostMaps: Object.fromEntries(
			['mapsMs', 'blockingMs', 'longestTaskMs'].map((k) => [k, median(runs.map((r) => r.pages?.ghostMaps[k]))])
		)
	};
	return {
		...first,
		pages,
		ghostMaps,
		machine: { ...first.machine, date: runs.map((r) => r.machine.date).join(', ') },
		latency,
		best: bestRows(latency),
		coldStart,
		logitChecks: runs.flatMap((r) => r.logitChecks ?? [])
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const files = process.argv.slice(2);
	const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
	console.log(`Medians of ${runs.length} runs`);
	console.log(report(medianResults(runs)));
}
