import type { QueryRunner } from 'typeorm';
import { CodeDimension } from '../../analytics/dto/codes.input';
import { CaseCode, codeGuid, codesXml, OwnCodeRow, projectCodebook } from './codebook';
import { refiGuid } from './guid';
import { plainText } from './plain-text';
import type { RefiQueries } from './refi.sql';
import { attrs, element, textElement } from './xml';
import type { ZipSink } from './zip-sink';

export interface RefiPilot {
  id: string;
  code: string;
  title: string;
  description: string;
}

type VariableType = 'Text' | 'Integer' | 'Date';
interface Variable {
  key: string;
  name: string;
  type: VariableType;
  description: string;
}

/** Organisations (cases) and observations (sources) carry their attributes as REFI variables. */
const CASE_VARIABLES: Variable[] = [
  { key: 'case:kind', name: 'Organisationstyp', type: 'Text', description: 'OrganisationKind i Tillit Tracker.' },
  { key: 'case:officialCode', name: 'Kommunkod, länskod eller organisationsnummer', type: 'Text', description: 'officialCode.' },
  { key: 'case:county', name: 'Län', type: 'Text', description: 'County.' },
  { key: 'case:operatingForm', name: 'Driftform', type: 'Text', description: 'OperatingForm.' },
  { key: 'case:population', name: 'Invånare', type: 'Integer', description: 'population.' },
  { key: 'case:skrGroup', name: 'SKR:s kommungrupp', type: 'Text', description: 'SkrMunicipalityGroup.' },
  { key: 'case:parent', name: 'Överordnad organisation', type: 'Text', description: 'Namnet på organisationen ovanför i trädet.' },
  {
    key: 'case:participation',
    name: 'Deltagande i piloten',
    type: 'Text',
    description: 'Roll, nivå och period för varje deltagande (ParticipantRole SteeringLevel från–till).',
  },
];
const SOURCE_VARIABLES: Variable[] = [
  { key: 'source:occurredOn', name: 'Datum', type: 'Date', description: 'När det observerade hände (occurredOn).' },
  { key: 'source:kind', name: 'Typ av observation', type: 'Text', description: 'ObservationKind.' },
  { key: 'source:level', name: 'Nivå i styrkedjan', type: 'Text', description: 'SteeringLevel.' },
  { key: 'source:respondentRole', name: 'Respondentroll', type: 'Text', description: 'RespondentRole.' },
  { key: 'source:organisation', name: 'Organisation', type: 'Text', description: 'Den observerade organisationen.' },
  { key: 'source:tags', name: 'Taggar', type: 'Text', description: 'Fria taggar, åtskilda med semikolon.' },
  { key: 'source:version', name: 'Version', type: 'Integer', description: 'Observationens version vid exporten.' },
];
const variableGuid = (key: string) => refiGuid(`variable:${key}`);

const VALUE_ELEMENT: Record<VariableType, string> = { Text: 'TextValue', Integer: 'IntegerValue', Date: 'DateValue' };
function variableValue(key: string, type: VariableType, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `<VariableValue>${element('VariableRef', { targetGUID: variableGuid(key) })}${textElement(VALUE_ELEMENT[type], String(value))}</VariableValue>`;
}

interface Codes {
  forms: string[] | null;
  phase: string | null;
  relations: string[] | null;
  methods: string[] | null;
  trustworthiness: string[] | null;
  orientation: string | null;
  effect_on_trust?: string | null;
  effectOnTrust?: string | null;
  definition_parts?: string[] | null;
  control_systems?: string[] | null;
  effect_variables?: string[] | null;
  contextual_conditions?: string[] | null;
  own_code_ids?: string[] | null;
}

