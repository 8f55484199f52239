import { GovernanceForm, GovernancePhase, MethodPolarity, TrustMethod, TrustRelation, Trustworthiness } from '../modules/framework/framework.enums';
import { FrameworkCodesInput, MethodCode } from '../modules/observation/framework-codes';
import { CodedOrientation, TrustEffect } from '../modules/observation/observation.enums';
import { Rng } from './random';

/**
 * Random framework codes for a synthetic observation (demo and benchmark data). Late in the
 * period, with probability `lateShare`, the observation shows less detail steering introduced or
 * strengthened, and trust strengthened: the trend the analytics should find. Early, with half
 * that probability, it shows the reverse, more detail steering (the minute chase): counted without
 * polarity, the two look alike. Other method codes are mostly introduced, some reversed, some only
 * discussed. The draws are made in a fixed order, so a seed always gives the same codes; the
 * polarities come from their own generator `p`, so the rest of a data set is as it was before
 * methods had a polarity.
 */
export function syntheticCodes(r: Rng, late: boolean, lateShare: number, p: Rng): FrameworkCodesInput {
  const forms = r.some(Object.values(GovernanceForm), 2);
  const phase = r.pick(Object.values(GovernancePhase));
  const relations = r.some(Object.values(TrustRelation), 2);
  const lessDetail = late && r.next() < lateShare;
  const methods = lessDetail ? [TrustMethod.LESS_DETAIL_STEERING] : r.some(Object.values(TrustMethod), 2);
  const moreDetail = !late && p.next() < lateShare / 2;
  return {
    forms,
    phase,
    relations,
    methods: lessDetail
      ? [{ method: TrustMethod.LESS_DETAIL_STEERING, polarity: MethodPolarity.INTRODUCED_OR_STRENGTHENED }]
      : moreDetail
        ? [{ method: TrustMethod.LESS_DETAIL_STEERING, polarity: MethodPolarity.WEAKENED_OR_REVERSED }]
        : withPolarity(p, methods),
    trustworthiness: r.some(Object.values(Trustworthiness), 2),
    orientation: r.pick(Object.values(CodedOrientation)),
    effectOnTrust: late && r.next() < lateShare ? TrustEffect.STRENGTHENS : r.pick(Object.values(TrustEffect)),
  };
}

const POLARITY_DRAW = [
  MethodPolarity.INTRODUCED_OR_STRENGTHENED,
  MethodPolarity.INTRODUCED_OR_STRENGTHENED,
  MethodPolarity.WEAKENED_OR_REVERSED,
  MethodPolarity.DISCUSSED_WITHOUT_CHANGE,
];

/** Each method with a polarity drawn from `p`: half introduced, a quarter reversed, a quarter discussed. */
export function withPolarity(p: Rng, methods: TrustMethod[]): MethodCode[] {
  return methods.map((method) => ({ method, polarity: p.pick(POLARITY_DRAW) }));
}
