/** Byte counts and download progress, for the runtime's status lines and the weight manager (pure). */

/** "21.3 MB", "512 kB", "900 B" (SI units, as download sizes are usually shown). */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '–';
	if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
	if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
	return `${Math.round(bytes)} B`;
}

/** Whole percent done, or null when the total is unknown (no Content-Length). */
export function percentDone(loaded: number, total: number | null | undefined): number | null {
	if (!total || total <= 0 || !Number.isFinite(total)) return null;
	return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}
