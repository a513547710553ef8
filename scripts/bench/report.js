// The benchmark's printed table and target checks (from results.json's data).

/** @type {Record<string, string>} */
const NAMES = { efficientnet_b0: 'EfficientNet-B0', ghostnet_100: 'GhostNet 1.0x' };
const ms = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
const ratio = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(2) : '–');

/** @param {string[][]} rows */
function table(rows) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
	return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/** The targets, each with the measured value and whether it is met. @param {any} results */
export function targets(results) {
	const best = results.best ?? {};
	const out = [];
	for (const net of Object.keys(NAMES)) {
		const ours = best[`${net}/ours`];
		const peer = best[`${net}/onnxruntime-web`];
		if (ours && peer) {
			const value = ours.median / peer.median;
			out.push({ target: `${NAMES[net]}: ours (worker) ≤ 0.65 × onnxruntime-web (best threads)`, value, met: value <= 0.65 });
		}
	}
	const b0 = best['efficientnet_b0/ours'];
	const ghost = best['ghostnet_100/ours'];
	if (b0 && ghost) {
		const value = ghost.median / b0.median;
		out.push({ target: 'GhostNet ≤ 0.45 × EfficientNet-B0 (ours)', value, met: value <= 0.45 });
	}
	for (const net of Object.keys(NAMES)) {
		const cold = (results.coldStart ?? []).filter((/** @type {any} */ c) => c.net === net);
		const ours = cold.find((/** @type {any} */ c) => c.runtime === 'ours');
		const peer = cold.find((/** @type {any} */ c) => c.runtime === 'onnxruntime-web');
		if (ours && peer) {
			const value = ours.totalMs / peer.totalMs;
			out.push({ target: `${NAMES[net]}: cold start ≤ onnxruntime-web's`, value, met: value <= 1 });
		}
	}
	const pages = results.pages;
	if (pages) {
		const c = pages.classify;
		out.push({ target: '/en/classify: both first top-5 ≤ 1500 ms after navigation', value: c.firstResultMs, met: c.firstResultMs <= 1500, unit: 'ms' });
		out.push({ target: '/en/classify: main-thread blocking until then ≤ 100 ms', value: c.blockingMs, met: c.blockingMs <= 100, unit: 'ms' });
		out.push({ target: '/en/classify: longest main-thread task until then ≤ 100 ms', value: c.longestTaskMs, met: c.longestTaskMs <= 100, unit: 'ms' });
		out.push({ target: '/en/ghostnet: live Ghost maps drawn ≤ 1000 ms after entering the viewport', value: pages.ghostMaps.mapsMs, met: pages.ghostMaps.mapsMs <= 1000, unit: 'ms' });
	}
	const articlePages = new Set(results.pageWeight?.articles ?? []);
	const articles = (results.pageWeight?.browser ?? []).filter((/** @type {any} */ p) => articlePages.has(p.page));
	if (articles.length) {
		const value = Math.max(...articles.map((/** @type {any} */ p) => p.jsGzipWithoutTfjs)) / 1024;
		const eager = articles.filter((/** @type {any} */ p) => p.tfjsAtStartup).map((/** @type {any} */ p) => p.page);
		out.push({
			target: 'article page ≤ 150 KB gzip JS before a network is needed',
			value,
			met: value <= 150,
			unit: eager.length ? `KB; the runtime warms at load on ${eager.join(', ')} (a live part within a screen)` : 'KB'
		});
	}
	return out;
}

