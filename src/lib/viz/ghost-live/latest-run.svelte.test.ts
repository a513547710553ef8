import { describe, expect, it } from 'vitest';
import { LatestRun } from './latest-run.svelte';

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

describe('LatestRun', () => {
	it('keeps only the newest result when requests overlap', async () => {
		const run = new LatestRun<string>();
		const slow = deferred<string>();
		const first = run.run(() => slow.promise);
		expect(run.phase).toBe('running');
		await run.run(async () => 'second');
		expect(run.value).toBe('second');
		slow.resolve('first');
		await first;
		expect(run.value).toBe('second');
		expect(run.phase).toBe('done');
	});

	it('lets stale work skip itself and reports failures of the newest request only', async () => {
		const run = new LatestRun<number>();
		const gate = deferred<void>();
		let skipped = false;
		const stale = run.run(async (current) => {
			await gate.promise;
			skipped = !current();
			return skipped ? null : 1;
		});
		const failing = deferred<number>();
		const newest = run.run(() => failing.promise);
		gate.resolve();
		await stale;
		expect(skipped).toBe(true);
		failing.reject(new Error('no GPU'));
		await newest;
		expect(run.phase).toBe('failed');
		expect(run.error).toBe('no GPU');
		expect(run.value).toBeNull();
	});

	it('reset forgets the value and ignores the pending request', async () => {
		const run = new LatestRun<number>();
		const pending = deferred<number>();
		const p = run.run(() => pending.promise);
		run.reset();
		pending.resolve(5);
		await p;
		expect(run.value).toBeNull();
		expect(run.phase).toBe('idle');
	});
});
