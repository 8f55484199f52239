import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { SurveyScores1795520000000 } from '../../migrations/1795520000000-SurveyScores';
import { Role } from '../../src/common/auth/role.enum';
import { createDataSource } from '../../src/database/data-source';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const OPEN = 'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id label units { name } instrument { version } } }';
const CLOSE = 'mutation($input: CloseSurveyWaveInput!) { closeSurveyWave(input: $input) { id closedAt } }';
const SUBMIT = 'mutation($input: SubmitSurveyResponsesInput!) { submitSurveyResponses(input: $input) { received stored duplicates } }';
const COUNT = 'query($p: ID) { surveyWaves(filter: { pilotId: $p }) { edges { node { id label responseCount } } } }';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** 16 answers for the default instrument: Likert 1–5, and percentages for T1 (5th) and A1 (6th). */
const answers = (seed = 0): (number | null)[] => Array.from({ length: 16 }, (_, i) => (i === 4 || i === 5 ? (seed * 7 + i * 5) % 101 : ((seed + i) % 5) + 1));

describe('discretion surveys', () => {
  let t: TestApp;
  let admin: string;
  let researcher: string;
  let reporter: string;
  let pilotId: string;
  let unit: { id: string };
  let otherUnit: { id: string };
  let waveId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const r = await userWithToken(t, { role: Role.RESEARCHER });
    researcher = r.token;
    const kommun = await makeOrganisation(t.ds, { name: 'Östersunds kommun' });
    unit = await makeOrganisation(t.ds, { name: 'Hemtjänst Lugnvik', parentId: kommun.id });
    otherUnit = await makeOrganisation(t.ds, { name: 'Hemtjänst Odenslund', parentId: kommun.id });
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: unit.id })).token;
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'SURV-1', startsOn: day(-400), endsOn: null },
        [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: r.user.id, fromDate: day(-400) }],
      )
    ).id;
    const wave = await t.gql(
      OPEN,
      {
        input: {
          pilotId,
          instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
          label: 'Baseline',
          opensOn: day(-1),
          closesOn: day(30),
          unitIds: [unit.id, otherUnit.id],
        },
      },
      researcher,
    );
    expect(wave.errors).toBeUndefined();
    waveId = wave.data!.openSurveyWave.id;
  });
  afterAll(() => t.close());

  const submit = (responses: Record<string, unknown>[], token = reporter, wave = waveId) => t.gql(SUBMIT, { input: { waveId: wave, responses } }, token);
  const one = (over: Record<string, unknown> = {}) => ({ unitId: unit.id, category: 'FRONT_LINE_STAFF', answers: answers(), ...over });
  const stored = async (wave = waveId) => {
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM survey_response WHERE wave_id = $1', [wave]);
    return n as number;
  };

  it('ships a default instrument of 16 items across every dimension, and versions new ones', async () => {
    const res = await t.gql('{ surveyInstruments { id name version items { position code dimension scale reverseScored labelsSv min max } } }', {}, reporter);
    const dflt = res.data!.surveyInstruments.find((i: any) => i.id === DEFAULT_SURVEY_INSTRUMENT_ID);
    expect(dflt.items).toHaveLength(16);
    expect(new Set(dflt.items.map((i: any) => i.dimension)).size).toBe(12);
    expect(dflt.items.find((i: any) => i.code === 'D2').reverseScored).toBe(true);
    expect(dflt.items.find((i: any) => i.code === 'T1')).toMatchObject({ scale: 'NUMBER', min: 0, max: 100 });

    const mk = (name: string) =>
      t.gql(
        'mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { name version items { code } } }',
        {
          input: {
            name,
            items: [
              {
                code: 'Q1',
                textSv: 'Fråga',
                textEn: 'Question',
                dimension: 'DECISION_AUTHORITY',
                scale: 'LIKERT_5',
                labelsSv: ['1', '2', '3', '4', '5'],
                labelsEn: ['1', '2', '3', '4', '5'],
              },
            ],
          },
        },
        researcher,
      );
    expect((await mk('Pilotenkät')).data!.createSurveyInstrument.version).toBe(1);
    expect((await mk('Pilotenkät')).data!.createSurveyInstrument.version).toBe(2);
    const noLabels = onlyError(
      await t.gql(
        'mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }',
        {
          input: { name: 'X', items: [{ code: 'Q1', textSv: 'F', textEn: 'Q', dimension: 'DECISION_AUTHORITY', scale: 'LIKERT_5' }] },
        },
        researcher,
      ),
    );
    expect(noLabels.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.items.0.labelsSv' }] });
  });

  it('stores a response, and a retried one with the same clientId only once', async () => {
    const clientId = randomUUID();
    const first = await submit([one({ clientId, tenureBand: 'YEARS_3_TO_10' })]);
    expect(first.data!.submitSurveyResponses).toEqual({ received: 1, stored: 1, duplicates: 0 });
    const retry = await submit([one({ clientId, tenureBand: 'YEARS_3_TO_10' })]);
    expect(retry.data!.submitSurveyResponses).toEqual({ received: 1, stored: 0, duplicates: 1 });
    const missing = await submit([one({ answers: [null, ...answers().slice(1)] })]);
    expect(missing.data!.submitSurveyResponses.stored).toBe(1);
    const counts = (await t.gql(COUNT, { p: pilotId }, reporter)).data!.surveyWaves.edges;
    expect(counts[0].node).toMatchObject({ label: 'Baseline', responseCount: 2 });
  });

  it('stores nothing from a 10,000-row batch with one bad row, and names the row', async () => {
    const before = await stored();
    const rows = Array.from({ length: 10_000 }, (_, i) => one({ answers: answers(i) }));
    rows[7776] = one({ answers: [9, ...answers().slice(1)] });
    const bad = onlyError(await submit(rows));
    expect(bad.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions!.fields).toEqual([
      { field: 'input.responses.7776.answers.0', message: 'line 7777: item D1 must be a whole number from 1 to 5 or null' },
    ]);
    expect(bad.message).toMatch(/^1 of 10000 responses are invalid; nothing was stored/);
    expect(await stored()).toBe(before);

    rows[7776] = one({ answers: answers(1) });
    const good = await submit(rows);
    expect(good.data!.submitSurveyResponses).toEqual({ received: 10_000, stored: 10_000, duplicates: 0 });
    expect(await stored()).toBe(before + 10_000);
  }, 120_000);

  it('inserts a large batch in chunks: a later chunk failing stores nothing, and retried rows are skipped in every chunk', async () => {
    const before = await stored();
    const clientIds = Array.from({ length: 10_000 }, () => randomUUID());
    const rows = clientIds.map((clientId, i) => one({ clientId, answers: answers(i) }));
    // A failure PostgreSQL raises in the fourth chunk, after three were inserted.
    const marker = clientIds[7000];
    await t.asSuperuser(`CREATE FUNCTION test_fail_on_marker() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.client_id = '${marker}' THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$`);
    await t.asSuperuser(`CREATE TRIGGER test_fail_on_marker BEFORE INSERT ON survey_response FOR EACH ROW EXECUTE FUNCTION test_fail_on_marker()`);
    try {
      const failed = await submit(rows);
      expect(failed.errors).toBeDefined();
      expect(JSON.stringify(failed.errors)).not.toMatch(/test failure|survey_response/);
      expect(await stored()).toBe(before);
    } finally {
      await t.asSuperuser('DROP TRIGGER test_fail_on_marker ON survey_response');
      await t.asSuperuser('DROP FUNCTION test_fail_on_marker()');
    }
    expect((await submit(rows)).data!.submitSurveyResponses).toEqual({ received: 10_000, stored: 10_000, duplicates: 0 });
    const half = [...rows.filter((_, i) => i % 2 === 0), ...Array.from({ length: 5_000 }, (_, i) => one({ clientId: randomUUID(), answers: answers(i) }))];
    expect((await submit(half)).data!.submitSurveyResponses).toEqual({ received: 10_000, stored: 5_000, duplicates: 5_000 });
    expect(await stored()).toBe(before + 15_000);
  }, 120_000);

  it('lists every bad row: wrong length, out of range, a unit the wave does not target or that is not yours', async () => {
    const stranger = await makeOrganisation(t.ds, { name: 'Annan enhet' });
    const bad = onlyError(
      await submit([
        one(),
        one({ answers: [1, 2, 3] }),
        one({ answers: answers().map((a, i) => (i === 4 ? 101 : a)) }),
        one({ unitId: stranger.id }),
        one({ unitId: otherUnit.id }),
      ]),
    );
    expect(bad.extensions!.fields!.map((f) => f.message)).toEqual([
      'line 2: 3 answers for 16 items',
      'line 3: item T1 must be a number from 0 to 100 or null',
      'line 4: the wave does not target this unit (or it is not yours)',
      'line 5: the wave does not target this unit (or it is not yours)',
    ]);
  });

  it('keeps panel keys out of the database: only a keyed hash, the same across waves', async () => {
    const key = 'anna.andersson-1975-hemlig';
    await submit([one({ panelKey: key })]);
    const second = (
      await t.gql(
        OPEN,
        { input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Follow-up 1', opensOn: day(-1), closesOn: day(10), unitIds: [unit.id] } },
        admin,
      )
    ).data!.openSurveyWave.id;
    await submit([one({ panelKey: key })], reporter, second);
    const [{ hits }] = await t.ds.query(`SELECT count(*)::int AS hits FROM survey_response r WHERE r::text LIKE $1`, [`%${key}%`]);
    expect(hits).toBe(0);
    const [{ audit }] = await t.ds.query(`SELECT count(*)::int AS audit FROM audit_log a WHERE a::text LIKE $1`, [`%${key}%`]);
    expect(audit).toBe(0);
    const hashes = await t.ds.query('SELECT DISTINCT panel_hash FROM survey_response WHERE panel_hash IS NOT NULL');
    expect(hashes).toHaveLength(1);
    expect(hashes[0].panel_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses responses to a closed wave', async () => {
    const wave = (
      await t.gql(
        OPEN,
        { input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Short', opensOn: day(-1), closesOn: day(5), unitIds: [unit.id] } },
        admin,
      )
    ).data!.openSurveyWave.id;
    expect((await submit([one()], reporter, wave)).errors).toBeUndefined();
    expect((await t.gql(CLOSE, { input: { id: wave, reason: 'Enkäten stängs i förtid' } }, researcher)).data!.closeSurveyWave.closedAt).toBeTruthy();
    const closed = onlyError(await submit([one()], reporter, wave));
    expect(closed.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.waveId' }] });
    expect(closed.message).toMatch(/was closed on/);

    const later = (
      await t.gql(
        OPEN,
        { input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Later', opensOn: day(10), closesOn: day(20), unitIds: [unit.id] } },
        admin,
      )
    ).data!.openSurveyWave.id;
    expect(onlyError(await submit([one()], reporter, later)).message).toMatch(/takes responses from/);
  });

  it('lets only the reporters of targeted units (and admins) submit', async () => {
    const elsewhere = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: (await makeOrganisation(t.ds)).id })).token;
    expect(onlyError(await submit([one()], elsewhere)).extensions!.code).toBe('NOT_FOUND');
    expect(onlyError(await submit([one()], researcher)).extensions!.code).toBe('FORBIDDEN');
    expect((await submit([one({ unitId: otherUnit.id })], admin)).errors).toBeUndefined();
  });

  describe('CSV upload', () => {
    const upload = async (csv: string, token?: string, wave = waveId) => {
      const res = await fetch(`${t.url}/surveys/waves/${wave}/responses.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: csv,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const header = async () =>
      (await (await fetch(`${t.url}/surveys/waves/${waveId}/template.csv`, { headers: { authorization: `Bearer ${reporter}` } })).text()).trim();
    const line = (a: (number | null)[], clientId = '') => `${clientId},${unit.id},FIRST_LINE_MANAGER,YEARS_1_TO_3,,${a.map((v) => v ?? '').join(',')}`;

    it('serves the header for a wave and stores an upload in that layout, once', async () => {
      const head = await header();
      expect(head).toBe('client_id,unit_id,category,tenure_band,panel_key,D1,D2,S1,S2,T1,A1,A2,F1,F2,R1,R2,R3,R4,P1,P2,P3');
      const csv = [head, line(answers(1), randomUUID()), line([null, ...answers(2).slice(1)], randomUUID())].join('\n');
      const first = await upload(csv, reporter);
      expect(first).toEqual({ status: 200, body: { received: 2, stored: 2, duplicates: 0, batchId: expect.any(String), alreadySubmitted: false } });
      expect((await upload(csv, reporter)).body).toEqual({ received: 2, stored: 0, duplicates: 2, batchId: first.body.batchId, alreadySubmitted: true });
    });

    it('stores a file without client ids once, however often it is sent, and says so', async () => {
      const before = await stored();
      const csv = [await header(), line(answers(3)), line(answers(4))].join('\n');
      const first = await upload(csv, reporter);
      expect(first.body).toMatchObject({ stored: 2, alreadySubmitted: false });
      expect((await upload(csv, reporter)).body).toEqual({ received: 2, stored: 0, duplicates: 2, batchId: first.body.batchId, alreadySubmitted: true });
      expect(await stored()).toBe(before + 2);
      // A changed file is a new upload; an Idempotency-Key names an upload whatever its bytes.
      const keyed = async (body: string) =>
        (
          await fetch(`${t.url}/surveys/waves/${waveId}/responses.csv`, {
            method: 'POST',
            headers: { 'content-type': 'text/csv', authorization: `Bearer ${reporter}`, 'idempotency-key': 'upload-2026-12-02' },
            body,
          })
        ).json() as Promise<any>;
      expect(await keyed([await header(), line(answers(5))].join('\n'))).toMatchObject({ stored: 1, alreadySubmitted: false });
      expect(await keyed([await header(), line(answers(5)), ''].join('\n'))).toMatchObject({ stored: 0, alreadySubmitted: true });
      expect(await stored()).toBe(before + 3);
    });

    it('takes the unit by name and the category and tenure band by their Swedish labels', async () => {
      const before = await stored();
      const named = (a: (number | null)[]) => `,hemtjänst lugnvik,Första linjens chef,1–3 år,,${a.join(',')}`;
      const res = await upload([await header(), named(answers(2)), named(answers(3))].join('\n'), reporter);
      expect(res).toMatchObject({ status: 200, body: { stored: 2 } });
      expect(await stored()).toBe(before + 2);
      const unknown = await upload([await header(), `,Enhet som inte finns,Chef,,,${answers(2).join(',')}`].join('\n'), reporter);
      expect(unknown.body.errors[0].extensions.fields.map((f: { message: string }) => f.message)).toEqual([
        'line 2: unit_id "Enhet som inte finns" is not a unit of this wave you answer for ("Hemtjänst Lugnvik", or their ids)',
        'line 2: category "Chef" is none of "Medarbetare", "Första linjens chef", "Mellanchef", "Högre chef", "Politiker" (or their codes, e.g. FRONT_LINE_STAFF)',
      ]);
    });

    it('names the file line of each bad row and stores nothing', async () => {
      const before = await stored();
      const csv = [await header(), line(answers(1)), line([7, ...answers(1).slice(1)]), 'x,y'].join('\n');
      const shape = await upload(csv, reporter);
      expect(shape.status).toBe(400);
      expect(shape.body.errors[0].message).toMatch(/not valid CSV/);
      const bad = await upload([await header(), line(answers(1)), line([7, ...answers(1).slice(1)])].join('\n'), reporter);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ message: 'line 3: item D1 must be a whole number from 1 to 5 or null' }],
      });
      expect(await stored()).toBe(before);
    });

    it('stores a long file chunk by chunk, yet nothing of it when a late line is bad, naming every bad line in order', async () => {
      const before = await stored();
      const rows = Array.from({ length: 5_000 }, (_, i) => line(answers(i)));
      rows[4] = line([7, ...answers(1).slice(1)]); // line 6, in the first chunk
      rows[4_998] = rows[4_998].replace('FIRST_LINE_MANAGER', 'Chef'); // line 5,000, in the third
      const bad = await upload([await header(), ...rows].join('\n'), reporter);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].extensions.fields.map((f: { message: string }) => f.message)).toEqual([
        'line 6: item D1 must be a whole number from 1 to 5 or null',
        expect.stringMatching(/^line 5000: category "Chef" is none of/),
      ]);
      expect(bad.body.errors[0].message).toMatch(/^2 problem\(s\) in the CSV; nothing was stored/);
      rows[4] = line(answers(1));
      rows[4_998] = line(answers(2));
      const late = await upload([await header(), ...rows, line([0, ...answers(1).slice(1)])].join('\n'), reporter);
      expect(late.body.errors[0].extensions.fields).toEqual([
        { field: 'input.responses.5000.answers.0', message: 'line 5002: item D1 must be a whole number from 1 to 5 or null' },
      ]);
      expect(await stored()).toBe(before);
      expect((await upload([await header(), ...rows].join('\n'), reporter)).body).toMatchObject({ received: 5_000, stored: 5_000 });
      expect(await stored()).toBe(before + 5_000);
    }, 60_000);

    it('refuses a file of more than 10,000 responses and stores nothing', async () => {
      const before = await stored();
      const res = await upload([await header(), ...Array.from({ length: 10_001 }, (_, i) => line(answers(i)))].join('\n'), reporter);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/^At most 10000 responses per upload/);
      expect(await stored()).toBe(before);
    }, 60_000);

    it('refuses a file that is not UTF-8, or holds a NUL, naming the line, and stores nothing', async () => {
      const before = await stored();
      const send = async (body: Buffer) => {
        const res = await fetch(`${t.url}/surveys/waves/${waveId}/responses.csv`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${reporter}` },
          body: new Uint8Array(body),
        });
        return { status: res.status, body: (await res.json()) as any };
      };
      const head = Buffer.from(`${await header()}\n${line(answers(1))}\n`, 'utf8');
      // A Latin-1 "å" (0xE5) on line 3, as a spreadsheet saved in the wrong encoding would write.
      const latin1 = await send(Buffer.concat([head, Buffer.from(line(answers(2)).replace(',,', ',Ume\u00e5,'), 'latin1')]));
      expect(latin1.status).toBe(400);
      expect(latin1.body.errors[0].extensions.fields).toEqual([{ field: 'csv', message: 'line 3: is not valid UTF-8 (save the file as UTF-8)' }]);
      const nul = await send(Buffer.concat([head, Buffer.from(`${line(answers(2))}\u0000`, 'utf8')]));
      expect([nul.status, nul.body.errors[0].extensions.fields[0].message]).toEqual([400, 'line 3: contains the NUL character']);
      expect(await stored()).toBe(before);
    });

    it('asks for a token and answers others’ waves as not found', async () => {
      const csv = [await header(), line(answers(1))].join('\n');
      expect((await upload(csv)).status).toBe(401);
      const elsewhere = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: (await makeOrganisation(t.ds)).id })).token;
      const other = await upload(csv, elsewhere);
      expect([other.status, other.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
      expect((await upload(csv, reporter, 'not-a-uuid')).status).toBe(400);
    });
  });

  it('offers no query that returns a person’s answers', () => {
    const sdl = printSchema(t.app.get(GraphQLSchemaHost).schema);
    expect(sdl).not.toMatch(/type SurveyResponse\b/);
    expect(sdl.match(/answers: /g)).toHaveLength(1); // the input field only
  });

  it('audits submissions by count, never copying answers', async () => {
    const log = await t.gql('query($id: ID) { auditLog(filter: { entityId: $id }) { edges { node { action changes } } } }', { id: waveId }, admin);
    const changes = log.data!.auditLog.edges.map((e: any) => e.node.changes).filter((c: any) => c.responses);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(Object.keys(c)).toEqual(['responses']);
  });
});

