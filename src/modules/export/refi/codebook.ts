import { CodeDimension } from '../../analytics/dto/codes.input';
import {
  CatalogueTerm,
  CODED_ORIENTATIONS,
  CONTEXTUAL_CONDITIONS,
  CONTROL_SYSTEMS,
  DEFINITION_PARTS,
  EFFECT_VARIABLES,
  EFFECTS_ON_TRUST,
  GOVERNANCE_FORMS,
  METHOD_POLARITIES,
  METHODS,
  OWN_ADDITION,
  PHASES,
  TRUST_RELATIONS,
  TRUSTWORTHINESS,
} from '../../framework/framework.catalogue';
import { refiGuid } from './guid';
import { attrs, element, textElement } from './xml';

/**
 * The framework of SOU 2017:56 as a REFI-QDA codebook: one non-codable parent code per
 * dimension, the framework's terms as codable children. Names are the catalogue's Swedish
 * labels; descriptions carry the definitions in Swedish and English, the source section and the
 * code Tillit Tracker uses, so an analyst can map a code back to the API.
 */
export interface RefiCode {
  guid: string;
  name: string;
  description: string;
  isCodable: boolean;
  color: string;
  children: RefiCode[];
}

interface Dimension {
  dimension: CodeDimension;
  name: string;
  description: string;
  color: string;
  terms: CatalogueTerm<string>[];
  /** Codes under each term (code `TERM:SUB`), the term itself not codable: methods' polarities, effect variables' directions. */
  subCodes?: { code: string; labelSv: string; labelEn: string }[];
}

export const DIMENSIONS: Dimension[] = [
  { dimension: CodeDimension.FORM, name: 'Styrformer', description: 'De fyra styrformerna (SOU 2017:56 §2.2.2).', color: '#1F77B4', terms: GOVERNANCE_FORMS },
  {
    dimension: CodeDimension.PHASE,
    name: 'Styrningens tidsdimension',
    description: 'När i förhållande till verksamheten styrningen sker (SOU 2017:56 §2.2.2, figur 2.1).',
    color: '#FF7F0E',
    terms: PHASES,
  },
  {
    dimension: CodeDimension.RELATION,
    name: 'Tillitsrelationer',
    description: 'De fyra tillitsrelationerna (SOU 2017:56 §2.2.4).',
    color: '#2CA02C',
    terms: TRUST_RELATIONS,
  },
  {
    dimension: CodeDimension.METHOD,
    name: 'Metoder för tillitsbaserad styrning',
    description: `De sju metoderna (SOU 2017:56 §2.2.3), var och en med vad passagen visar av den (${OWN_ADDITION}).`,
    color: '#D62728',
    terms: METHODS,
    subCodes: METHOD_POLARITIES.map((t) => ({ code: t.code, labelSv: t.labelSv.toLowerCase(), labelEn: t.labelEn.toLowerCase() })),
  },
  {
    dimension: CodeDimension.TRUSTWORTHINESS,
    name: 'Tillitsvärdighet',
    description: 'Förmåga, integritet och välvilja (SOU 2017:56 §2.2.1).',
    color: '#9467BD',
    terms: TRUSTWORTHINESS,
  },
  {
    dimension: CodeDimension.ORIENTATION,
    name: 'Kontrollerande och möjliggörande styrning',
    description: 'Hur styrningen tog sig uttryck (SOU 2017:56 kap. 3).',
    color: '#8C564B',
    terms: CODED_ORIENTATIONS,
  },
  {
    dimension: CodeDimension.EFFECT_ON_TRUST,
    name: 'Påverkan på tilliten',
    description: `Hur det observerade påverkade tilliten. ${OWN_ADDITION}.`,
    color: '#E377C2',
    terms: EFFECTS_ON_TRUST,
  },
  {
    dimension: CodeDimension.DEFINITION_PART,
    name: 'Definitionen av tillitsbaserad styrning',
    description: 'De fyra delarna av definitionen (SOU 2017:56 §2.2.1).',
    color: '#7F7F7F',
    terms: DEFINITION_PARTS,
  },
  {
    dimension: CodeDimension.CONTROL_SYSTEM,
    name: 'Simons styrsystem',
    description:
      'Diagnostiksystem och system för begränsningar (kontrollerande), system för värdegrund och interaktivt kontrollsystem (möjliggörande) (SOU 2017:56 kap. 3).',
    color: '#BCBD22',
    terms: CONTROL_SYSTEMS,
  },
  {
    dimension: CodeDimension.EFFECT_VARIABLE,
    name: 'Styrningens effektvariabler',
    description: 'De sju effektvariablerna, var och en med riktning (SOU 2017:56 kap. 3).',
    color: '#17BECF',
    terms: EFFECT_VARIABLES,
    subCodes: [
      { code: 'STRENGTHENS', labelSv: 'stärks', labelEn: 'strengthened' },
      { code: 'WEAKENS', labelSv: 'försvagas', labelEn: 'weakened' },
      { code: 'MIXED', labelSv: 'blandat', labelEn: 'mixed' },
    ],
  },
  {
    dimension: CodeDimension.CONTEXTUAL_CONDITION,
    name: 'Kontextuella förutsättningar',
    description: 'Förutsättningar utanför den formella styrningen (SOU 2017:56 §2.2.2).',
    color: '#AEC7E8',
    terms: CONTEXTUAL_CONDITIONS,
  },
];

