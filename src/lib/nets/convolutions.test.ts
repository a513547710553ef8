import { describe, expect, it } from 'vitest';
import { channelsRead, compareConvolutions, convCount } from './convolutions';

describe('convCount', () => {
	// Hand counts for C_in = 3, C_out = 4, k = 3 on a 5×5 map:
	// ordinary 3·4·9 = 108 weights, 108 MACs a pixel, 25·108 = 2700 in total;
	// depthwise 3·9 = 27 weights and MACs a pixel, 675 in total;
	// separable 27 + 3·4 = 39 weights and MACs a pixel, 975 in total.
	const setting = { inChannels: 3, outChannels: 4, kernel: 3, size: 5 };

	it('counts an ordinary, a depthwise and a separable conv by hand', () => {
		const [ordinary, depthwise, separable] = compareConvolutions(setting);
		expect(ordinary).toMatchObject({
			kind: 'ordinary',
			outChannels: 4,
			weights: 108,
			macsPerPixel: 108,
			macs: 2700
		});
		expect(depthwise).toMatchObject({
			kind: 'depthwise',
			outChannels: 3,
			weights: 27,
			macsPerPixel: 27,
			macs: 675
		});
		expect(separable).toMatchObject({
			kind: 'separable',
			outChannels: 4,
			weights: 39,
			macsPerPixel: 39,
			macs: 975
		});
		expect(separable.layers.map((l) => l.op)).toEqual(['depthwise', 'conv']);
	});

	it('equals the closed forms c_in·c_out·k², c·k² and c·k² + c_in·c_out over a range of settings', () => {
		for (const inChannels of [1, 8, 32, 96]) {
			for (const outChannels of [1, 16, 24]) {
				for (const kernel of [1, 3, 5, 7]) {
					for (const size of [1, 7, 14, 56]) {
						const s = { inChannels, outChannels, kernel, size };
						const k2 = kernel * kernel;
						const pixels = size * size;
						expect(convCount('ordinary', s).weights).toBe(inChannels * outChannels * k2);
						expect(convCount('ordinary', s).macs).toBe(pixels * inChannels * outChannels * k2);
						expect(convCount('depthwise', s).weights).toBe(inChannels * k2);
						expect(convCount('depthwise', s).macs).toBe(pixels * inChannels * k2);
						expect(convCount('separable', s).weights).toBe(inChannels * k2 + inChannels * outChannels);
						expect(convCount('separable', s).macs).toBe(
							pixels * (inChannels * k2 + inChannels * outChannels)
						);
					}
				}
			}
		}
	});

	it('keeps the map size (stride 1, same padding)', () => {
		const [ordinary] = compareConvolutions({ inChannels: 2, outChannels: 2, kernel: 7, size: 3 });
		expect(ordinary.layers[0].output).toEqual([3, 3, 2]);
	});
});

describe('channelsRead', () => {
	it('ordinary and separable outputs read every input channel; a depthwise output reads its own', () => {
		expect(channelsRead('ordinary', 4, 2)).toEqual([0, 1, 2, 3]);
		expect(channelsRead('separable', 4, 2)).toEqual([0, 1, 2, 3]);
		expect(channelsRead('depthwise', 4, 2)).toEqual([2]);
	});
});