describe('stored dimension scores', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are what the migration computes for existing responses (the same rule in SQL and in TypeScript)', async () => {
    const admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommun' });
    const unit = await makeOrganisation(t.ds, { name: 'Enhet', parentId: kommun.id });
    const pilotId = (
      await makePilot(t.ds, { code: 'SCORE-1', startsOn: day(-400), endsOn: null }, [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const wave = await t.gql(
      OPEN,
      { input: { pilotId, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: 'Våg', opensOn: day(-1), closesOn: day(30), unitIds: [unit.id] } },
      admin,
    );
    // Full answers, scattered missing answers, and a response with nearly nothing answered.
    const responses = [0, 1, 2, 3].map((seed) => ({ unitId: unit.id, category: 'FRONT_LINE_STAFF', answers: answers(seed) }));
    responses[1].answers[1] = null;
    responses[2].answers = responses[2].answers.map((a, i) => (i % 3 === 0 ? null : a));
    responses[3].answers = responses[3].answers.map((a, i) => (i === 0 ? a : null));
    const res = await t.gql(SUBMIT, { input: { waveId: wave.data!.openSurveyWave.id, responses } }, admin);
    expect(res.data!.submitSurveyResponses.stored).toBe(4);
    const read = async () => (await t.ds.query('SELECT scores FROM survey_response ORDER BY id')).map((r: { scores: (number | null)[] }) => r.scores);
    const byService = await read();
    expect(byService.flat().filter((s: number | null) => s === null).length).toBeGreaterThan(0);

    // Migrations run as the owner, not as the API's role.
    const owner = createDataSource({ url: t.superuserUrl });
    await owner.initialize();
    const runner = owner.createQueryRunner();
    try {
      const migration = new SurveyScores1795520000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
      await owner.destroy();
    }
    const byMigration = await read();
    expect(byMigration.length).toBe(4);
    byMigration.forEach((scores: (number | null)[], i: number) =>
      scores.forEach((s, k) => (s === null ? expect(byService[i][k]).toBeNull() : expect(s).toBeCloseTo(byService[i][k]!, 9))),
    );
  });
});
