import { parse } from 'csv-parse/sync';
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

/**
 * Parses and checks the shape of every row; line numbers are the file's (the header is line 1).
 * `units` are the wave's units the uploader may answer for: a row names one by id or by name.
 */
export function parseResponsesCsv(text: string, itemCodes: string[], units: WaveUnit[] = []): ParsedCsv {
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
  const unitsByName = new Map<string, string[]>();
  for (const u of units) unitsByName.set(normalise(u.name), [...(unitsByName.get(normalise(u.name)) ?? []), u.id]);
  const unitNames = units.map((u) => `"${u.name}"`).join(', ');

  const problems: FieldProblem[] = [];
  const responses = records.slice(1).map((cells, i) => {
    const line = i + 2;
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
    return {
      clientId: clientId ?? undefined,
      unitId: named[0] ?? unit,
      category: category as RespondentCategory,
      tenureBand: (tenureBand as TenureBand | null) ?? null,
      panelKey: cell('panel_key'),
      answers,
    };
  });
  return { responses, problems };
}
