import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CatalogueTerm,
  CODED_ORIENTATIONS,
  COMPENSATION_PRINCIPLES,
  CONTEXTUAL_CONDITIONS,
  CONTROL_SYSTEMS,
  DEFINITION_PARTS,
  EFFECT_VARIABLES,
  EFFECTS_ON_TRUST,
  GOVERNANCE_FORMS,
  METHODS,
  ORIENTATIONS,
  PHASES,
  TRUST_RELATIONS,
  TRUSTWORTHINESS,
} from './framework.catalogue';
import {
  CompensationPrinciple,
  ContextualCondition,
  ControlSystem,
  EffectVariable,
  GovernanceForm,
  GovernancePhase,
  SteeringOrientation,
  TrustDefinitionPart,
  TrustMethod,
  TrustRelation,
  Trustworthiness,
} from './framework.enums';
import { CodedOrientation, TrustEffect } from '../observation/observation.enums';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXCERPTS = path.join(ROOT, 'test', 'fixtures', 'sou-2017-56-excerpts.txt');

/** Source lines by number, from the excerpts committed with the tests. */
function excerptLines(): Map<number, string> {
  const map = new Map<number, string>();
  let n = 0;
  for (const line of fs.readFileSync(EXCERPTS, 'utf8').replace(/\n$/, '').split('\n')) {
    const head = /^@@ (\d+)-(\d+)$/.exec(line);
    if (head) n = Number(head[1]);
    else if (n > 0 && !line.startsWith('#')) map.set(n++, line);
  }
  return map;
}

/** Joins hyphenated line breaks and folds whitespace and case, as the PDF-to-text source needs. */
const normalise = (text: string) =>
  text
    .replace(/-\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

const DIMENSIONS: [string, number, CatalogueTerm<string>[], object][] = [
  ['governance forms', 4, GOVERNANCE_FORMS, GovernanceForm],
  ['phases', 3, PHASES, GovernancePhase],
  ['trust relations', 4, TRUST_RELATIONS, TrustRelation],
  ['methods', 7, METHODS, TrustMethod],
  ['trustworthiness', 3, TRUSTWORTHINESS, Trustworthiness],
  ['orientations', 2, ORIENTATIONS, SteeringOrientation],
  ['compensation principles', 7, COMPENSATION_PRINCIPLES, CompensationPrinciple],
  ['definition parts', 4, DEFINITION_PARTS, TrustDefinitionPart],
  ['control systems', 4, CONTROL_SYSTEMS, ControlSystem],
  ['effect variables', 7, EFFECT_VARIABLES, EffectVariable],
  ['contextual conditions', 4, CONTEXTUAL_CONDITIONS, ContextualCondition],
];

describe('framework catalogue (SOU 2017:56)', () => {
  const excerpts = excerptLines();
  const text = normalise([...excerpts.values()].join('\n'));

  it.each(DIMENSIONS)('%s: %i terms, every enum value once, in enum order', (_name, count, terms, enumObj) => {
    expect(terms).toHaveLength(count);
    expect(terms.map((t) => t.code)).toEqual(Object.values(enumObj));
    for (const t of terms) {
      expect(t.labelSv.trim()).not.toBe('');
      expect(t.labelEn.trim()).not.toBe('');
      expect(t.definitionSv.length).toBeGreaterThan(20);
      expect(t.definitionEn.length).toBeGreaterThan(20);
      expect(t.source).toMatch(/^SOU 2017:56 (§\d(\.\d)+|kap\. \d)/);
    }
  });

  it.each(DIMENSIONS)('%s: every Swedish label is the source’s own wording', (_name, _count, terms) => {
    for (const t of terms) expect([t.labelSv, text.includes(normalise(t.labelSv))]).toEqual([t.labelSv, true]);
  });

  it('cites sections that exist as headings in the source', () => {
    const all = DIMENSIONS.flatMap(([, , terms]) => terms);
    for (const t of all) {
      const section = /§(\d(?:\.\d)+)/.exec(t.source)?.[1];
      if (section) expect([t.source, text.includes(`${section} `)]).toEqual([t.source, true]);
    }
    // The methods are numbered (i)–(vii) in the source, in this order.
    METHODS.forEach((m, i) => {
      const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'][i];
      expect(m.source).toBe(`SOU 2017:56 §2.2.3 (${roman})`);
      expect(text).toContain(normalise(`(${roman}) ${m.labelSv}`));
    });
  });

  it('marks the project’s own additions and claims no source for them', () => {
    for (const [terms, enumObj] of [
      [EFFECTS_ON_TRUST, TrustEffect],
      [CODED_ORIENTATIONS, CodedOrientation],
    ] as const) {
      expect(terms.map((t) => t.code)).toEqual(Object.values(enumObj));
      for (const t of terms) {
        const own = t.ownAddition === true;
        expect([t.code, own ? t.source : 'SOU']).toEqual([t.code, own ? 'Tillit Tracker (egen kodningskategori)' : 'SOU']);
      }
    }
    expect(CODED_ORIENTATIONS.filter((t) => t.ownAddition).map((t) => t.code)).toEqual(['MIXED']);
    expect(DIMENSIONS.flatMap(([, , terms]) => terms).some((t) => t.ownAddition)).toBe(false);
  });

  it('keeps benevolence’s setting one’s own interest aside, and says the phases are an interpretation', () => {
    expect(text).toContain(normalise('även om det innebär att personliga intressen måste åsidosättas'));
    expect(TRUSTWORTHINESS.find((t) => t.code === 'BENEVOLENCE')!.definitionSv).toContain('egna intressen måste åsidosättas');
    for (const p of PHASES) expect(p.definitionEn).toContain('Our interpretation: figure 2.1 is missing from the source');
  });

  it('splits Simons’ control systems into two controlling and two enabling, as the source does', () => {
    expect(text).toContain(normalise('två av simons styrsystem (diagnostiksystem och system för begränsningar) kan betraktas som kontrollerande'));
    expect(CONTROL_SYSTEMS.map((t) => t.definitionEn.split(':')[0])).toEqual(['Controlling', 'Controlling', 'Enabling', 'Enabling']);
  });
});
