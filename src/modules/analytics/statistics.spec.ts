import { dimensionScore, rescale, responseScores } from '../survey/scoring';
import { SCORED_DIMENSIONS } from '../survey/survey.enums';
import { confidenceInterval, t975, welchInterval } from './statistics';

const likert = { scale: 'LIKERT_5' as const, min: null, max: null, reverseScored: false };
const reversed = { ...likert, reverseScored: true };
const percent = { scale: 'NUMBER' as const, min: 0, max: 100, reverseScored: false };

describe('scoring', () => {
  it('rescales answers to 0–100 and flips reverse-scored items', () => {
    expect([1, 2, 3, 4, 5].map((v) => rescale(v, likert))).toEqual([0, 25, 50, 75, 100]);
    expect(rescale(2, reversed)).toBe(75);
    expect(rescale(40, percent)).toBe(40);
    expect(rescale(15, { scale: 'NUMBER', min: 10, max: 20, reverseScored: false })).toBe(50);
  });

  it('averages the answered items of a dimension (hand-computed)', () => {
    // D1 = 4 → 75; D2 = 2, reverse-scored → 75; S1 missing: mean of 75 and 75.
    expect(dimensionScore([4, 2, null], [likert, reversed, likert])).toBe(75);
    // 5 → 100 and 40 % → 40: mean 70.
    expect(dimensionScore([5, 40], [likert, percent])).toBe(70);
  });

  it('scores only when at least half of the items were answered', () => {
    expect(dimensionScore([3, null], [likert, likert])).toBe(50); // 1 of 2: exactly half
    expect(dimensionScore([3, null, null], [likert, likert, likert])).toBeNull(); // 1 of 3
    expect(dimensionScore([3, 4, null], [likert, likert, likert])).toBe(62.5); // 2 of 3
    expect(dimensionScore([null], [likert])).toBeNull();
  });

  it('scores a whole response by item position, one score per dimension in the stored order', () => {
    const items = [
      { ...likert, position: 1, dimension: 'DECISION_AUTHORITY' },
      { ...reversed, position: 2, dimension: 'DECISION_AUTHORITY' },
      { ...percent, position: 3, dimension: 'TIME_FOR_CORE_WORK' },
      { ...likert, position: 4, dimension: 'SKILL_DISCRETION' },
      { ...likert, position: 5, dimension: 'SKILL_DISCRETION' },
      { ...likert, position: 6, dimension: 'SKILL_DISCRETION' },
    ];
    const scores = responseScores([4, 2, 40, 3, null, null], items);
    const by = Object.fromEntries(SCORED_DIMENSIONS.map((d, i) => [d, scores[i]]));
    expect(scores).toHaveLength(SCORED_DIMENSIONS.length);
    expect(by).toMatchObject({ DECISION_AUTHORITY: 75, TIME_FOR_CORE_WORK: 40, SKILL_DISCRETION: null, PRINCIPAL_ABILITY: null });
  });
});

describe('confidence intervals', () => {
  it('uses Student’s t', () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(9)).toBeCloseTo(2.262, 3);
    expect(t975(60)).toBeCloseTo(2.0, 2);
    expect(t975(1000)).toBeCloseTo(1.962, 3);
    // n = 10, mean 50, sd 10: 50 ± 2.262 · 10 / √10 = 50 ± 7.153
    const [lo, hi] = confidenceInterval(10, 50, 10)!;
    expect(lo).toBeCloseTo(42.847, 3);
    expect(hi).toBeCloseTo(57.153, 3);
    expect(confidenceInterval(1, 50, null)).toBeNull();
  });
});

describe('Welch interval', () => {
  it('uses the Welch–Satterthwaite degrees of freedom (hand-computed)', () => {
    // n 6 and 6, SD 22.3607 each: se = √(500/6 + 500/6) = 12.910, df = 10, t = 2.228 → 25 ± 28.76
    const [lo, hi] = welchInterval(6, Math.sqrt(500), 6, Math.sqrt(500), 25)!;
    expect(lo).toBeCloseTo(25 - 2.228 * 12.9099, 2);
    expect(hi).toBeCloseTo(25 + 2.228 * 12.9099, 2);
    expect(welchInterval(1, null, 6, 10, 5)).toBeNull();
    expect(welchInterval(5, 0, 5, 0, 5)).toEqual([5, 5]);
  });
});
