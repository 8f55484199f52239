import { GovernanceForm, GovernancePhase, TrustMethod, TrustRelation, Trustworthiness } from '../modules/framework/framework.enums';
import { FrameworkCodesInput } from '../modules/observation/framework-codes';
import { CodedOrientation, TrustEffect } from '../modules/observation/observation.enums';
import { Rng } from './random';

/**
 * Random framework codes for a synthetic observation (demo and benchmark data). Late in the
 * period, with probability `lateShare`, the observation shows less detail steering that
 * strengthens trust: the trend the analytics should find. The draws are made in a fixed order,
 * so a seed always gives the same codes.
 */
export function syntheticCodes(r: Rng, late: boolean, lateShare: number): FrameworkCodesInput {
  return {
    forms: r.some(Object.values(GovernanceForm), 2),
    phase: r.pick(Object.values(GovernancePhase)),
    relations: r.some(Object.values(TrustRelation), 2),
    methods: late && r.next() < lateShare ? [TrustMethod.LESS_DETAIL_STEERING] : r.some(Object.values(TrustMethod), 2),
    trustworthiness: r.some(Object.values(Trustworthiness), 2),
    orientation: r.pick(Object.values(CodedOrientation)),
    effectOnTrust: late && r.next() < lateShare ? TrustEffect.STRENGTHENS : r.pick(Object.values(TrustEffect)),
  };
}
