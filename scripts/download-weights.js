#!/usr/bin/env node
// `npm run weights:download [-- options]`: fetches the ImageNet checkpoints of the catalog
// (src/lib/nets/weights/catalog.ts) from the Hugging Face hub, or a mirror with the hub's layout,
// into static/weights/ so that a deployed site or an offline machine serves them itself.
// Each file is validated (safetensors header and size, every timm key and shape) before it is
// written; the files are git-ignored.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sources = await tsImport('../src/lib/nets/weights/sources.ts', import.meta.url);
const { CHECKPOINTS, CHECKPOINT_IDS } = await tsImport('../src/lib/nets/weights/catalog.ts', import.meta.url);

const usage = `Usage: npm run weights:download -- [--base-url URL] [--out DIR] [--only ID] [--force]

  --base-url URL  hub or mirror laid out as <URL>/<repo>/resolve/main/model.safetensors
                  (default: $PUBLIC_WEIGHTS_BASE_URL, else https://huggingface.co)
  --out DIR       where to write the files (default: static/weights)
  --only ID       one checkpoint: ${CHECKPOINT_IDS.join(', ')}
  --force         download again even if a valid file is already there`;

function options() {
	const { values } = parseArgs({
		options: {
			'base-url': { type: 'string' },
			out: { type: 'string', default: join(root, 'static', 'weights') },
			only: { type: 'string' },
			force: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
	if (values.only && !CHECKPOINT_IDS.includes(values.only)) {
		throw new Error(`unknown checkpoint "${values.only}"; known: ${CHECKPOINT_IDS.join(', ')}`);
	}
	const baseUrl = values['base-url'] || process.env.PUBLIC_WEIGHTS_BASE_URL || 'https://huggingface.co';
	return { ...values, baseUrl, ids: values.only ? [values.only] : CHECKPOINT_IDS };
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);
/** A path relative to the project when inside it, else absolute. */
const shown = (path) => (relative(root, path).startsWith('..') ? path : relative(root, path));

/** One progress line per checkpoint: rewritten in place on a terminal, every 10 % otherwise. */
function progressPrinter(id) {
	let lastStep = -1;
	return ({ loaded, total, percent }) => {
		const text = `  ${id}  ${mb(loaded)}${total ? ` / ${mb(total)}` : ''} MB${percent === null ? '' : `  ${percent.toFixed(0)} %`}`;
		if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K`);
		else if (percent !== null && Math.floor(percent / 10) > lastStep) {
			lastStep = Math.floor(percent / 10);
			process.stderr.write(`${text}\n`);
		}
	};
}

/** True when `path` already holds a valid copy of the checkpoint. */
async function validCopy(id, path) {
	try {
		const file = new Blob([await readFile(path)]);
		await sources.loadCheckpointBytes(id, { kind: 'file', file });
		return true;
	} catch {
		return false;
	}
}

/** The low-level reason of a failed Node fetch (ENOTFOUND, ECONNREFUSED, …), if any. */
function networkCause(error) {
	for (let e = error; e; e = e.cause)
		if (e.code && typeof e.code === 'string' && e.code !== error.code) return e.code;
	return null;
}

function explain(error, entry, url, opts) {
	const manual = `Or download ${url} by hand and save it as ${shown(join(opts.out, entry.localFile))}.`;
	switch (error?.code) {
		case 'cors-or-network':
		case 'offline': {
			const cause = networkCause(error);
			return (
				`could not reach ${new URL(url).origin}${cause ? ` (${cause})` : ''}. ` +
				`This machine may have no internet access, or a proxy/firewall blocks it.\n` +
				`  Use a mirror that has the hub's layout: npm run weights:download -- --base-url <URL>\n  ${manual}`
			);
		}
		case 'not-found':
			return `${url} answered ${error.status}: ${entry.repo} has no ${entry.file} at ${opts.baseUrl}. Check --base-url.`;
		case 'http-error':
			return `${url} answered HTTP ${error.status}. ${manual}`;
		case 'html-instead-of-weights':
			return `${url} sent an HTML page instead of the weights (a login or error page?). Check --base-url.`;
		case 'truncated':
		case 'invalid-file':
		case 'wrong-model':
			return `the file from ${url} is not a valid ${entry.name} checkpoint (${error.code}): ${error.detail}`;
		default:
			return String(error?.stack ?? error);
	}
}

async function download(id, opts) {
	const entry = CHECKPOINTS[id];
	const path = join(opts.out, entry.localFile);
	if (!opts.force && (await validCopy(id, path))) {
		console.log(`✓ ${id}: ${shown(path)} is already there and valid (use --force to fetch again)`);
		return true;
	}
	const url = sources.hubUrl(entry, opts.baseUrl);
	console.log(`↓ ${id} from ${url}`);
	try {
		const loaded = await sources.loadCheckpointBytes(
			id,
			{ kind: 'hub', baseUrl: opts.baseUrl },
			{
				caches: null,
				onProgress: progressPrinter(id)
			}
		);
		if (process.stderr.isTTY) process.stderr.write('\n');
		await mkdir(opts.out, { recursive: true });
		await writeFile(`${path}.part`, loaded.bytes);
		await rename(`${path}.part`, path);
		console.log(
			`✓ ${id}: ${mb(loaded.byteLength)} MB, ${loaded.weights.size} tensors checked → ${shown(path)}`
		);
		return true;
	} catch (error) {
		if (process.stderr.isTTY) process.stderr.write('\n');
		console.error(`✗ ${id}: ${explain(error, entry, url, opts)}`);
		return false;
	}
}

async function main() {
	let opts;
	try {
		opts = options();
	} catch (error) {
		console.error(`${error.message}\n\n${usage}`);
		return 2;
	}
	if (opts.help) {
		console.log(usage);
		return 0;
	}
	let ok = true;
	for (const id of opts.ids) ok = (await download(id, opts)) && ok;
	return ok ? 0 : 1;
}

process.exitCode = await main();
