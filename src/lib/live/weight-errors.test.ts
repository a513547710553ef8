import { describe, expect, it } from 'vitest';
import { WeightsError } from '$lib/nets';
import { RemoteError, serializeError } from './protocol';
import { canRetry, describeWeightError } from './weight-errors';

describe('describeWeightError', () => {
	it('keeps the code, URL and status of a source error', () => {
		const error = new WeightsError('not-found', 'HTTP 404', { url: 'https://h/x', status: 404 });
		expect(describeWeightError(error)).toEqual({
			code: 'not-found',
			url: 'https://h/x',
			status: 404,
			detail: 'HTTP 404'
		});
	});
	it('reads a source error that crossed from the worker by its name and fields', () => {
		const crossed = new RemoteError(serializeError(new WeightsError('truncated', 'received 10 of 20 bytes')));
		expect(crossed).not.toBeInstanceOf(WeightsError);
		expect(describeWeightError(crossed)).toEqual({
			code: 'truncated',
			url: null,
			status: null,
			detail: 'received 10 of 20 bytes'
		});
		const unknown = new RemoteError({ name: 'WeightsError', message: 'x', code: 'no-such-code' });
		expect(describeWeightError(unknown).code).toBe('build-failed');
	});
	it('calls anything else a build failure, with its message', () => {
		expect(describeWeightError(new Error('WebGL: out of memory'))).toMatchObject({
			code: 'build-failed',
			detail: 'WebGL: out of memory'
		});
		expect(describeWeightError('boom').detail).toBe('boom');
	});
});

describe('canRetry', () => {
	it('offers retry for downloads but not for a chosen file that failed its checks', () => {
		const truncated = describeWeightError(new WeightsError('truncated', 'short'));
		expect(canRetry(truncated, 'hub')).toBe(true);
		expect(canRetry(truncated, 'file')).toBe(false);
		expect(canRetry(describeWeightError(new Error('oom')), 'file')).toBe(true);
	});
});
