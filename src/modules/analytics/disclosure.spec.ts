import { CellTotals, perturbCell, perturbedSpread, publishedInterval, Scale } from './disclosure';

/** A seeded generator (mulberry32), so every run sees the same draws. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALE: Scale = { min: 0, max: 100 };
const MIN = 5;

describe('disclosure control: one cell', () => {
  const cell: CellTotals = { n: 40, sum: 2000, sumOfSquares: 2000 * 50 + 39 * 400, keySum: '83746125512' };

  it('gives the same group of respondents the same numbers, whoever asks and however often', () => {
    expect(perturbCell(cell, 'DIMENSION:DECISION_AUTHORITY', SCALE, MIN)).toEqual(perturbCell({ ...cell }, 'DIMENSION:DECISION_AUTHORITY', SCALE, MIN));
  });

  it('gives another group, another measure or another statistic noise of its own', () => {
    const a = perturbCell(cell, 'DIMENSION:DECISION_AUTHORITY', SCALE, MIN);
    expect(perturbCell({ ...cell, keySum: '83746125513' }, 'DIMENSION:DECISION_AUTHORITY', SCALE, MIN).mean).not.toBe(a.mean);
    expect(perturbCell(cell, 'DIMENSION:ADMINISTRATIVE_BURDEN', SCALE, MIN).mean).not.toBe(a.mean);
    expect(perturbCell(cell, 'DIMENSION:DECISION_AUTHORITY', SCALE, MIN, 'pairs').mean).not.toBe(a.mean);
  });

  it('publishes nothing below the threshold, and never an n below it', () => {
    expect(perturbCell({ ...cell, n: 4 }, 'M', SCALE, MIN)).toEqual({ suppressed: true, n: null, mean: null });
    expect(perturbedSpread({ ...cell, n: 4 }, 'M', SCALE, MIN)).toBeNull();
    const rand = seeded(1);
    for (let i = 0; i < 500; i++) {
      const p = perturbCell({ n: 5, sum: 250, sumOfSquares: 0, keySum: String(Math.floor(rand() * 1e12)) }, 'M', SCALE, MIN);
      expect(p.n).toBeGreaterThanOrEqual(MIN);
      expect(p.mean).toBeGreaterThanOrEqual(0);
      expect(p.mean).toBeLessThanOrEqual(100);
    }
  });

  it('costs this much accuracy: the mean’s error shrinks as 0.71 · width / n', () => {
    const rand = seeded(2);
    for (const n of [10, 40, 150]) {
      let sq = 0;
      for (let i = 0; i < 4000; i++) {
        const p = perturbCell({ n, sum: 50 * n, sumOfSquares: 0, keySum: String(Math.floor(rand() * 1e12)) }, 'M', SCALE, MIN);
        sq += (p.mean! - 50) ** 2;
      }
      expect(Math.sqrt(sq / 4000)).toBeCloseTo((0.5 * Math.SQRT2 * 100) / n, 0);
    }
  });

  it('keeps its intervals honest: about 95 % of them hold the true mean, noise included', () => {
    const rand = seeded(4);
    // Likert answers 1–5 with these probabilities, scored 0–100: true mean 57.5.
    const weights = [0.05, 0.15, 0.3, 0.35, 0.15];
    const trueMean = weights.reduce((s, w, i) => s + w * i * 25, 0);
    const draw = () => {
      let u = rand();
      for (let i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return i * 25;
      return 100;
    };
    for (const n of [8, 40]) {
      let covered = 0;
      const trials = 2000;
      for (let i = 0; i < trials; i++) {
        const xs = Array.from({ length: n }, draw);
        const cell = { n, sum: xs.reduce((a, b) => a + b, 0), sumOfSquares: xs.reduce((a, b) => a + b * b, 0), keySum: String(Math.floor(rand() * 1e12)) };
        const ci = publishedInterval(perturbCell(cell, 'M', SCALE, MIN), perturbedSpread(cell, 'M', SCALE, MIN), SCALE)!;
        if (ci[0] <= trueMean && trueMean <= ci[1]) covered++;
      }
      expect(covered / trials).toBeGreaterThan(0.92);
      expect(covered / trials).toBeLessThan(0.995);
    }
  });
});

/**
 * The strongest attack on published tables we know of: take every cell the lattice publishes for
 * a wave — by unit, category and tenure band and all their margins — and solve for each finest
 * group's sum by least squares. The target is alone in its group (the one manager with over ten
 * years in unit 0), and the attacker knows every group's true size. With the noise of NOISE, the
 * target's score (0–100 in steps of 25) stays far from recovered.
 */
