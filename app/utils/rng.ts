// Seeded PRNG (mulberry32): the scheduler, the booth optimizer, generated benchmarks and sample data must give
// the same result for the same seed, and Math.random cannot be seeded.

export type Rng = () => number;

/**
 * Returns a generator of floats in [0, 1) fixed by the seed.
 *
 * @example
 * const rnd = createRng(42);
 * rnd(); // same value on every run
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Integer in [0, n).
 *
 * @example
 * randomInt(createRng(1), 6); // 0..5
 */
export function randomInt(rnd: Rng, n: number): number {
  return Math.floor(rnd() * n);
}

/**
 * Shuffles an array in place (Fisher–Yates) and returns it.
 *
 * @example
 * shuffle(createRng(1), [1, 2, 3]);
 */
export function shuffle<A extends { length: number; [i: number]: unknown }>(rnd: Rng, xs: A): A {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const tmp = xs[i];
    xs[i] = xs[j];
    xs[j] = tmp;
  }
  return xs;
}
