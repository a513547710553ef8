import { describe, expect, it } from 'vitest';
import { measureLatency, median, quartiles } from './latency';

describe('quartiles', () => {
	it('interpolates between order statistics (numpy default)', () => {
		// numpy.percentile([5, 1, 4, 2, 3], [25, 75]) = [2, 4]; ([1, 2, 3, 4]) = [1.75, 3.25]
		expect(quartiles([5, 1, 4, 2, 3])).toEqual([2, 4]);
		expect(quartiles([4, 1, 3, 2])).toEqual([1.75, 3.25]);
		expect(quartiles([7])).toEqual([7, 7]);
		expect(quartiles([]).every(Number.isNaN)).toBe(true);
	});
});

describe('median', () => {
	it('takes the middle value of an odd count, unsorted input', () => {
		expect(median([9, 1, 5])).toBe(5);
	});
	it('averages the two middle values of an even count', () => {
		expect(median([4, 1, 3, 10])).toBe(3.5);
	});
	it('is NaN for no values and does not reorder its input', () => {
		expect(median([])).toBeNaN();
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});

describe('measureLatency', () => {
	it('runs the warm-up untimed, then times each run with the given clock', async () => {
		// A fake clock advancing by a scripted duration per run: warm-up 100 ms, then 7, 3, 5.
		const durations = [100, 7, 3, 5];
		let clock = 0;
		let call = 0;
		const run = async () => {
			clock += durations[call];
			return ++call;
		};
		const measured = await measureLatency(run, { warmup: 1, runs: 3, now: () => clock });
		expect(measured.samplesMs).toEqual([7, 3, 5]);
		expect(measured.medianMs).toBe(5);
		expect(measured.result).toBe(4);
	});

	it('rejects a run count below one and a negative warm-up', async () => {
		const run = async () => 0;
		await expect(measureLatency(run, { runs: 0 })).rejects.toThrow(RangeError);
		await expect(measureLatency(run, { warmup: -1 })).rejects.toThrow(RangeError);
	});
});
