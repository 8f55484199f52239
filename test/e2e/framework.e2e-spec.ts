import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startTestApp, TestApp } from '../utils/test-app';

const TERM = 'code ordinal labelSv labelEn definitionSv definitionEn source ownAddition';

describe('framework (public)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('returns every dimension, in source order, without a token', async () => {
    const res = await t.gql(`{ framework {
      governanceForms { ${TERM} } phases { ${TERM} } trustRelations { ${TERM} } methods { ${TERM} }
      trustworthiness { ${TERM} } orientations { ${TERM} } compensationPrinciples { ${TERM} }
      definitionParts { ${TERM} } controlSystems { ${TERM} } effectVariables { ${TERM} } contextualConditions { ${TERM} }
      effectsOnTrust { ${TERM} } codedOrientations { ${TERM} } } }`);
    expect(res.errors).toBeUndefined();
    const f = res.data!.framework;
    const counts = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, (v as unknown[]).length]));
    expect(counts).toEqual({
      governanceForms: 4,
      phases: 3,
      trustRelations: 4,
      methods: 7,
      trustworthiness: 3,
      orientations: 2,
      compensationPrinciples: 7,
      definitionParts: 4,
      controlSystems: 4,
      effectVariables: 7,
      contextualConditions: 4,
      effectsOnTrust: 4,
      codedOrientations: 3,
    });
    // The project's own additions say so; the source's terms do not.
    const own = Object.entries(f).flatMap(([dim, terms]) =>
      (terms as { code: string; ownAddition: boolean }[]).filter((t) => t.ownAddition).map((t) => `${dim}.${t.code}`),
    );
    expect(own).toEqual([
      'effectsOnTrust.STRENGTHENS',
      'effectsOnTrust.WEAKENS',
      'effectsOnTrust.NEUTRAL',
      'effectsOnTrust.UNCLEAR',
      'codedOrientations.MIXED',
    ]);
    expect(f.controlSystems.map((t: { labelSv: string }) => t.labelSv)).toEqual([
      'Diagnostiksystem',
      'System för begränsningar',
      'System för värdegrund',
      'Interaktivt kontrollsystem',
    ]);
    expect(f.trustworthiness[2].definitionSv).toContain('egna intressen måste åsidosättas');
    expect(f.governanceForms.map((t: { code: string }) => t.code)).toEqual(['REGEL', 'PRESTATION', 'EKONOMI', 'NORM']);
    expect(f.methods[0]).toMatchObject({ ordinal: 1, labelSv: 'Minskad detaljstyrning', source: 'SOU 2017:56 §2.2.3 (i)' });
    for (const terms of Object.values(f) as Record<string, unknown>[][]) {
      terms.forEach((term, i) => {
        expect(term.ordinal).toBe(i + 1);
        for (const key of ['labelSv', 'labelEn', 'definitionSv', 'definitionEn', 'source']) {
          expect(String(term[key]).length).toBeGreaterThan(3);
        }
      });
    }
  });

  it('serves the schema committed in schema/schema.gql', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.gql'), 'utf8');
    expect(printSchema(lexicographicSortSchema(schema)) + '\n').toBe(committed);
  });
});
