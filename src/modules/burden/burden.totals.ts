import { EntityManager } from 'typeorm';
import { BurdenReportEntity } from './burden-report.entity';
import { ImprovementUse } from './burden.enums';

/** What a report adds to its rollup row: reports, staff hours, staff, used for improvement (yes, partly). */
type TotalsDelta = [number, number, number, number, number];

/** The rollup's change when a report goes from `before` to `after` (a withdrawn report counts nothing). */
export function totalsDelta(before: BurdenReportEntity | null, after: BurdenReportEntity | null): TotalsDelta {
  const counted = (r: BurdenReportEntity | null) => (r && !r.withdrawnAt ? r : null);
  const [was, now] = [counted(before), counted(after)];
  const one = (r: BurdenReportEntity | null) => (r ? 1 : 0);
  const used = (r: BurdenReportEntity | null, v: ImprovementUse) => (r?.usedForImprovement === v ? 1 : 0);
  return [
    one(now) - one(was),
    Number(now?.staffHours ?? 0) - Number(was?.staffHours ?? 0),
    (now?.staffCount ?? 0) - (was?.staffCount ?? 0),
    used(now, ImprovementUse.YES) - used(was, ImprovementUse.YES),
    used(now, ImprovementUse.PARTLY) - used(was, ImprovementUse.PARTLY),
  ];
}

/** Adds the changes to their rollup rows, summed per row first, in one statement (rows in key order). */
export async function applyTotals(
  em: EntityManager,
  changes: { key: Pick<BurdenReportEntity, 'indicatorId' | 'periodStart' | 'periodEnd'>; delta: TotalsDelta }[],
): Promise<void> {
  const rows = new Map<string, { key: (typeof changes)[number]['key']; delta: TotalsDelta }>();
  for (const { key, delta } of changes) {
    const k = `${key.indicatorId}|${key.periodStart}|${key.periodEnd}`;
    const row = rows.get(k);
    if (row) row.delta = row.delta.map((d, i) => d + delta[i]) as TotalsDelta;
    else rows.set(k, { key, delta: [...delta] });
  }
  const moved = [...rows.entries()].filter(([, r]) => r.delta.some((d) => d !== 0)).sort(([a], [b]) => a.localeCompare(b));
  if (!moved.length) return;
  const col = (i: number) => moved.map(([, r]) => r.delta[i]);
  await em.query(
    `INSERT INTO burden_period_total AS t (indicator_id, period_start, period_end, reports, staff_hours, staff_count, used_yes, used_partly)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[], $4::int[], $5::numeric[], $6::int[], $7::int[], $8::int[])
     ON CONFLICT (indicator_id, period_start, period_end) DO UPDATE SET
       reports = t.reports + EXCLUDED.reports, staff_hours = t.staff_hours + EXCLUDED.staff_hours, staff_count = t.staff_count + EXCLUDED.staff_count,
       used_yes = t.used_yes + EXCLUDED.used_yes, used_partly = t.used_partly + EXCLUDED.used_partly`,
    [
      moved.map(([, r]) => r.key.indicatorId),
      moved.map(([, r]) => r.key.periodStart),
      moved.map(([, r]) => r.key.periodEnd),
      col(0),
      col(1),
      col(2),
      col(3),
      col(4),
    ],
  );
}