/** @param {any} results */
export function report(results) {
	const parts = [];
	const m = results.machine;
	parts.push(
		`\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; Chromium ${m.chromium}; Node ${m.node}; ${m.date}`
	);
	if (results.pages) {
		const p = results.pages;
		const rows = [['page (fresh context, medians)', 'ms', 'blocking ms', 'longest task ms', 'runs']];
		rows.push(['/en/classify: navigation → both first top-5', ms(p.classify.firstResultMs), ms(p.classify.blockingMs), ms(p.classify.longestTaskMs), p.runs]);
		rows.push(['/en/ghostnet: maps in view → drawn', ms(p.ghostMaps.mapsMs), ms(p.ghostMaps.blockingMs), ms(p.ghostMaps.longestTaskMs), p.runs]);
		parts.push('\nThe real pages (production build, static server, Chromium as the tests run it)\n' + table(rows));
	}
	if (results.latency?.length) {
		const best = results.best ?? {};
		const rows = [['network', 'runtime', 'backend', 'threads', 'median ms', 'min ms', 'p90 ms', 'runs', 'ours/peer']];
		for (const r of results.latency) {
			const peer = results.latency.find(
				(/** @type {any} */ p) => p.net === r.net && p.runtime === 'onnxruntime-web' && p.threads === r.threads && p.backend === r.backend
			);
			const isBest = best[`${r.net}/${r.runtime}`] === r || (best[`${r.net}/${r.runtime}`]?.threads === r.threads && r.backend === 'wasm');
			rows.push([
				NAMES[r.net],
				r.runtime,
				r.backend,
				r.threads ?? '–',
				ms(r.median) + (isBest ? ' *' : ''),
				ms(r.min),
				ms(r.p90),
				r.runs,
				r.runtime.startsWith('ours') && peer ? ratio(r.median / peer.median) : ''
			]);
		}
		parts.push(
			'\nSteady-state latency (fixture input; a run = input to the runtime + forward + logits read, for "ours" through the live runtime worker; * = best thread count)\n' +
				table(rows)
		);
	}
	if (results.coldStart?.length) {
		const rows = [['network', 'runtime', 'threads', 'median ms', 'phases (median ms)', 'ours/peer']];
		for (const c of results.coldStart) {
			const peer = results.coldStart.find((/** @type {any} */ p) => p.net === c.net && p.runtime === 'onnxruntime-web');
			rows.push([
				NAMES[c.net],
				c.runtime,
				c.threads,
				ms(c.totalMs),
				Object.entries(c.phases).map(([k, v]) => `${k} ${ms(/** @type {number} */ (v))}`).join(', '),
				c.runtime === 'ours' && peer ? ratio(c.totalMs / peer.totalMs) : ''
			]);
		}
		parts.push('\nCold start (weights in memory → first result, fresh page, median of 3; ours: a new live runtime worker)\n' + table(rows));
	}
	if (results.pageWeight) {
		const rows = [['page', 'JS gzip KB', 'without tfjs KB', 'CSS gzip KB', 'JS files', 'HTML-declared JS KB']];
		for (const p of results.pageWeight.browser) {
			const s = results.pageWeight.static.find((/** @type {any} */ x) => x.page === p.page);
			rows.push([
				p.page,
				kb(p.jsGzip) + (p.tfjsAtStartup ? ' (tfjs!)' : ''),
				kb(p.jsGzipWithoutTfjs),
				kb(p.cssGzip),
				p.jsFiles.length,
				s ? kb(s.jsGzip) : '–'
			]);
		}
		parts.push(
			'\nPage weight (what each page loads until the network is idle, no interaction; gzip -9 per file)\n' +
				table(rows)
		);
	}
	if (results.memory?.length) {
		const rows = [['network', 'images', 'heap base MB', 'heap peak MB', 'heap after GC MB', 'tensors base', 'tensors peak', 'tensors after']];
		for (const r of results.memory)
			rows.push([
				NAMES[r.net],
				r.images,
				(r.heapBaselineBytes / 2 ** 20).toFixed(1),
				(r.heapPeakBytes / 2 ** 20).toFixed(1),
				(r.heapAfterGcBytes / 2 ** 20).toFixed(1),
				r.tensorsBaseline,
				r.tensorsPeak,
				r.tensorsAfter
			]);
		parts.push('\nMemory while classifying sample images (wasm, in the live runtime worker: its tensors; this page\'s heap)\n' + table(rows));
	}
	if (results.ghostMaps?.length) {
		const rows = [['Ghost lab: image → drawn maps', 'backend', 'threads', 'total median ms', 'p90 ms', 'in worker', 'draw', 'runs', 'leaked']];
		for (const r of results.ghostMaps)
			rows.push([
				r.module,
				r.backend,
				r.threads ?? '–',
				ms(r.totalMs.median),
				ms(r.totalMs.p90),
				ms(r.computeMs.median),
				ms(r.drawMs.median),
				r.totalMs.runs,
				r.tensorsLeaked
			]);
		parts.push(
			'\nGhost lab live maps (GhostNet 1.0x, a different sample image per run; in worker: decode + preprocess, network to the module + packing + one read, and the message round trip; then drawing; medians in ms)\n' +
				table(rows)
		);
	}
	if (results.scaling?.length) {
		const rows = [['Scaling lab update (resolve + cost)', 'median ms', 'min ms', 'p90 ms', 'runs']];
		for (const s of results.scaling) rows.push([s.state, ms(s.median) === '0.0' ? s.median.toFixed(3) : s.median.toFixed(3), s.min.toFixed(3), s.p90.toFixed(3), s.runs]);
		parts.push('\n' + table(rows));
	}
	const checks = results.logitChecks ?? [];
	if (checks.length) {
		const worst = Math.max(...checks.map((/** @type {any} */ c) => c.maxAbsDiff ?? Infinity));
		parts.push(`\nLogits vs fixture: ${checks.length} checks, worst max |Δ| = ${worst.toExponential(2)} (tolerance 1e-4)`);
	}
	const t = targets(results);
	if (t.length) {
		const rows = [['target', 'measured', 'met']];
		for (const x of t) rows.push([x.target, x.unit ? `${x.value.toFixed(1)} ${x.unit}` : ratio(x.value), x.met ? 'yes' : 'NO']);
		parts.push('\nTargets\n' + table(rows));
	}
	return parts.join('\n');
}

/** The thread count with the lowest median per runtime and network (wasm rows). @param {any[]} rows */
export function bestRows(rows) {
	/** @type {Record<string, any>} */
	const best = {};
	for (const r of rows.filter((r) => r.net && r.backend === 'wasm')) {
		const key = `${r.net}/${r.runtime}`;
		if (!best[key] || r.median < best[key].median) best[key] = r;
	}
	return best;
}
