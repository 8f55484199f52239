import { registerEnumType } from '@nestjs/graphql';

/**
 * What an effect is on: the directive's equal access, legal certainty, quality and costs
 * (D:526–530, D:661–663), and SOU 2017:56's seven effect variables of steering (S:2266–2269).
 */
export enum EffectAspect {
  EQUAL_ACCESS = 'EQUAL_ACCESS',
  LEGAL_CERTAINTY = 'LEGAL_CERTAINTY',
  QUALITY = 'QUALITY',
  COSTS = 'COSTS',
  COMPLIANCE_WITH_INTENTIONS = 'COMPLIANCE_WITH_INTENTIONS',
  COST_CONTROL = 'COST_CONTROL',
  INCENTIVES_PRODUCTION_QUALITY = 'INCENTIVES_PRODUCTION_QUALITY',
  STAFF_DISCRETION = 'STAFF_DISCRETION',
  ADMINISTRATIVE_BURDEN = 'ADMINISTRATIVE_BURDEN',
  INNOVATION_DEVELOPMENT = 'INNOVATION_DEVELOPMENT',
  COLLABORATION = 'COLLABORATION',
}

export enum EffectDirection {
  BETTER = 'BETTER',
  NO_CHANGE = 'NO_CHANGE',
  WORSE = 'WORSE',
  MIXED = 'MIXED',
}

export enum EvidenceStrength {
  WEAK = 'WEAK',
  MODERATE = 'MODERATE',
  STRONG = 'STRONG',
}

registerEnumType(EffectAspect, {
  name: 'EffectAspect',
  description: 'What an assessed effect is on (the directive’s four aspects, then SOU 2017:56’s seven effect variables of steering).',
  valuesMap: {
    EQUAL_ACCESS: { description: 'Likvärdighet / equal access (D:661–663).' },
    LEGAL_CERTAINTY: { description: 'Rättssäkerhet / legal certainty (D:526–530).' },
    QUALITY: { description: 'Kvalitet / quality (D:526–530, D:661–663).' },
    COSTS: { description: 'Kostnader / costs (D:526–530).' },
    COMPLIANCE_WITH_INTENTIONS: { description: 'Efterlevnad av de styrandes intentioner / compliance with the steering’s intentions (S:2266–2269).' },
    COST_CONTROL: { description: 'Kostnadskontroll / cost control (S:2266–2269).' },
    INCENTIVES_PRODUCTION_QUALITY: { description: 'Incitament till produktion och kvalitet / incentives for production and quality (S:2266–2269).' },
    STAFF_DISCRETION: { description: 'Medarbetarnas handlingsutrymme / staff discretion (S:2266–2269).' },
    ADMINISTRATIVE_BURDEN: { description: 'Administrativ börda / administrative burden (S:2266–2269).' },
    INNOVATION_DEVELOPMENT: { description: 'Innovation och verksamhetsutveckling / innovation and development (S:2266–2269).' },
    COLLABORATION: { description: 'Samverkan / collaboration (S:2266–2269).' },
  },
});

registerEnumType(EffectDirection, {
  name: 'EffectDirection',
  description: 'Which way the effect goes.',
  valuesMap: {
    BETTER: { description: 'Bättre / better.' },
    NO_CHANGE: { description: 'Ingen förändring / no change.' },
    WORSE: { description: 'Sämre / worse.' },
    MIXED: { description: 'Blandat / mixed: better in some respects or for some, worse for others.' },
  },
});

registerEnumType(EvidenceStrength, {
  name: 'EvidenceStrength',
  description: 'How strong the evidence behind an assessment is, in the researchers’ judgement.',
  valuesMap: {
    WEAK: { description: 'Svagt underlag / weak: single accounts or indications.' },
    MODERATE: { description: 'Visst underlag / moderate: several sources pointing the same way.' },
    STRONG: { description: 'Starkt underlag / strong: consistent data over time and sources.' },
  },
});
