import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { badInputs, FieldProblem } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { ReportIndicatorBurdenInput } from './dto/report-indicator-burden.input';

/** What the rules need to know about the indicator, its instrument, the unit and the period. */
export interface Facts {
  /** The report's place (1-based) among those checked together. */
  n: number;
  /** The organisations above the unit (its ancestors), nearest first. */
  ancestors: string[];
  today: string;
  days: number;
  indicator: string;
  introduced_on: string;
  retired_on: string | null;
  instrument: string;
  valid_from: string;
  valid_to: string | null;
  applies: boolean;
  targets: string[];
  organisation: string;
  fte: number | null;
  headcount: number | null;
}

interface Overlap {
  n: number;
  organisation: string;
  period_start: string;
  period_end: string;
  below: boolean;
}

/** Reports of one indicator are checked and stored one at a time: the check and the batches take this lock. */
export const lockIndicator = (em: EntityManager, indicatorId: string) =>
  em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`burden_report:${indicatorId}`]);

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Plausibility rules at the door of burden reporting (issue 11 §3). A report is refused, naming
 * the field, the limit and why, when its period lies outside the indicator's or the instrument's
 * time in force or ends in the future; when the indicator's instrument does not apply to the unit
 * (nor to an organisation above it); when it claims more staff hours than its staff, or the
 * unit's full-time equivalents, could work in the period (WORKING_HOURS_PER_WEEK), or more staff
 * than the unit has; and when an organisation above or below it already reports the indicator for
 * an overlapping period (the hours would be counted twice).
 */
