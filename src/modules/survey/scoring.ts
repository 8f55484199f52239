import { SCORED_DIMENSIONS } from './survey.enums';

/**
 * The scoring rule of docs/analysis.md, applied once to each response when it is stored (its
 * `scores`); the analytics aggregate those scores in SQL. Unit-tested on hand-computed examples.
 */
export interface ItemScale {
  scale: 'LIKERT_5' | 'NUMBER';
  min: number | null;
  max: number | null;
  reverseScored: boolean;
}

/** Whether an answer fits its item: a whole number 1–5 for Likert items, a number from min to max otherwise. */
export function answerFits(value: number, item: Pick<ItemScale, 'scale' | 'min' | 'max'>): boolean {
  return item.scale === 'LIKERT_5' ? Number.isInteger(value) && value >= 1 && value <= 5 : Number.isFinite(value) && value >= item.min! && value <= item.max!;
}

/** One answer on 0–100: Likert 1 → 0 … 5 → 100, a number min → 0 … max → 100; reverse-scored items flipped. */
export function rescale(value: number, item: ItemScale): number {
  const x = item.scale === 'LIKERT_5' ? ((value - 1) / 4) * 100 : ((value - item.min!) / (item.max! - item.min!)) * 100;
  return item.reverseScored ? 100 - x : x;
}

/**
 * A response's score on a dimension: the mean of its rescaled answers to the dimension's
 * items, or null when fewer than half of those items were answered.
 */
export function dimensionScore(answers: (number | null)[], items: ItemScale[]): number | null {
  const answered = items.flatMap((item, i) => (answers[i] === null || answers[i] === undefined ? [] : [rescale(answers[i]!, item)]));
  if (answered.length * 2 < items.length) return null;
  return answered.reduce((a, b) => a + b, 0) / answered.length;
}

export interface ScoredItem extends ItemScale {
  position: number;
  dimension: string;
}

/** Scores responses to one instrument: every dimension, in SCORED_DIMENSIONS order (null: none or too few answers). */
export function responseScorer(items: ScoredItem[]): (answers: (number | null)[]) => (number | null)[] {
  const groups = SCORED_DIMENSIONS.map((d) => items.filter((i) => i.dimension === d));
  return (answers) =>
    groups.map((own) =>
      own.length
        ? dimensionScore(
            own.map((i) => answers[i.position - 1] ?? null),
            own,
          )
        : null,
    );
}

/** A response's score on every dimension, in SCORED_DIMENSIONS order (null: none or too few answers). */
export const responseScores = (answers: (number | null)[], items: ScoredItem[]): (number | null)[] => responseScorer(items)(answers);