/** How a project codes whole observations, said in the codebook for whoever reads a code's codings in another tool. */
export const WHOLE_TEXT_NOTE =
  'En observations egna koder kodar markeringen "Hela observationen" över hela dess text; övriga markeringar är kodade segment (an observation’s own codes code the selection "Hela observationen" over its whole text).';

export const codeGuid = (dimension: CodeDimension | string, code: string): string => refiGuid(`code:${dimension}:${code}`);

const describe = (t: CatalogueTerm<string>, dimension: string): string =>
  `${t.definitionSv}\n\n${t.labelEn}: ${t.definitionEn}\n\nKälla: ${t.source}${t.ownAddition ? ' (inte en term i SOU 2017:56 / not a term of SOU 2017:56)' : ''}. Kod i Tillit Tracker: ${dimension} ${t.code}.`;

export const CODEBOOK: RefiCode[] = DIMENSIONS.map((d) => ({
  guid: refiGuid(`dimension:${d.dimension}`),
  name: d.name,
  description: `${d.description} Kod i Tillit Tracker: ${d.dimension}. ${WHOLE_TEXT_NOTE}`,
  isCodable: false,
  color: d.color,
  children: d.terms.map((t) => ({
    guid: codeGuid(d.dimension, t.code),
    name: t.labelSv,
    description: describe(t, d.dimension),
    isCodable: !d.subCodes,
    color: d.color,
    children: (d.subCodes ?? []).map((sub) => ({
      guid: codeGuid(d.dimension, `${t.code}:${sub.code}`),
      name: `${t.labelSv}: ${sub.labelSv}`,
      description: `${t.labelSv}, ${sub.labelSv} (${t.labelEn}, ${sub.labelEn}). Kod i Tillit Tracker: ${d.dimension} ${t.code}:${sub.code}.`,
      isCodable: true,
      color: d.color,
      children: [],
    })),
  })),
}));

const codeXml = (c: RefiCode): string =>
  element(
    'Code',
    { guid: c.guid, name: c.name, isCodable: c.isCodable, color: c.color },
    textElement('Description', c.description) + c.children.map(codeXml).join(''),
  );

/** An own code as the project exports it (its id is its GUID). */
export interface OwnCodeRow {
  id: string;
  name: string;
  description: string;
  colour: string;
  parent_dimension: string | null;
  parent_id: string | null;
  retired: boolean;
  merged_into_name: string | null;
}

/** A case (organisation) as a code of its own, with the case's GUID: how NVivo and QualCoder link cases to text. */
export interface CaseCode {
  id: string;
  name: string;
}

export const OWN_CODES_GUID = refiGuid('dimension:OWN_CODE');
export const CASES_GUID = refiGuid('dimension:CASES');

const ownCodeDescription = (c: OwnCodeRow) =>
  [
    c.description,
    c.merged_into_name ? `Sammanfogad med ”${c.merged_into_name}” (merged).` : c.retired ? 'Utgången kod: inga nya kodningar (retired).' : '',
    `Egen kod i Tillit Tracker (${OWN_ADDITION}): OWN_CODE ${c.id}.`,
  ]
    .filter(Boolean)
    .join('\n\n');

/**
 * The framework's codebook with a project's own codes and cases: an own code under its parent
 * code, else under its framework dimension, else under "Egna koder"; each case under "Fall".
 */
export function projectCodebook(ownCodes: OwnCodeRow[], cases: CaseCode[]): RefiCode[] {
  const node = (c: OwnCodeRow): RefiCode => ({ guid: c.id, name: c.name, description: ownCodeDescription(c), isCodable: true, color: c.colour, children: [] });
  const nodes = new Map(ownCodes.map((c) => [c.id, node(c)]));
  const codebook = CODEBOOK.map((d) => ({ ...d, children: [...d.children] }));
  const roots: RefiCode[] = [];
  for (const c of ownCodes) {
    const parent = c.parent_id ? nodes.get(c.parent_id) : undefined;
    const dimension = c.parent_dimension ? codebook.find((d) => d.guid === refiGuid(`dimension:${c.parent_dimension}`)) : undefined;
    (parent ?? dimension ?? { children: roots }).children.push(nodes.get(c.id)!);
  }
  if (roots.length)
    codebook.push({
      guid: OWN_CODES_GUID,
      name: 'Egna koder',
      description: `Forskarnas egna, induktiva koder. ${OWN_ADDITION}.`,
      isCodable: false,
      color: '#7F7F7F',
      children: roots,
    });
  if (cases.length)
    codebook.push({
      guid: CASES_GUID,
      name: 'Fall (organisationer)',
      description: 'Varje fall som kod med fallets GUID: hela texten i en observation är kodad med organisationen där den gjordes.',
      isCodable: false,
      color: '#C7C7C7',
      children: cases.map((c) => ({ guid: c.id, name: c.name, description: 'Fall (organisation).', isCodable: true, color: '#C7C7C7', children: [] })),
    });
  return codebook;
}

/** `<Codes>…</Codes>`: the same markup is valid in a project (`CodeBook`) and in a `.qdc`. */
export const codesXml = (codes: RefiCode[] = CODEBOOK): string => `<Codes>${codes.map(codeXml).join('')}</Codes>`;

/** The stand-alone codebook file (`.qdc`, urn:QDA-XML:codebook:1.0): the framework, the same for everyone. */
export const codebookDocument = (origin: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${attrs({ xmlns: 'urn:QDA-XML:codebook:1.0', origin })}>${codesXml()}</CodeBook>\n`;
