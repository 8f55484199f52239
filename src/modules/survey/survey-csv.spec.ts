import { decodeCsv, parseResponsesCsv } from './survey-csv';

const UNIT = '3f2b8c1e-7a6d-4e5f-9a0b-1c2d3e4f5a6b';

describe('survey response CSV', () => {
  it('reads the documented layout: item columns in any order, empty cells as null, decimal commas', () => {
    const csv = `\uFEFFclient_id,unit_id,category,tenure_band,panel_key,Q2,Q1\n,${UNIT},FRONT_LINE_STAFF,,,"12,5",4\n`;
    const { responses, problems } = parseResponsesCsv(csv, ['Q1', 'Q2']);
    expect(problems).toEqual([]);
    expect(responses).toEqual([
      { clientId: undefined, unitId: UNIT, category: 'FRONT_LINE_STAFF', tenureBand: null, panelKey: null, answers: [4, 12.5] },
    ]);
  });

  it('names the file line and column of every bad cell', () => {
    const csv = `client_id,unit_id,category,tenure_band,panel_key,Q1\nnope,${UNIT},CHIEF,,,x\n,${UNIT},POLITICIAN,FOREVER,,\n`;
    const { problems } = parseResponsesCsv(csv, ['Q1']);
    expect(problems.map((p) => p.message)).toEqual([
      'line 2: client_id must be a UUID or empty',
      expect.stringMatching(/^line 2: category must be one of FRONT_LINE_STAFF/),
      'line 2: Q1 must be a number or empty',
      expect.stringMatching(/^line 3: tenure_band must be empty or one of UNDER_1_YEAR/),
    ]);
  });

  it('refuses a header that does not fit the instrument', () => {
    const { problems } = parseResponsesCsv('unit_id,category,Q9\n', ['Q1']);
    expect(problems).toEqual([{ field: 'csv', message: 'line 1: missing columns: client_id, tenure_band, panel_key, q1; unknown columns: q9' }]);
  });

  it('refuses bytes that are not UTF-8 and the NUL character, naming the line', () => {
    const head = Buffer.from('client_id,unit_id\n', 'utf8');
    expect(decodeCsv(Buffer.concat([head, Buffer.from('a,b\n'), Buffer.from([0x61, 0xe5, 0x2c, 0x62, 0x0a])])).problems).toEqual([
      { field: 'csv', message: 'line 3: is not valid UTF-8 (save the file as UTF-8)' },
    ]);
    expect(decodeCsv(Buffer.concat([head, Buffer.from('a\u0000,b')])).problems[0].message).toBe('line 2: contains the NUL character');
    expect(decodeCsv(Buffer.from('Växjö,Örebro\r\nå,ä', 'utf8'))).toEqual({ text: 'Växjö,Örebro\r\nå,ä', problems: [] });
  });
});
