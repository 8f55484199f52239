import { CodeDimension } from '../../analytics/dto/codes.input';
import { CatalogueTerm, GOVERNANCE_FORMS, METHODS, ORIENTATIONS, PHASES, TRUST_RELATIONS, TRUSTWORTHINESS } from '../../framework/framework.catalogue';
import { CodedOrientation, TrustEffect } from '../../observation/observation.enums';
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

/** Coding categories of our own (no source term): a mixed orientation and the effect on trust. */
const OWN = 'Tillit Tracker (egen kodningskategori)';
const ORIENTATION_TERMS: CatalogueTerm<CodedOrientation>[] = [
  ...ORIENTATIONS.map((t) => ({ ...t, code: t.code as unknown as CodedOrientation })),
  {
    code: CodedOrientation.MIXED,
    labelSv: 'Blandad styrning',
    labelEn: 'Mixed steering',
    definitionSv: 'Det observerade rymmer både kontrollerande och möjliggörande styrning.',
    definitionEn: 'What was observed holds both controlling and enabling steering.',
    source: OWN,
  },
];
const own = (code: TrustEffect, labelSv: string, labelEn: string, definitionSv: string, definitionEn: string): CatalogueTerm<TrustEffect> => ({
  code,
  labelSv,
  labelEn,
  definitionSv,
  definitionEn,
  source: OWN,
});
const EFFECT_TERMS: CatalogueTerm<TrustEffect>[] = [
  own(
    TrustEffect.STRENGTHENS,
    'Stärker tilliten',
    'Strengthens trust',
    'Det observerade stärkte tilliten i relationen.',
    'What was observed strengthened trust in the relation.',
  ),
  own(
    TrustEffect.WEAKENS,
    'Försvagar tilliten',
    'Weakens trust',
    'Det observerade försvagade tilliten i relationen.',
    'What was observed weakened trust in the relation.',
  ),
  own(
    TrustEffect.NEUTRAL,
    'Ingen påverkan på tilliten',
    'No effect on trust',
    'Det observerade påverkade inte tilliten.',
    'What was observed did not affect trust.',
  ),
  own(
    TrustEffect.UNCLEAR,
    'Oklar påverkan på tilliten',
    'Unclear effect on trust',
    'Det går inte att avgöra hur tilliten påverkades.',
    'It cannot be told how trust was affected.',
  ),
];

interface Dimension {
  dimension: CodeDimension;
  name: string;
  description: string;
  color: string;
  terms: CatalogueTerm<string>[];
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
    description: 'De sju metoderna (SOU 2017:56 §2.2.3).',
    color: '#D62728',
    terms: METHODS,
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
    terms: ORIENTATION_TERMS,
  },
  {
    dimension: CodeDimension.EFFECT_ON_TRUST,
    name: 'Påverkan på tilliten',
    description: `Hur det observerade påverkade tilliten. ${OWN}.`,
    color: '#E377C2',
    terms: EFFECT_TERMS,
  },
];

export const codeGuid = (dimension: CodeDimension | string, code: string): string => refiGuid(`code:${dimension}:${code}`);

const describe = (t: CatalogueTerm<string>, dimension: string): string =>
  `${t.definitionSv}\n\n${t.labelEn}: ${t.definitionEn}\n\nKälla: ${t.source}. Kod i Tillit Tracker: ${dimension} ${t.code}.`;

export const CODEBOOK: RefiCode[] = DIMENSIONS.map((d) => ({
  guid: refiGuid(`dimension:${d.dimension}`),
  name: d.name,
  description: `${d.description} Kod i Tillit Tracker: ${d.dimension}.`,
  isCodable: false,
  color: d.color,
  children: d.terms.map((t) => ({
    guid: codeGuid(d.dimension, t.code),
    name: t.labelSv,
    description: describe(t, d.dimension),
    isCodable: true,
    color: d.color,
    children: [],
  })),
}));

const codeXml = (c: RefiCode): string =>
  element(
    'Code',
    { guid: c.guid, name: c.name, isCodable: c.isCodable, color: c.color },
    textElement('Description', c.description) + c.children.map(codeXml).join(''),
  );

/** `<Codes>…</Codes>`: the same markup is valid in a project (`CodeBook`) and in a `.qdc`. */
export const codesXml = (): string => `<Codes>${CODEBOOK.map(codeXml).join('')}</Codes>`;

/** The stand-alone codebook file (`.qdc`, urn:QDA-XML:codebook:1.0). */
export const codebookDocument = (origin: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${attrs({ xmlns: 'urn:QDA-XML:codebook:1.0', origin })}>${codesXml()}</CodeBook>\n`;
