import { decodeCsv, ParsedCsv, responseChunks, WaveUnit } from './survey-csv';

/** Every chunk of a file, joined; chunks of 2 rows, so that rows cross chunks. */
async function parseResponsesCsv(text: string, itemCodes: string[], units: WaveUnit[] = []): Promise<ParsedCsv> {
  const all: ParsedCsv = { responses: [], problems: [] };
  for await (const chunk of responseChunks(text, itemCodes, units, 2)) {
    all.responses.push(...chunk.responses);
    all.problems.push(...chunk.problems);
  }
  return all;
}

const UNIT = '3f2b8c1e-7a6d-4e5f-9a0b-1c2d3e4f5a6b';

describe('survey response CSV', () => {
  it('reads the documented layout: item columns in any order, empty cells as null, decimal commas', async () => {
    const csv = `\uFEFFclient_id,unit_id,category,tenure_band,panel_key,Q2,Q1\n,${UNIT},FRONT_LINE_STAFF,,,"12,5",4\n`;
    const { responses, problems } = await parseResponsesCsv(csv, ['Q1', 'Q2']);
    expect(problems).toEqual([]);
    expect(responses).toEqual([{ clientId: undefined, unitId: UNIT, category: 'FRONT_LINE_STAFF', tenureBand: null, panelKey: null, answers: [4, 12.5] }]);
  });

  it('names the file line and column of every bad cell', async () => {
    const csv = `client_id,unit_id,category,tenure_band,panel_key,Q1\nnope,${UNIT},CHIEF,,,x\n,${UNIT},POLITICIAN,FOREVER,,\n`;
    const { problems } = await parseResponsesCsv(csv, ['Q1']);
    expect(problems.map((p) => p.message)).toEqual([
      'line 2: client_id must be a UUID or empty',
      'line 2: category "CHIEF" is none of "Medarbetare", "Första linjens chef", "Mellanchef", "Högre chef", "Politiker" (or their codes, e.g. FRONT_LINE_STAFF)',
      'line 2: Q1 must be a number or empty',
      'line 3: tenure_band "FOREVER" is none of "Mindre än 1 år", "1–3 år", "3–10 år", "Mer än 10 år" (or their codes, e.g. YEARS_1_TO_3), nor empty',
    ]);
  });

  it('takes units by name and categories and tenure bands by their Swedish or English labels, and lists unknown ones per line', async () => {
    const units = [
      { id: UNIT, name: 'Hemtjänst Norr' },
      { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Hemtjänst Söder' },
    ];
    const csv = [
      'client_id,unit_id,category,tenure_band,panel_key,Q1',
      ',hemtjänst  norr,Medarbetare,1-3 år,,4',
      ',Hemtjänst Söder,first-line manager,Mer än 10 år,,3',
      ',Hemtjänst Väster,Chef,10 år,,2',
    ].join('\n');
    const { responses, problems } = await parseResponsesCsv(csv, ['Q1'], units);
    expect(responses.slice(0, 2).map((r) => [r.unitId, r.category, r.tenureBand])).toEqual([
      [UNIT, 'FRONT_LINE_STAFF', 'YEARS_1_TO_3'],
      [units[1].id, 'FIRST_LINE_MANAGER', 'OVER_10_YEARS'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'line 4: unit_id "Hemtjänst Väster" is not a unit of this wave you answer for ("Hemtjänst Norr", "Hemtjänst Söder", or their ids)',
      expect.stringMatching(/^line 4: category "Chef" is none of "Medarbetare"/),
      expect.stringMatching(/^line 4: tenure_band "10 år" is none of "Mindre än 1 år"/),
    ]);
  });

  it('refuses a header that does not fit the instrument', async () => {
    const { problems } = await parseResponsesCsv('unit_id,category,Q9\n', ['Q1']);
    expect(problems).toEqual([{ field: 'csv', message: 'line 1: missing columns: client_id, tenure_band, panel_key, q1; unknown columns: q9' }]);
  });

  it('reads a long file chunk by chunk, and stops at a syntax error or an empty file with that problem', async () => {
    const row = `,${UNIT},FRONT_LINE_STAFF,,,3`;
    const head = 'client_id,unit_id,category,tenure_band,panel_key,Q1';
    const chunks: number[] = [];
    for await (const c of responseChunks([head, ...Array(5).fill(row)].join('\n'), ['Q1'], [], 2)) chunks.push(c.responses.length);
    expect(chunks).toEqual([2, 2, 1]);
    const broken = await parseResponsesCsv([head, row, row, row, `,${UNIT},"FRONT_LINE_STAFF,,,3`].join('\n'), ['Q1']);
    expect(broken.problems).toEqual([{ field: 'csv', message: expect.stringMatching(/^not valid CSV: /) }]);
    expect((await parseResponsesCsv('', ['Q1'])).problems).toEqual([{ field: 'csv', message: 'the file is empty' }]);
  });

  it('refuses bytes that are not UTF-8 and the NUL character, naming the line', async () => {
    const head = Buffer.from('client_id,unit_id\n', 'utf8');
    expect(decodeCsv(Buffer.concat([head, Buffer.from('a,b\n'), Buffer.from([0x61, 0xe5, 0x2c, 0x62, 0x0a])])).problems).toEqual([
      { field: 'csv', message: 'line 3: is not valid UTF-8 (save the file as UTF-8)' },
    ]);
    expect(decodeCsv(Buffer.concat([head, Buffer.from('a\u0000,b')])).problems[0].message).toBe('line 2: contains the NUL character');
    expect(decodeCsv(Buffer.from('Växjö,Örebro\r\nå,ä', 'utf8'))).toEqual({ text: 'Växjö,Örebro\r\nå,ä', problems: [] });
  });
});