describe('disclosure control: a least-squares attack on a whole wave', () => {
  interface Person {
    unit: number;
    cat: number;
    ten: number;
    x: number;
    key: number;
  }
  const [UNITS, CATS, TENS] = [5, 2, 4];

  function population(rand: () => number, size: number): Person[] {
    const people: Person[] = [{ unit: 0, cat: 1, ten: 3, x: 75, key: 0 }];
    while (people.length < size) {
      const p = { unit: Math.floor(rand() * UNITS), cat: rand() < 0.2 ? 1 : 0, ten: Math.floor(rand() * TENS), x: 25 * Math.floor(rand() * 5), key: 0 };
      if (!(p.unit === 0 && p.cat === 1 && p.ten === 3)) people.push(p);
    }
    return people;
  }

  /** Gauss–Jordan with partial pivoting: small, dense, well-conditioned systems only. */
  function solve(a: number[][], b: number[]): number[] {
    const m = a.map((row, i) => [...row, b[i]]);
    const n = m.length;
    for (let c = 0; c < n; c++) {
      let p = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
      [m[c], m[p]] = [m[p], m[c]];
      for (let r = 0; r < n; r++) {
        if (r === c) continue;
        const f = m[r][c] / m[c][c];
        for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
      }
    }
    return m.map((row, i) => row[n] / row[i]);
  }

  /** One attack on one draw of record keys: the error of the target's estimate (sum) or group size (count). */
  function attack(people: Person[], rand: () => number, statistic: 'sum' | 'count'): number {
    for (const p of people) p.key = Math.floor(rand() * 2 ** 31);
    const groups = new Map<string, number>();
    const groupOf = (p: Person) => {
      const k = `${p.unit},${p.cat},${p.ten}`;
      if (!groups.has(k)) groups.set(k, groups.size);
      return groups.get(k)!;
    };
    people.forEach(groupOf);
    const cells = new Map<string, Person[]>();
    for (let u = -1; u < UNITS; u++)
      for (let c = -1; c < CATS; c++)
        for (let t = -1; t < TENS; t++) {
          const members = people.filter((p) => (u < 0 || p.unit === u) && (c < 0 || p.cat === c) && (t < 0 || p.ten === t));
          if (members.length >= MIN) cells.set(members.map((p) => people.indexOf(p)).join(), members);
        }
    const rows: number[][] = [];
    const ys: number[] = [];
    for (const members of cells.values()) {
      const totals = { n: members.length, sum: members.reduce((s, p) => s + p.x, 0), sumOfSquares: 0, keySum: String(members.reduce((s, p) => s + p.key, 0)) };
      const published = perturbCell(totals, 'M', SCALE, MIN);
      const row = new Array<number>(groups.size).fill(0);
      for (const p of members) row[groupOf(p)] = 1;
      rows.push(row);
      ys.push(statistic === 'sum' ? published.mean! * members.length : published.n!);
    }
    const k = groups.size;
    const ata = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0) + (i === j ? 1e-6 : 0)));
    const atb = Array.from({ length: k }, (_, i) => rows.reduce((s, r, ri) => s + r[i] * ys[ri], 0));
    const estimate = solve(ata, atb)[groupOf(people[0])];
    return statistic === 'sum' ? estimate - people[0].x : estimate - 1;
  }

  it.each([40, 120])('leaves a lone respondent’s score of a wave of %i unknown (error ≫ one step of 25)', (size) => {
    const rand = seeded(size);
    const errors = Array.from({ length: 120 }, (_, i) => attack(population(seeded(1000 + i), size), rand, 'sum'));
    const rmse = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    const withinHalfAStep = errors.filter((e) => Math.abs(e) < 12.5).length / errors.length;
    expect(rmse).toBeGreaterThan(50); // measured: 85–100
    expect(withinHalfAStep).toBeLessThan(0.25); // measured: 0.10–0.14, below a blind guess among five answers
  });

  it('leaves the size of a one-person group unknown', () => {
    const rand = seeded(3);
    const errors = Array.from({ length: 120 }, (_, i) => attack(population(seeded(2000 + i), 80), rand, 'count'));
    const exact = errors.filter((e) => Math.round(e) === 0).length / errors.length;
    expect(exact).toBeLessThan(0.35); // measured: about 0.2
  });
});
