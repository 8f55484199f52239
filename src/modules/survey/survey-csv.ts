import { parse as parseStream } from 'csv-parse';
import { Readable } from 'node:stream';
import { FieldProblem } from '../../common/errors/domain-error';
import type { SurveyResponseInput } from './dto/survey.input';
import { Label, RESPONDENT_CATEGORY_LABELS, RespondentCategory, TENURE_BAND_LABELS, TenureBand } from './survey.enums';

/**
 * The CSV layout for survey responses (UTF-8, comma-separated, a header row):
 *
 *   client_id,unit_id,category,tenure_band,panel_key,<item code>,<item code>,...
 *
 * one column per item of the wave's instrument, named by the item's code, in any order. Empty
 * cells are null (a missing answer, no tenure band, ...). `unit_id` is the unit's id or its name;
 * `category` and `tenure_band` take the Swedish or English label ("Medarbetare", "1–3 år") or the
 * GraphQL enum name (FRONT_LINE_STAFF, YEARS_1_TO_3), in any case.
 */
export const FIXED_COLUMNS = ['client_id', 'unit_id', 'category', 'tenure_band', 'panel_key'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Case, spacing and the kind of dash do not matter when a person types a label. */
const normalise = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** Code, Swedish and English label → code. */
function lookup<T extends string>(labels: Record<T, Label>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, l] of Object.entries(labels) as [T, Label][]) for (const name of [code, l.sv, l.en]) map.set(normalise(name), code);
  return map;
}
const CATEGORIES = lookup(RESPONDENT_CATEGORY_LABELS);
const TENURES = lookup(TENURE_BAND_LABELS);
/** A cell as typed, quoted and cut short, for a message. */
const typed = (v: string | null) => JSON.stringify((v ?? '').length > 40 ? `${(v ?? '').slice(0, 40)}…` : (v ?? ''));
const choices = (labels: Record<string, Label>) =>
  Object.values(labels)
    .map((l) => `"${l.sv}"`)
    .join(', ');

/** A unit of the wave, as a row may name it. */
export interface WaveUnit {
  id: string;
  name: string;
}

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

const PARSE_OPTIONS = { skip_empty_lines: true, trim: true, relax_column_count: false } as const;
const stripBom = (text: string) => text.replace(/^\uFEFF/, '');
const syntaxProblem = (err: unknown): FieldProblem => ({ field: 'csv', message: `not valid CSV: ${(err as Error).message}` });
const EMPTY: FieldProblem = { field: 'csv', message: 'the file is empty' };

/** Reads one data row (its cells, its line in the file) into a response and the problems of its shape. */
type RowReader = (cells: string[], line: number) => { response: SurveyResponseInput; problems: FieldProblem[] };

/** The header's problem, or the reader of the rows under it. */
function readHeader(record: string[], itemCodes: string[], units: WaveUnit[]): RowReader | FieldProblem {
  const header = record.map((h) => h.toLowerCase());
  const codes = itemCodes.map((c) => c.toLowerCase());
  const missing = [...FIXED_COLUMNS, ...codes].filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(FIXED_COLUMNS as readonly string[]).includes(h) && !codes.includes(h));
  if (missing.length || unknown.length) {
    const parts = [missing.length ? `missing columns: ${missing.join(', ')}` : '', unknown.length ? `unknown columns: ${unknown.join(', ')}` : ''];
    return { field: 'csv', message: `line 1: ${parts.filter(Boolean).join('; ')}` };
  }
  const col = (name: string) => header.indexOf(name);
  const unitsByName = new Map<string, string[]>();
  for (const u of units) unitsByName.set(normalise(u.name), [...(unitsByName.get(normalise(u.name)) ?? []), u.id]);
  const unitNames = units.map((u) => `"${u.name}"`).join(', ');

  return (cells, line) => {
    const problems: FieldProblem[] = [];
    const cell = (name: string) => cells[col(name)] || null;
    const bad = (column: string, why: string) => problems.push({ field: `csv.line${line}.${column}`, message: `line ${line}: ${column} ${why}` });
    const clientId = cell('client_id');
    const unit = cell('unit_id') ?? '';
    const named = UUID.test(unit) ? [unit] : (unitsByName.get(normalise(unit)) ?? []);
    const category = CATEGORIES.get(normalise(cell('category') ?? ''));
    const tenure = cell('tenure_band');
    const tenureBand = tenure ? TENURES.get(normalise(tenure)) : null;
    if (clientId && !UUID.test(clientId)) bad('client_id', 'must be a UUID or empty');
    if (!named.length) bad('unit_id', `${typed(unit)} is not a unit of this wave you answer for${unitNames ? ` (${unitNames}, or their ids)` : ''}`);
    if (named.length > 1) bad('unit_id', `${typed(unit)} names ${named.length} units of this wave: use the id`);
    if (!category) bad('category', `${typed(cell('category'))} is none of ${choices(RESPONDENT_CATEGORY_LABELS)} (or their codes, e.g. FRONT_LINE_STAFF)`);
    if (tenureBand === undefined)
      bad('tenure_band', `${typed(tenure)} is none of ${choices(TENURE_BAND_LABELS)} (or their codes, e.g. YEARS_1_TO_3), nor empty`);
    const answers = codes.map((code) => {
      const raw = cell(code);
      if (raw === null) return null;
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) bad(code.toUpperCase(), 'must be a number or empty'); // never echo an answer
      return n;
    });
    const response = {
      clientId: clientId ?? undefined,
      unitId: named[0] ?? unit,
      category: category as RespondentCategory,
      tenureBand: (tenureBand as TenureBand | null) ?? null,
      panelKey: cell('panel_key'),
      answers,
    };
    return { response, problems };
  };
}

/** Text in pieces, so that the streaming parser hands out rows as they are asked for. */
function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/**
 * Parses and checks the shape of every row, as the rows are needed, `size` at a time: a streaming
 * parser with back-pressure, so that a consumer can store one chunk while the next is parsed. A
 * chunk carries its rows' problems; the first chunk after a problem of the file itself (its
 * syntax, an empty file, the header) is that problem alone, and it is the last.
 */
export async function* responseChunks(text: string, itemCodes: string[], units: WaveUnit[], size: number): AsyncGenerator<ParsedCsv> {
  const records = Readable.from(slices(stripBom(text))).pipe(parseStream(PARSE_OPTIONS));
  let read: RowReader | undefined;
  let line = 1;
  let chunk: ParsedCsv = { responses: [], problems: [] };
  try {
    // Line numbers are the file's (the header is line 1). `units` are the wave's units the
    // uploader may answer for: a row names one by id or by name.
    for await (const cells of records as AsyncIterable<string[]>) {
      if (!read) {
        const header = readHeader(cells, itemCodes, units);
        if (typeof header !== 'function') return yield { responses: [], problems: [header] };
        read = header;
        continue;
      }
      const row = read(cells, ++line);
      chunk.responses.push(row.response);
      chunk.problems.push(...row.problems);
      if (chunk.responses.length === size) {
        yield chunk;
        chunk = { responses: [], problems: [] };
      }
    }
  } catch (err) {
    return yield { responses: [], problems: [syntaxProblem(err)] };
  } finally {
    records.destroy();
  }
  if (!read) return yield { responses: [], problems: [EMPTY] };
  if (chunk.responses.length) yield chunk;
}
