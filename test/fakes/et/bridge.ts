/**
 * The JS ↔ ET bridge of the fake: every property read, property write or method call on an ET
 * object crosses it once, as it does in WPS (each access is a synchronous call into the host).
 * Objects are wrapped in a Proxy that counts those crossings; the fake's own code works on the
 * unwrapped targets so that only the caller's accesses are counted.
 *
 * Faithfulness rules: members whose names start with "_" are the fake's internals and are invisible
 * to callers; reading or writing a PascalCase member the object does not have throws, as a COM
 * object would ("Cells(r, c)" style mistakes fail loudly instead of returning undefined).
 */
export class Bridge {
  /** Number of crossings since the last reset. */
  calls = 0;
  /** When on, the member names crossed, for debugging a test: "Range.Value2". */
  trace: string[] | null = null;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  reset(): void {
    this.calls = 0;
    if (this.trace) this.trace = [];
  }

  /** Wraps an ET object; the same target always gets the same proxy. */
  wrap<T extends object>(target: T): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy traps below need the bridge, not the target
    const bridge = this;
    const typeName = target.constructor?.name ?? "Object";
    const visible = (prop: string | symbol): prop is string =>
      typeof prop === "string" && !prop.startsWith("_") && prop !== "constructor";
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (!visible(prop)) return undefined;
        if (!(prop in t)) {
          if (/^[A-Z]/.test(prop)) throw new TypeError(`ET ${typeName} has no member "${prop}"`);
          return undefined; // then, toJSON, … probed by Promise/Jest: not a bridge call
        }
        bridge.count(typeName, prop);
        const v = Reflect.get(t, prop, t);
        if (typeof v === "function") {
          return (...args: unknown[]) => (v as (...a: unknown[]) => unknown).apply(t, args);
        }
        return v;
      },
      set(t, prop, value) {
        if (!visible(prop) || !(prop in t))
          throw new TypeError(`ET ${typeName} has no member "${String(prop)}"`);
        bridge.count(typeName, prop);
        return Reflect.set(t, prop, value, t);
      },
      has(t, prop) {
        return visible(prop) && prop in t;
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The object behind a proxy (for the fake's own use when a caller passes an ET object back in). */
  unwrap(x: unknown): unknown {
    return typeof x === "object" && x !== null ? (this.targets.get(x) ?? x) : x;
  }

  private count(typeName: string, prop: string): void {
    this.calls++;
    if (this.trace) this.trace.push(`${typeName}.${prop}`);
  }
}
