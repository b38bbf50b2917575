/**
 * Keeps one instance per process across dev rebuilds and across the two copies of a module that tests can
 * load (the test's import and the route's import share globalThis).
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __pendopo?: Record<string, unknown> };
  store.__pendopo ??= {};
  if (store.__pendopo[name] === undefined) store.__pendopo[name] = create();
  return store.__pendopo[name] as T;
}

/** Replaces a singleton (tests install their own database this way). */
export function setSingleton<T>(name: string, value: T): void {
  const store = globalThis as unknown as { __pendopo?: Record<string, unknown> };
  store.__pendopo ??= {};
  store.__pendopo[name] = value;
}
