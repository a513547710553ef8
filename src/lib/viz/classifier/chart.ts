/**
 * "FLOPs are not latency" (pure): two networks as points (MACs, measured latency), and the line on
 * which the lighter one would sit if latency were proportional to MACs (through the origin and the
 * heavier network's point).
 */
import { scaleLinear } from 'd3';
import type { Language } from '$lib/content/languages';
import { quartiles } from '$lib/live/latency';

export interface LatencyPoint {
	name: string;
	macs: number;
	/** Median of the timed runs. */
	ms: number;
	/** Every timed run (ms): its spread decides whether the two times differ at all. */
	samplesMs: readonly number[];
	color: string;
}

export interface ChartFrame {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
}

export const FRAME: ChartFrame = {
	width: 340,
	height: 210,
	margin: { top: 14, right: 18, bottom: 40, left: 52 }
};

/** x: MACs (in millions), y: ms; both from zero with headroom above the largest point. */
export function chartScales(points: readonly LatencyPoint[], frame: ChartFrame = FRAME) {
	const { width, height, margin } = frame;
	const maxMacs = Math.max(1, ...points.map((p) => p.macs / 1e6));
	const maxMs = Math.max(1, ...points.map((p) => p.ms));
	const x = scaleLinear()
		.domain([0, maxMacs * 1.2])
		.nice()
		.range([margin.left, width - margin.right]);
	const y = scaleLinear()
		.domain([0, maxMs * 1.25])
		.nice()
		.range([height - margin.bottom, margin.top]);
	return { x, y };
}

/** The proportional line's end point in data units (MACs in millions, ms), clipped to the x domain. */
export function proportionalLine(points: readonly LatencyPoint[], xMax: number) {
	const heavier = [...points].sort((a, b) => b.macs - a.macs)[0];
	if (!heavier || heavier.macs <= 0) return null;
	const msPerMillion = heavier.ms / (heavier.macs / 1e6);
	return { x: xMax, y: xMax * msPerMillion };
}

const ratio = (a: number, b: number) => (a / b).toFixed(1);

/** Below this many timed runs per network, the quartiles say too little to call one network faster. */
export const MIN_RUNS_TO_COMPARE = 5;

export type LatencyVerdict = { kind: 'faster' | 'slower'; ratio: number } | { kind: 'noise' };

/**
 * Is `light` faster or slower than `heavy`? Only when the middle halves of their runs (first to third
 * quartile) do not overlap, with enough runs of each; "noise" otherwise, so that a reload on the same
 * machine does not flip the answer on a difference the measurement cannot resolve.
 */
export function compareLatency(light: LatencyPoint, heavy: LatencyPoint): LatencyVerdict {
	if (light.samplesMs.length < MIN_RUNS_TO_COMPARE || heavy.samplesMs.length < MIN_RUNS_TO_COMPARE)
		return { kind: 'noise' };
	const [l1, l3] = quartiles(light.samplesMs);
	const [h1, h3] = quartiles(heavy.samplesMs);
	if (l1 <= h3 && h1 <= l3) return { kind: 'noise' };
	return l3 < h1
		? { kind: 'faster', ratio: heavy.ms / light.ms }
		: { kind: 'slower', ratio: light.ms / heavy.ms };
}

const summaryText = {
	en: {
		macs: (light: string, macs: string, heavy: string) => `${light} needs ${macs}× fewer MACs than ${heavy}`,
		faster: (backend: string, time: string) => `, and on ${backend} on this device it ran ${time}× faster.`,
		slower: (backend: string, time: string) => `, and on ${backend} on this device it ran ${time}× slower.`,
		noise: (backend: string, l: string, h: string, runs: number) =>
			`, but on ${backend} on this device their times (medians ${l} and ${h} ms over ${runs} runs each) are within the measured noise: the middle halves of their runs overlap.`
	},
	zh: {
		macs: (light: string, macs: string, heavy: string) => `${light} 的乘加运算是 ${heavy} 的 1/${macs}`,
		faster: (backend: string, time: string) => `；在这台设备的 ${backend} 后端上，它实测快 ${time} 倍。`,
		slower: (backend: string, time: string) => `；在这台设备的 ${backend} 后端上，它实测反而慢 ${time} 倍。`,
		noise: (backend: string, l: string, h: string, runs: number) =>
			`；但在这台设备的 ${backend} 后端上，两者的时间（各 ${runs} 次运行的中位数：${l} 与 ${h} ms）相差在测量噪声之内：两者中间一半的运行时间互相重叠。`
	}
};

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** One sentence comparing the MACs ratio with the measured latencies, in the reader's language. */
export function summary(points: readonly LatencyPoint[], backend: string, lang: Language): string {
	if (points.length !== 2 || points.some((p) => !(p.ms > 0) || !(p.macs > 0))) return '';
	const [light, heavy] = [...points].sort((a, b) => a.macs - b.macs);
	const t = summaryText[lang];
	const start = t.macs(light.name, ratio(heavy.macs, light.macs), heavy.name);
	const verdict = compareLatency(light, heavy);
	if (verdict.kind === 'noise') {
		const runs = Math.min(light.samplesMs.length, heavy.samplesMs.length);
		return start + t.noise(backend, ms(light.ms), ms(heavy.ms), runs);
	}
	return start + t[verdict.kind](backend, verdict.ratio.toFixed(1));
}
