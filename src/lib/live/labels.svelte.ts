/**
 * Label tables, fetched at runtime (never bundled) and kept once per tab: `labels.get(table, lang)`
 * is reactive, undefined until `labels.load(...)` has fetched it, then the class names in logit
 * order. A table that fails to load leaves a message in `errors` and the UI falls back to class
 * numbers.
 */
import type { Language } from '$lib/content/languages';
import { parseLabelTable } from '$lib/nets';
import { labelUrl, type LabelTableId } from './models';

const CLASS_COUNTS: Record<LabelTableId, number> = { 'imagenet-1k': 1000, 'fashion-mnist': 10 };

type Key = `${LabelTableId}.${Language}`;

export class LabelTables {
	private tables = $state.raw<Partial<Record<Key, string[]>>>({});
	errors = $state.raw<Partial<Record<Key, string>>>({});
	// Request bookkeeping, not state the UI reads.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private pending = new Map<Key, Promise<void>>();
	private readonly fetchJson: (url: string) => Promise<unknown>;

	constructor(fetchJson: (url: string) => Promise<unknown>) {
		this.fetchJson = fetchJson;
	}

	get(table: LabelTableId, lang: Language): string[] | undefined {
		return this.tables[`${table}.${lang}`];
	}

	/** Fetches a table once; concurrent and later calls share the first request. */
	load(table: LabelTableId, lang: Language): Promise<void> {
		const key: Key = `${table}.${lang}`;
		let request = this.pending.get(key);
		if (!request) {
			request = this.fetchTable(key, table, lang);
			this.pending.set(key, request);
		}
		return request;
	}

	private async fetchTable(key: Key, table: LabelTableId, lang: Language) {
		try {
			const labels = parseLabelTable(await this.fetchJson(labelUrl(table, lang)), CLASS_COUNTS[table]);
			this.tables = { ...this.tables, [key]: labels };
		} catch (error) {
			this.pending.delete(key);
			this.errors = { ...this.errors, [key]: error instanceof Error ? error.message : String(error) };
		}
	}
}

let shared: LabelTables | null = null;

/** The tab's label tables. */
export function labelTables(): LabelTables {
	shared ??= new LabelTables(async (url) => {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
		return response.json();
	});
	return shared;
}
