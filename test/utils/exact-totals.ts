import { Params } from '../../src/common/sql/params';
import { ALL } from '../../src/modules/access/sql-fragment';
import { GroupColumn, resultsSql, ScoringScope, TotalsRow, waveChangeSql } from '../../src/modules/analytics/discretion.sql';
import type { TestApp } from './test-app';

/**
 * The exact totals behind the published survey numbers, straight from the SQL the service runs
 * (never from the API, which publishes only perturbed ones): for checking the scoring rule by hand.
 */
export type ExactCell = TotalsRow;

type Scope = Pick<ScoringScope, 'pilotIds' | 'instrumentId'> & Partial<ScoringScope>;
const full = (scope: Scope): ScoringScope => ({ waveIds: null, dimensions: [], itemCodes: [], unitDepth: null, unitScope: ALL, root: null, ...scope });

export async function exactTotals(t: TestApp, scope: Scope, groups: GroupColumn[] = []): Promise<ExactCell[]> {
  const p = new Params();
  return t.ds.query(resultsSql(full(scope), groups, p), p.values);
}

export async function exactChange(t: TestApp, scope: Scope, groups: GroupColumn[], fromWave: string, toWave: string): Promise<ExactCell[]> {
  const p = new Params();
  return t.ds.query(waveChangeSql(full(scope), groups, fromWave, toWave, p), p.values);
}

/** Mean and sample SD from exact totals. */
export const meanOf = (c: ExactCell) => c.sum / c.n;
export const sdOf = (c: ExactCell) => Math.sqrt((c.sumsq - (c.sum * c.sum) / c.n) / (c.n - 1));
