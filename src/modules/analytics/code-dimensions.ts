import {
  ContextualCondition,
  ControlSystem,
  EFFECT_VARIABLE_CODES,
  GovernanceForm,
  GovernancePhase,
  METHOD_CODES,
  TrustDefinitionPart,
  TrustRelation,
  Trustworthiness,
} from '../framework/framework.enums';
import { CodedOrientation, TrustEffect } from '../observation/observation.enums';
import { CodeDimension } from './dto/codes.input';

/** Every code a dimension counts, as codeFrequencies returns it (methods and effect variables as "TERM:QUALIFIER"). */
export const DIMENSION_CODES: Record<Exclude<CodeDimension, CodeDimension.OWN_CODE>, readonly string[]> = {
  FORM: Object.values(GovernanceForm),
  PHASE: Object.values(GovernancePhase),
  RELATION: Object.values(TrustRelation),
  METHOD: METHOD_CODES,
  TRUSTWORTHINESS: Object.values(Trustworthiness),
  ORIENTATION: Object.values(CodedOrientation),
  EFFECT_ON_TRUST: Object.values(TrustEffect),
  DEFINITION_PART: Object.values(TrustDefinitionPart),
  CONTROL_SYSTEM: Object.values(ControlSystem),
  EFFECT_VARIABLE: EFFECT_VARIABLE_CODES,
  CONTEXTUAL_CONDITION: Object.values(ContextualCondition),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why `code` is no code of `dimension` (a bare method or effect variable names its qualified codes), or null. */
export function unknownCode(dimension: CodeDimension, code: string): string | null {
  if (dimension === CodeDimension.OWN_CODE) return UUID.test(code) ? null : 'is no own code id (a UUID)';
  const codes = DIMENSION_CODES[dimension];
  if (codes.includes(code)) return null;
  const qualified = codes.filter((c) => c.startsWith(`${code}:`));
  if (qualified.length) return `${dimension} codes carry their qualifier: use one of ${qualified.join(', ')}`;
  return `is no ${dimension} code`;
}
