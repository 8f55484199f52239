import { parse } from 'csv-parse/sync';
import { FieldProblem } from '../../common/errors/domain-error';
import type { SurveyResponseInput } from './dto/survey.input';
import { RespondentCategory, TenureBand } from './survey.enums';

/**
 * The CSV layout for survey responses (UTF-8, comma-separated, a header row):
 *
 *   client_id,unit_id,category,tenure_band,panel_key,<item code>,<item code>,...
 *
 * one column per item of the wave's instrument, named by the item's code, in any order. Empty
 * cells are null (a missing answer, no tenure band, ...). `category` and `tenure_band` take the
 * GraphQL enum names (FRONT_LINE_STAFF, YEARS_1_TO_3, ...).
 */
export const FIXED_COLUMNS = ['client_id', 'unit_id', 'category', 'tenure_band', 'panel_key'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CATEGORIES = new Set<string>(Object.values(RespondentCategory));
const TENURES = new Set<string>(Object.values(TenureBand));

/**
 * The upload as text, refusing what would otherwise be silently changed or fail deep in the
 * database: bytes that are not UTF-8 (a decoder would replace them) and the NUL character.
 * Lines are split on the newline byte, which never occurs inside a UTF-8 sequence.
 */
export function decodeCsv(body: Buffer): { text: string; problems: FieldProblem[] } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    const nl = body.indexOf(0x0a, start);
    const end = nl === -1 ? body.length : nl;
    const bytes = body.subarray(start, end);
    if (bytes.includes(0x00)) return { text: '', problems: [{ field: 'csv', message: `line ${line}: contains the NUL character` }] };
    try {
      decoder.decode(bytes);
    } catch {
      return { text: '', problems: [{ field: 'csv', message: `line ${line}: is not valid UTF-8 (save the file as UTF-8)` }] };
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return { text: body.toString('utf8'), problems: [] };
}

export interface ParsedCsv {
  responses: SurveyResponseInput[];
  problems: FieldProblem[];
}

/** Parses and checks the shape of every row; line numbers are the file's (the header is line 1). */
export function parseResponsesCsv(text: string, itemCodes: string[]): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (err) {
    return { responses: [], problems: [{ field: 'csv', message: `not valid CSV: ${(err as Error).message}` }] };
  }
  if (!records.length) return { responses: [], problems: [{ field: 'csv', message: 'the file is empty' }] };

  const header = records[0].map((h) => h.toLowerCase());
  const codes = itemCodes.map((c) => c.toLowerCase());
  const missing = [...FIXED_COLUMNS, ...codes].filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(FIXED_COLUMNS as readonly string[]).includes(h) && !codes.includes(h));
  if (missing.length || unknown.length) {
    const parts = [missing.length ? `missing columns: ${missing.join(', ')}` : '', unknown.length ? `unknown columns: ${unknown.join(', ')}` : ''];
    return { responses: [], problems: [{ field: 'csv', message: `line 1: ${parts.filter(Boolean).join('; ')}` }] };
  }
  const col = (name: string) => header.indexOf(name);

  const problems: FieldProblem[] = [];
  const responses = records.slice(1).map((cells, i) => {
    const line = i + 2;
    const cell = (name: string) => cells[col(name)] || null;
    const bad = (column: string, why: string) => problems.push({ field: `csv.line${line}.${column}`, message: `line ${line}: ${column} ${why}` });
    const clientId = cell('client_id');
    const unitId = cell('unit_id') ?? '';
    const category = cell('category') ?? '';
    const tenure = cell('tenure_band');
    if (clientId && !UUID.test(clientId)) bad('client_id', 'must be a UUID or empty');
    if (!UUID.test(unitId)) bad('unit_id', 'must be a UUID');
    if (!CATEGORIES.has(category)) bad('category', `must be one of ${[...CATEGORIES].join(', ')}`);
    if (tenure && !TENURES.has(tenure)) bad('tenure_band', `must be empty or one of ${[...TENURES].join(', ')}`);
    const answers = codes.map((code) => {
      const raw = cell(code);
      if (raw === null) return null;
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) bad(code.toUpperCase(), 'must be a number or empty'); // never echo an answer
      return n;
    });
    return {
      clientId: clientId ?? undefined,
      unitId,
      category: category as RespondentCategory,
      tenureBand: (tenure as TenureBand | null) ?? null,
      panelKey: cell('panel_key'),
      answers,
    };
  });
  return { responses, problems };
}
