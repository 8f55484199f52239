import type { DataSource } from 'typeorm';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../src/modules/survey/survey.enums';

/** What the analytics scenarios need from a generated benchmark database. */
export interface BenchContext {
  pilotId: string;
  waveIds: string[];
  instrumentId: string;
  from: string;
  to: string;
  /** The top organisation with the most units below it (a reporter's whole municipality or region). */
  organisationId: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of hand-written SQL
type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/** The survey pilot with the most responses, its waves, and the period the data covers. */
export const benchContext = (ds: DataSource) => benchContextFrom((sql, params) => ds.query(sql, params));

export async function benchContextFrom(query: Query): Promise<BenchContext> {
  const [pilot] = await query(
    `SELECT w.pilot_id, array_agg(w.id ORDER BY w.opens_on) AS wave_ids, sum(c.n) AS responses
       FROM survey_wave w CROSS JOIN LATERAL (SELECT count(*) AS n FROM survey_response r WHERE r.wave_id = w.id) c
      GROUP BY w.pilot_id ORDER BY responses DESC, w.pilot_id LIMIT 1`,
  );
  if (!pilot) throw new Error('the benchmark database has no survey waves: run npm run bench:data first');
  const [{ from, to }] = await query(`SELECT min(period_start)::text AS from, max(period_end)::text AS to FROM burden_report`);
  const [{ id: organisationId }] = await query(
    `WITH RECURSIVE down(root, id) AS (SELECT id, id FROM organisation WHERE parent_id IS NULL
       UNION ALL SELECT d.root, o.id FROM organisation o JOIN down d ON o.parent_id = d.id)
     SELECT root AS id FROM down GROUP BY root ORDER BY count(*) DESC, root LIMIT 1`,
  );
  return { pilotId: pilot.pilot_id, waveIds: pilot.wave_ids, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, from, to, organisationId };
}

export interface GraphqlScenario {
  name: string;
  query: string;
  variables: (c: BenchContext) => Record<string, unknown>;
}

/** The analytics queries of issue 4, each in the shape an analyst would ask it. */
export const ANALYTICS: GraphqlScenario[] = [
  {
    name: 'discretionResults wave × unit',
    query: `query($i: DiscretionResultsInput!) { discretionResults(input: $i) { measure waveId unitId n mean sd ciLow ciHigh suppressed } }`,
    variables: (c) => ({ i: { pilotIds: [c.pilotId], instrumentId: c.instrumentId, groupBy: ['WAVE', 'UNIT'] } }),
  },
  {
    name: 'waveChange first → last wave by unit',
    query: `query($i: WaveChangeInput!) { waveChange(input: $i) { measure unitId nFrom nTo change pairs pairedChange suppressed pairsSuppressed } }`,
    variables: (c) => ({
      i: { pilotIds: [c.pilotId], instrumentId: c.instrumentId, fromWaveId: c.waveIds[0], toWaveId: c.waveIds[c.waveIds.length - 1], groupBy: ['UNIT'] },
    }),
  },
  {
    name: 'burdenSeries quarter × governance form',
    query: `query($i: BurdenSeriesInput!) { burdenSeries(input: $i) { bucketStart governanceForm staffHours reports hoursPerStaff shareUsedForImprovement } }`,
    variables: (c) => ({ i: { from: c.from, to: c.to, bucket: 'QUARTER', groupBy: ['GOVERNANCE_FORM'] } }),
  },
  {
    name: 'indicatorLoad per organisation and month, one pilot',
    query: `query($i: IndicatorLoadInput!) { indicatorLoad(input: $i) { bucketStart organisationId indicators paymentDependent } }`,
    variables: (c) => ({ i: { from: c.from, to: c.to, bucket: 'MONTH', pilotId: c.pilotId } }),
  },
  {
    name: 'timeThiefSummary per quarter',
    query: `query($i: TimeThiefSummaryInput!) { timeThiefSummary(input: $i) { bucketStart reported removed kept hoursFreedPerWeek } }`,
    variables: (c) => ({ i: { from: c.from, to: c.to, bucket: 'QUARTER' } }),
  },
  {
    name: 'codeFrequencies per quarter',
    query: `query($i: CodeFrequenciesInput!) { codeFrequencies(input: $i) { bucketStart dimension code count } }`,
    variables: () => ({ i: { bucket: 'QUARTER' } }),
  },
  {
    name: 'codeCooccurrence methods × relations',
    query: `query($i: CodeCooccurrenceInput!) { codeCooccurrence(input: $i) { rowCode columnCode count } }`,
    variables: () => ({ i: { rows: 'METHOD', columns: 'RELATION' } }),
  },
  {
    name: 'pilotTimeline, one pilot',
    query: `query($p: ID!, $from: LocalDate!, $to: LocalDate!) { pilotTimeline(pilotId: $p, from: $from, to: $to) { date type title entityId } }`,
    variables: (c) => ({ p: c.pilotId, from: c.from, to: c.to }),
  },
  {
    name: 'pilotSignals per quarter',
    query: `query($i: PilotSignalsInput!) { pilotSignals(input: $i) { bucketStart observations codeCounts { code count } burdenHours indicatorsInForce timeThievesRemoved discretion { dimension n mean suppressed } } }`,
    variables: (c) => ({
      i: {
        pilotId: c.pilotId,
        from: c.from,
        to: c.to,
        bucket: 'QUARTER',
        instrumentId: c.instrumentId,
        codes: [
          { dimension: 'METHOD', code: 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED' },
          { dimension: 'EFFECT_ON_TRUST', code: 'STRENGTHENS' },
        ],
      },
    }),
  },
  {
    name: 'reportingObligations, missing ones of the largest organisation',
    query: `query($o: ID!, $from: LocalDate!, $to: LocalDate!) { reportingObligations(organisationId: $o, from: $from, to: $to, status: [MISSING, PARTIAL]) { organisationId indicatorId periodStart status coveredDays } }`,
    variables: (c) => ({ o: c.organisationId, from: c.from, to: c.to }),
  },
  {
    name: 'reportingCompleteness by pilot and quarter, all of Sweden',
    query: `query($i: ReportingCompletenessInput!) { reportingCompleteness(input: $i) { pilotId bucketStart expected received onTime reportingRate } }`,
    variables: (c) => ({ i: { from: c.from, to: c.to, groupBy: ['PILOT', 'PERIOD'], bucket: 'QUARTER' } }),
  },
];

/** Scenario 1: one observation by id with its codes. */
export const THIN_READ = `query($id: ID!) { observation(id: $id) { id title text occurredOn
  codes { forms phase relations methods { method polarity } trustworthiness orientation effectOnTrust } } }`;

/** Scenario 3: the analytics queries measured under load, each with its hand-written SQL reference. */
export const ANALYTICS_LOAD: (GraphqlScenario & { reference: 'discretion' | 'burden' | 'cooccurrence'; referenceParams: (c: BenchContext) => unknown[] })[] = [
  { ...ANALYTICS[0], reference: 'discretion', referenceParams: (c) => [c.pilotId, c.instrumentId] },
  { ...ANALYTICS[2], reference: 'burden', referenceParams: (c) => [c.from, c.to] },
  { ...ANALYTICS[6], reference: 'cooccurrence', referenceParams: () => [] },
];

/** Scenario 2: a pilot with its participants' organisations, and its latest observations with authors and codes. */
export const NESTED_READ = `query($p: ID!, $first: Int!) {
  pilot(id: $p) { code title participants { level role organisation { name kind county } } }
  observations(first: $first, filter: { pilotId: [$p] }) { totalCount edges { node { id title occurredOn
    author { displayName } codes { forms methods { method polarity } relations effectOnTrust } } } } }`;

/** The nested read as a scenario, so that bench:explain shows its plans beside the analytics. */
export const NESTED: GraphqlScenario = {
  name: 'nested read (50 observations)',
  query: NESTED_READ,
  variables: (c) => ({ p: c.pilotId, first: 50 }),
};

/** The same question for PostGraphile (its generated schema: connections via foreign keys). */
export const NESTED_READ_POSTGRAPHILE = `query($p: UUID!, $first: Int!) {
  pilotByRowId(rowId: $p) { code title
    pilotParticipantsByPilotId { nodes { level role organisationByOrganisationId { name kind county } } }
    observationsByPilotId(first: $first, condition: { deletedAt: null }, orderBy: [OCCURRED_ON_DESC, ROW_ID_DESC]) {
      totalCount nodes { rowId title occurredOn appUserByAuthorId { displayName } forms methods relations effectOnTrust } } } }`;