@Injectable()
export class BurdenPlausibility {
  private readonly hoursPerWeek: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.hoursPerWeek = config.reporting.workingHoursPerWeek;
  }

  /** Call in the report's transaction: it takes the indicator's lock, so two levels cannot both pass at once. */
  async check(em: EntityManager, input: ReportIndicatorBurdenInput): Promise<void> {
    await lockIndicator(em, input.indicatorId);
    const [problems] = (await this.problemsOfAll(em, [input])).problems;
    if (problems.length) throw badInputs(problems);
  }

  /**
   * The same rules for several reports at once (a batch, whose indicators the caller has locked):
   * two statements whatever their number. Per report: its problems (none: []), and its facts
   * (undefined when its indicator does not exist). Conflicts between the reports themselves are
   * the caller's to find.
   */
  async problemsOfAll(em: EntityManager, inputs: ReportIndicatorBurdenInput[]): Promise<{ problems: FieldProblem[][]; facts: (Facts | undefined)[] }> {
    const byPlace = new Map((await this.facts(em, inputs)).map((f) => [Number(f.n), f]));
    const facts = inputs.map((_, i) => byPlace.get(i + 1));
    const problems = inputs.map((input, i) => {
      const f = facts[i];
      return f ? [...this.timeProblems(input, f), ...this.scopeProblems(f), ...this.sizeProblems(input, f)] : [];
    });
    const clean = inputs.filter((_, i) => facts[i] && !problems[i].length);
    if (clean.length) {
      const places = inputs.map((_, i) => i).filter((i) => facts[i] && !problems[i].length);
      for (const hit of await this.doubleCounting(em, clean)) problems[places[Number(hit.n) - 1]].push(doubleCountingProblem(hit));
    }
    return { problems, facts };
  }

  private timeProblems(input: ReportIndicatorBurdenInput, f: Facts): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (input.periodEnd > f.today) {
      problems.push({ field: 'input.periodEnd', message: `the period ends on ${input.periodEnd}, after today (${f.today}): report it once it has ended` });
    }
    if (input.periodEnd < f.introduced_on) {
      problems.push({
        field: 'input.periodStart',
        message: `the indicator "${f.indicator}" was introduced on ${f.introduced_on}: nothing is reported for a period before it`,
      });
    }
    if (f.retired_on && input.periodStart > f.retired_on) {
      problems.push({
        field: 'input.periodStart',
        message: `the indicator "${f.indicator}" was retired on ${f.retired_on}: nothing is reported for a period after it`,
      });
    }
    // The instrument's dates only when the indicator's hold: one reason per field.
    const indicatorDatesHold = problems.every((p) => p.field !== 'input.periodStart');
    if (indicatorDatesHold && (input.periodEnd < f.valid_from || (f.valid_to && input.periodStart > f.valid_to))) {
      const until = f.valid_to ? `to ${f.valid_to}` : 'on';
      problems.push({
        field: 'input.periodStart',
        message: `the indicator's instrument "${f.instrument}" is in force from ${f.valid_from} ${until}, not in this period`,
      });
    }
    return problems;
  }

  private scopeProblems(f: Facts): FieldProblem[] {
    if (f.applies) return [];
    const names =
      f.targets
        .slice(0, 3)
        .map((n) => `"${n}"`)
        .join(', ') + (f.targets.length > 3 ? ` and ${f.targets.length - 3} more` : '');
    return [
      { field: 'input.indicatorId', message: `the indicator's instrument "${f.instrument}" applies to ${names} and their units, not to "${f.organisation}"` },
    ];
  }

  private sizeProblems(input: ReportIndicatorBurdenInput, f: Facts): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const weeks = f.days / 7;
    const norm = `${this.hoursPerWeek} hours a week (WORKING_HOURS_PER_WEEK)`;
    const byStaff = round1(input.staffCount * this.hoursPerWeek * weeks);
    if (input.staffHours > byStaff) {
      problems.push({
        field: 'input.staffHours',
        message: `${input.staffHours} hours is more than ${input.staffCount} staff can work in ${f.days} days at ${norm}: at most ${byStaff}`,
      });
    } else if (f.fte !== null && input.staffHours > round1(f.fte * this.hoursPerWeek * weeks)) {
      problems.push({
        field: 'input.staffHours',
        message: `${input.staffHours} hours is more than "${f.organisation}" works in ${f.days} days with its ${f.fte} full-time equivalents at ${norm}: at most ${round1(f.fte * this.hoursPerWeek * weeks)}`,
      });
    }
    if (f.headcount !== null && input.staffCount > f.headcount) {
      problems.push({
        field: 'input.staffCount',
        message: `${input.staffCount} staff is more than the ${f.headcount} people "${f.organisation}" has in this period (its staff size)`,
      });
    }
    return problems;
  }

  private facts(em: EntityManager, inputs: ReportIndicatorBurdenInput[]): Promise<Facts[]> {
    return em.query(
      `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) WITH ORDINALITY AS x(indicator_id, organisation_id, period_start, period_end, n)),
       -- Each organisation's chain upwards (itself first), once per organisation, not per report.
       up AS (
         SELECT g.id, c.ids FROM (SELECT DISTINCT organisation_id AS id FROM x) g CROSS JOIN LATERAL (
           WITH RECURSIVE up(id, parent_id, depth) AS (
             SELECT id, parent_id, 0 FROM organisation WHERE id = g.id
             UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organisation o JOIN up ON o.id = up.parent_id
           ) SELECT array_agg(id ORDER BY depth) AS ids FROM up) c)
       SELECT x.n, up.ids[2:] AS ancestors, to_char(current_date, 'YYYY-MM-DD') AS today, (x.period_end - x.period_start + 1) AS days,
              i.name AS indicator, to_char(i.introduced_on, 'YYYY-MM-DD') AS introduced_on, to_char(i.retired_on, 'YYYY-MM-DD') AS retired_on,
              si.name AS instrument, to_char(si.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(si.valid_to, 'YYYY-MM-DD') AS valid_to,
              a.applies,
              -- Named only for the error message, so only when it does not apply; the fence keeps
              -- PostgreSQL from walking every organisation in name order to find the first four.
              CASE WHEN a.applies THEN ARRAY[]::varchar[] ELSE ARRAY(
                SELECT t.name FROM (SELECT o.name FROM steering_instrument_target t JOIN organisation o ON o.id = t.organisation_id
                                    WHERE t.instrument_id = si.id OFFSET 0) t ORDER BY t.name LIMIT 4) END AS targets,
              (SELECT name FROM organisation WHERE id = x.organisation_id) AS organisation,
              size.fte, size.headcount
         FROM x JOIN up ON up.id = x.organisation_id
         JOIN indicator i ON i.id = x.indicator_id JOIN steering_instrument si ON si.id = i.instrument_id
         CROSS JOIN LATERAL (
           SELECT EXISTS (SELECT 1 FROM steering_instrument_target t WHERE t.instrument_id = si.id AND t.organisation_id = ANY (up.ids)) AS applies) a
         CROSS JOIN LATERAL (
           SELECT max(fte)::float8 AS fte, max(headcount) AS headcount FROM staff_size
            WHERE organisation_id = x.organisation_id AND daterange(valid_from, valid_to, '[]') && daterange(x.period_start, x.period_end, '[]')) size`,
      columns(inputs),
    );
  }

  /** Per report (by place), a non-withdrawn report of its indicator for an overlapping period by an organisation above or below its own. */
  private doubleCounting(em: EntityManager, inputs: ReportIndicatorBurdenInput[]): Promise<Overlap[]> {
    return em.query(
      `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) WITH ORDINALITY AS x(indicator_id, organisation_id, period_start, period_end, n)),
       -- The organisations above and below each one, once per organisation, not per report.
       related AS (
         SELECT g.id AS org, r.id, r.below FROM (SELECT DISTINCT organisation_id AS id FROM x) g CROSS JOIN LATERAL (
           WITH RECURSIVE up(id) AS (
             SELECT parent_id FROM organisation WHERE id = g.id AND parent_id IS NOT NULL
             UNION ALL SELECT o.parent_id FROM organisation o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
           ), down(id) AS (
             SELECT id FROM organisation WHERE parent_id = g.id
             UNION ALL SELECT o.id FROM organisation o JOIN down ON o.parent_id = down.id
           ) SELECT id, false AS below FROM up UNION ALL SELECT id, true FROM down) r)
       SELECT DISTINCT ON (x.n) x.n, o.name AS organisation, to_char(b.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(b.period_end, 'YYYY-MM-DD') AS period_end, related.below
         FROM x JOIN related ON related.org = x.organisation_id
         -- Per report and related organisation, through the overlap constraint's index: joining on
         -- the indicator alone had PostgreSQL scan every burden report (1 s per 500 reports on M).
         CROSS JOIN LATERAL (
           SELECT b.period_start, b.period_end, b.organisation_id FROM burden_report b
            WHERE b.indicator_id = x.indicator_id AND b.organisation_id = related.id AND b.withdrawn_at IS NULL
              AND daterange(b.period_start, b.period_end, '[]') && daterange(x.period_start, x.period_end, '[]')
            ORDER BY b.period_start LIMIT 1) b
         JOIN organisation o ON o.id = b.organisation_id
        ORDER BY x.n, b.period_start`,
      columns(inputs),
    );
  }
}

/** The reports' keys as one array parameter per column, for `unnest … WITH ORDINALITY`. */
const columns = (inputs: ReportIndicatorBurdenInput[]) => [
  inputs.map((r) => r.indicatorId),
  inputs.map((r) => r.organisationId),
  inputs.map((r) => r.periodStart),
  inputs.map((r) => r.periodEnd),
];

/** An organisation above or below already reports the indicator for an overlapping period: the hours would count twice. */
export function doubleCountingProblem(hit: Omit<Overlap, 'n'>): FieldProblem {
  const where = hit.below ? 'below it' : 'above it';
  const fix = hit.below ? 'report for the units, or withdraw their reports first' : `leave it to "${hit.organisation}", or withdraw that report first`;
  return {
    field: 'input.organisationId',
    message: `"${hit.organisation}" (${where}) already reports this indicator for ${hit.period_start} – ${hit.period_end}: a report here would count those hours twice; ${fix}`,
  };
}
