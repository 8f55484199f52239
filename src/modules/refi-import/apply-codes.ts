import { CodeDimension } from '../analytics/dto/codes.input';
import { EffectVariable, MethodPolarity, SteeringEffectDirection, TrustMethod } from '../framework/framework.enums';
import { FrameworkCodes, FrameworkCodesInput } from '../observation/framework-codes';

export interface CodePair {
  dimension: CodeDimension;
  code: string;
}

type ListKey = 'forms' | 'relations' | 'trustworthiness' | 'definitionParts' | 'controlSystems' | 'contextualConditions' | 'ownCodeIds';
type ScalarKey = 'phase' | 'orientation' | 'effectOnTrust';
const LISTS: Partial<Record<CodeDimension, ListKey>> = {
  FORM: 'forms',
  RELATION: 'relations',
  TRUSTWORTHINESS: 'trustworthiness',
  DEFINITION_PART: 'definitionParts',
  CONTROL_SYSTEM: 'controlSystems',
  CONTEXTUAL_CONDITION: 'contextualConditions',
  OWN_CODE: 'ownCodeIds',
};
const SCALARS: Partial<Record<CodeDimension, ScalarKey>> = { PHASE: 'phase', ORIENTATION: 'orientation', EFFECT_ON_TRUST: 'effectOnTrust' };

/**
 * The codes of a row after an import: what it had, with the imported codes added. An import adds
 * and never removes. Where a row holds one value (a phase; a method's polarity; an effect
 * variable's direction), the imported one replaces it: the other tool's researcher recoded it.
 */
export function withCodes(current: FrameworkCodes, pairs: CodePair[]): FrameworkCodesInput {
  const next: FrameworkCodesInput = {
    forms: [...current.forms],
    phase: current.phase,
    relations: [...current.relations],
    methods: current.methods.map((m) => ({ ...m })),
    trustworthiness: [...current.trustworthiness],
    orientation: current.orientation,
    effectOnTrust: current.effectOnTrust,
    definitionParts: [...current.definitionParts],
    controlSystems: [...current.controlSystems],
    effectVariables: current.effectVariables.map((v) => ({ ...v })),
    contextualConditions: [...current.contextualConditions],
    ownCodeIds: [...(current.ownCodeIds ?? [])],
  };
  for (const { dimension, code } of pairs) {
    const list = LISTS[dimension];
    const scalar = SCALARS[dimension];
    if (list) {
      const values = next[list] as string[];
      if (!values.includes(code)) values.push(code);
    } else if (scalar) {
      (next as Record<ScalarKey, unknown>)[scalar] = code;
    } else if (dimension === CodeDimension.METHOD) {
      const [method, polarity] = code.split(':') as [TrustMethod, MethodPolarity];
      next.methods = [...next.methods.filter((m) => m.method !== method), { method, polarity }];
    } else if (dimension === CodeDimension.EFFECT_VARIABLE) {
      const [variable, direction] = code.split(':') as [EffectVariable, SteeringEffectDirection];
      next.effectVariables = [...(next.effectVariables ?? []).filter((v) => v.variable !== variable), { variable, direction }];
    }
  }
  return next;
}

/** Whether two codings say the same, whatever the order of their lists. */
export function sameCodes(a: FrameworkCodesInput | FrameworkCodes, b: FrameworkCodesInput | FrameworkCodes): boolean {
  const norm = (c: FrameworkCodesInput | FrameworkCodes) =>
    JSON.stringify(
      Object.entries(c)
        .map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x, Object.keys(x).sort()))).sort() : (v ?? null)])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return norm(a) === norm(b);
}