/** The framework codes of an observation or segment as (dimension, code) pairs. */
function codePairs(c: Codes): [CodeDimension, string][] {
  const one = (v: string | null | undefined) => (v ? [v] : []);
  const dims: [CodeDimension, string[]][] = [
    [CodeDimension.FORM, c.forms ?? []],
    [CodeDimension.PHASE, one(c.phase)],
    [CodeDimension.RELATION, c.relations ?? []],
    [CodeDimension.METHOD, c.methods ?? []],
    [CodeDimension.TRUSTWORTHINESS, c.trustworthiness ?? []],
    [CodeDimension.ORIENTATION, one(c.orientation)],
    [CodeDimension.EFFECT_ON_TRUST, one(c.effect_on_trust ?? c.effectOnTrust)],
    [CodeDimension.DEFINITION_PART, c.definition_parts ?? []],
    [CodeDimension.CONTROL_SYSTEM, c.control_systems ?? []],
    [CodeDimension.EFFECT_VARIABLE, c.effect_variables ?? []],
    [CodeDimension.CONTEXTUAL_CONDITION, c.contextual_conditions ?? []],
    [CodeDimension.OWN_CODE, c.own_code_ids ?? []],
  ];
  return dims.flatMap(([d, codes]) => codes.map((code): [CodeDimension, string] => [d, code]));
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** A code's GUID in the project: an own code's and a case's is its id. */
const guidOf = (d: CodeDimension | 'CASE', code: string) => (d === CodeDimension.OWN_CODE || d === 'CASE' ? code : codeGuid(d, code));

function codings(owner: string, pairs: [CodeDimension | 'CASE', string][], user: string, at: Date | string): string {
  return pairs
    .map(([d, code]) =>
      element(
        'Coding',
        { guid: refiGuid(`coding:${owner}:${d}:${code}`), creatingUser: user, creationDateTime: iso(at) },
        element('CodeRef', { targetGUID: guidOf(d, code) }),
      ),
    )
    .join('');
}

/**
 * The selection that stands for a whole observation: its own codes and its case (organisation)
 * code the whole text. QDA tools keep codings of selections; codings directly on a source
 * (which the schema allows) are dropped by QualCoder and others.
 */
export const wholeSelectionGuid = (observationId: string) => refiGuid(`whole:${observationId}`);
export const WHOLE_SELECTION_NAME = 'Hela observationen';

interface SegmentRow extends Codes {
  id: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

interface SourceRow extends Codes {
  id: string;
  title: string;
  occurred_on: string;
  kind: string;
  level: string;
  respondent_role: string | null;
  author_id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  tags: string[];
  text: string;
  organisation_id: string;
  organisation: string;
  segments: SegmentRow[];
  stale_segments: number;
}

const NAME_LENGTH = 60;
const shorten = (s: string) => {
  const cps = Array.from(s.replace(/\s+/g, ' ').trim());
  return cps.length > NAME_LENGTH ? `${cps.slice(0, NAME_LENGTH - 1).join('')}…` : cps.join('');
};

/** The plain text of an observation is kept in the archive as `Sources/<observation id>.txt`. */
export const sourceFile = (id: string) => `Sources/${id}.txt`;

function textSource(o: SourceRow, embed: boolean): string {
  const text = plainText(o.text);
  const selections = o.segments
    .map((s) =>
      element(
        'PlainTextSelection',
        {
          guid: s.id,
          name: shorten(s.quote),
          startPosition: text.position(s.start),
          endPosition: text.position(s.end),
          creatingUser: s.authorId,
          creationDateTime: iso(s.createdAt),
          modifiedDateTime: iso(s.updatedAt),
        },
        textElement('Description', s.memo) + codings(s.id, codePairs(s), s.authorId, s.updatedAt),
      ),
    )
    .join('');
  const whole = element(
    'PlainTextSelection',
    {
      guid: wholeSelectionGuid(o.id),
      name: WHOLE_SELECTION_NAME,
      startPosition: 0,
      endPosition: Array.from(text.text).length,
      creatingUser: o.author_id,
      creationDateTime: iso(o.created_at),
      modifiedDateTime: iso(o.updated_at),
    },
    textElement('Description', 'Hela texten: observationens egna koder och fallet (organisationen) där den gjordes.') +
      codings(o.id, [...codePairs(o), ['CASE', o.organisation_id]], o.author_id, o.updated_at),
  );
  const variables = [
    variableValue('source:occurredOn', 'Date', o.occurred_on),
    variableValue('source:kind', 'Text', o.kind),
    variableValue('source:level', 'Text', o.level),
    variableValue('source:respondentRole', 'Text', o.respondent_role),
    variableValue('source:organisation', 'Text', o.organisation),
    variableValue('source:tags', 'Text', o.tags.join('; ')),
    variableValue('source:version', 'Integer', o.version),
  ].join('');
  return element(
    'TextSource',
    {
      guid: o.id,
      name: `${o.occurred_on} ${o.title}`,
      plainTextPath: embed ? undefined : `internal://${o.id}.txt`,
      creatingUser: o.author_id,
      creationDateTime: iso(o.created_at),
      modifiedDateTime: iso(o.updated_at),
    },
    (embed ? textElement('PlainTextContent', text.text) : '') + whole + selections + variables,
  );
}

interface CaseRow {
  id: string;
  name: string;
  kind: string;
  official_code: string | null;
  county: string | null;
  operating_form: string | null;
  population: number | null;
  skr_group: string | null;
  parent_name: string | null;
  participation: string | null;
  source_ids: string[];
}

function caseXml(c: CaseRow): string {
  const values = [
    variableValue('case:kind', 'Text', c.kind),
    variableValue('case:officialCode', 'Text', c.official_code),
    variableValue('case:county', 'Text', c.county),
    variableValue('case:operatingForm', 'Text', c.operating_form),
    variableValue('case:population', 'Integer', c.population),
    variableValue('case:skrGroup', 'Text', c.skr_group),
    variableValue('case:parent', 'Text', c.parent_name),
    variableValue('case:participation', 'Text', c.participation),
  ].join('');
  // Linked three ways, as tools read them: its own code (CodeRef, coding the whole text of its sources), its sources, and those selections.
  return element(
    'Case',
    { guid: c.id, name: c.name },
    element('CodeRef', { targetGUID: c.id }) +
      values +
      c.source_ids.map((id) => element('SourceRef', { targetGUID: id })).join('') +
      c.source_ids.map((id) => element('SelectionRef', { targetGUID: wholeSelectionGuid(id) })).join(''),
  );
}

const variableXml = (v: Variable) =>
  element('Variable', { guid: variableGuid(v.key), name: v.name, typeOfVariable: v.type }, textElement('Description', v.description));

export interface RefiExportSummary {
  sources: number;
  selections: number;
  staleSelectionsLeftOut: number;
  /** True when the texts are inside project.qde rather than files under Sources/. */
  textsEmbedded: boolean;
}

/**
 * A ZIP without ZIP64 holds at most 65,535 entries. Beyond this many observations the texts go
 * into `project.qde` itself (`PlainTextContent`, which the schema equally allows) instead of
 * one file each.
 */
export const MAX_SOURCE_FILES = 65_000;

/**
 * Writes a pilot's REFI-QDA project (`project.qde`, urn:QDA-XML:project:1.0, then one text file
 * per observation) to `zip`, reading the database through two cursors in the runner's
 * transaction: nothing but one observation at a time is held in memory. `queries` decides which
 * observations (refi.sql.ts: those the exporting user may read).
 */
export async function writeRefiProject(
  runner: QueryRunner,
  zip: ZipSink,
  pilot: RefiPilot,
  queries: RefiQueries,
  exporter: string,
  origin: string,
  now = new Date(),
  maxSourceFiles = MAX_SOURCE_FILES,
): Promise<RefiExportSummary> {
  const summary: RefiExportSummary = { sources: 0, selections: 0, staleSelectionsLeftOut: 0, textsEmbedded: false };
  const [{ n }]: { n: number }[] = await runner.query(queries.count.sql, queries.count.values);
  const embed = (summary.textsEmbedded = n > maxSourceFiles);
  await zip.open('project.qde');
  await zip.write(
    `<?xml version="1.0" encoding="utf-8"?>\n` +
      `<Project${attrs({ xmlns: 'urn:QDA-XML:project:1.0', name: `${pilot.code} – ${pilot.title}`, origin, creatingUserGUID: exporter, creationDateTime: iso(now) })}>`,
  );
  const users: { id: string; display_name: string }[] = await runner.query(queries.users.sql, queries.users.values);
  await zip.write(`<Users>${users.map((u) => element('User', { guid: u.id, name: u.display_name })).join('')}</Users>`);
  const cases: CaseRow[] = await runner.query(queries.cases.sql, queries.cases.values);
  const ownCodes: OwnCodeRow[] = await runner.query(queries.ownCodes.sql, queries.ownCodes.values);
  const caseCodes: CaseCode[] = cases.map((c) => ({ id: c.id, name: c.name }));
  await zip.write(`<CodeBook>${codesXml(projectCodebook(ownCodes, caseCodes))}</CodeBook>`);
  await zip.write(`<Variables>${[...CASE_VARIABLES, ...SOURCE_VARIABLES].map(variableXml).join('')}</Variables>`);
  if (cases.length) await zip.write(`<Cases>${cases.map(caseXml).join('')}</Cases>`);

  let opened = false;
  for await (const row of await runner.stream(queries.sources.sql, queries.sources.values)) {
    const o = row as SourceRow;
    if (!opened) await zip.write('<Sources>');
    opened = true;
    summary.sources++;
    summary.selections += o.segments.length;
    summary.staleSelectionsLeftOut += o.stale_segments;
    await zip.write(textSource(o, embed));
  }
  if (opened) await zip.write('</Sources>');
  const layout = `Varje observation är en textkälla. Observationens egna koder, och fallet (organisationen) där den gjordes, kodar markeringen "${WHOLE_SELECTION_NAME}" över hela texten; övriga markeringar är kodade segment.`;
  const note = summary.staleSelectionsLeftOut
    ? `\n\n${summary.staleSelectionsLeftOut} kodade segment lämnades utanför eftersom texten ändrats efter kodningen (stale); granska dem i Tillit Tracker.`
    : '';
  await zip.write(`${textElement('Description', `${pilot.description}\n\n${layout}${note}`.trim())}</Project>\n`);

  if (!embed) {
    for await (const row of await runner.stream(queries.texts.sql, queries.texts.values)) {
      const o = row as { id: string; text: string };
      await zip.open(sourceFile(o.id));
      await zip.write(plainText(o.text).text);
    }
  }
  await zip.finish();
  return summary;
}
