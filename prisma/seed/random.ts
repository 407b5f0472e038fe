/**
 * A small seeded PRNG for the demo data (never Math.random: the seed must produce the same data every run).
 * mulberry32: 32-bit state, good enough statistical quality for picking demo values.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error("Rng.pick: empty list");
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("Rng.weighted: empty list");
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(values: readonly T[]): T[] {
    const out = [...values];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  /** `count` distinct values (or all of them when there are fewer). */
  sample<T>(values: readonly T[], count: number): T[] {
    return this.shuffle(values).slice(0, count);
  }

  /** `count` sorted fractions in (0, 1), spread out a little so events are not on top of each other. */
  sortedFractions(count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(0.02 + this.next() * 0.96);
    return out.sort((a, b) => a - b);
  }
}

/** The fixed seed of the demo data. Change it and every generated value changes. */
export const DEMO_SEED = 0x5eed2026;
