/**
 * "FLOPs are not latency" (pure): two networks as points (MACs, measured latency), and the line on
 * which the lighter one would sit if latency were proportional to MACs (through the origin and the
 * heavier network's point).
 */
import { scaleLinear } from 'd3';
import type { Language } from '$lib/content/languages';

export interface LatencyPoint {
	name: string;
	macs: number;
	ms: number;
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

/** One sentence comparing the MACs ratio with the measured latency ratio, in the reader's language. */
export function summary(points: readonly LatencyPoint[], backend: string, lang: Language): string {
	if (points.length !== 2 || points.some((p) => !(p.ms > 0) || !(p.macs > 0))) return '';
	const [light, heavy] = [...points].sort((a, b) => a.macs - b.macs);
	const macs = ratio(heavy.macs, light.macs);
	const faster = light.ms <= heavy.ms;
	const time = faster ? ratio(heavy.ms, light.ms) : ratio(light.ms, heavy.ms);
	if (lang === 'zh') {
		const how = faster ? `快 ${time} 倍` : `反而慢 ${time} 倍`;
		return `${light.name} 的乘加运算是 ${heavy.name} 的 1/${macs}；在这台设备的 ${backend} 后端上，它实测${how}。`;
	}
	const how = faster ? `${time}× faster` : `${time}× slower`;
	return `${light.name} needs ${macs}× fewer MACs than ${heavy.name}, and on ${backend} on this device it ran ${how}.`;
}
