import { createHash } from "node:crypto";

export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, maxExclusive). */
  int: (min: number, maxExclusive: number) => number;
  isChance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  digits: (count: number) => string;
  hex: (length: number) => string;
  uuid: () => string;
};

/**
 * Deterministic pseudo-random numbers. The scale data set must be the same on every run so that
 * two benchmark runs compare code, not data: each person draws from a stream seeded by (seed,
 * person index, table family), so adding a family or growing the set later changes nothing
 * already drawn. sfc32 keeps 128 bits of state seeded from SHA-256: with a 32-bit generator,
 * half a million streams would overlap and repeat ids.
 */
export function createRandom(...seedParts: readonly (string | number)[]): Random {
  const seed = createHash("sha256").update(seedParts.join("\u0000")).digest();
  let a = seed.readUInt32LE(0);
  let b = seed.readUInt32LE(4);
  let c = seed.readUInt32LE(8);
  let d = seed.readUInt32LE(12);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  const int = (min: number, maxExclusive: number) => min + Math.floor(next() * (maxExclusive - min));
  // Eight hex digits per draw: tokens and ids are most of what the generator draws.
  const hex = (length: number) => {
    let text = "";
    while (text.length < length) text += Math.floor(next() * 4_294_967_296).toString(16).padStart(8, "0");
    return text.slice(0, length);
  };
  return {
    next,
    int,
    isChance: (probability) => next() < probability,
    pick: (items) => {
      const item = items[int(0, items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    digits: (count) => Array.from({ length: count }, () => String(int(0, 10))).join(""),
    hex,
    uuid: () => {
      const raw = hex(32);
      const variant = ((int(0, 4) + 8) as number).toString(16);
      return `${raw.slice(0, 8)}-${raw.slice(8, 12)}-4${raw.slice(13, 16)}-${variant}${raw.slice(17, 20)}-${raw.slice(20, 32)}`;
    },
  };
}
