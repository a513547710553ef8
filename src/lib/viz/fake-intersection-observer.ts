/** An IntersectionObserver whose entries the test delivers by hand (imported by component tests only). */
export class FakeIntersectionObserver {
	static all: FakeIntersectionObserver[] = [];
	readonly targets: Element[] = [];
	disconnected = false;
	constructor(
		readonly callback: IntersectionObserverCallback,
		readonly options: IntersectionObserverInit = {}
	) {
		FakeIntersectionObserver.all.push(this);
	}
	observe(target: Element) {
		this.targets.push(target);
	}
	disconnect() {
		this.disconnected = true;
	}
	/** Reports `isIntersecting` for every observed target. */
	deliver(isIntersecting: boolean) {
		const entries = this.targets.map((target) => ({ target, isIntersecting }));
		this.callback(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
	}
}
