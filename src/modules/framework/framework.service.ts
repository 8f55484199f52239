import { Injectable } from '@nestjs/common';
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
  METHOD_POLARITIES,
  METHODS,
  ORIENTATIONS,
  PHASES,
  TRUST_RELATIONS,
  TRUSTWORTHINESS,
} from './framework.catalogue';
import { Framework } from './framework.model';

const withOrdinals = <C extends string>(terms: CatalogueTerm<C>[]) => terms.map((t, i) => ({ ...t, ordinal: i + 1, ownAddition: t.ownAddition ?? false }));

@Injectable()
export class FrameworkService {
  private readonly framework: Framework = {
    governanceForms: withOrdinals(GOVERNANCE_FORMS),
    phases: withOrdinals(PHASES),
    trustRelations: withOrdinals(TRUST_RELATIONS),
    methods: withOrdinals(METHODS),
    methodPolarities: withOrdinals(METHOD_POLARITIES),
    trustworthiness: withOrdinals(TRUSTWORTHINESS),
    orientations: withOrdinals(ORIENTATIONS),
    compensationPrinciples: withOrdinals(COMPENSATION_PRINCIPLES),
    definitionParts: withOrdinals(DEFINITION_PARTS),
    controlSystems: withOrdinals(CONTROL_SYSTEMS),
    effectVariables: withOrdinals(EFFECT_VARIABLES),
    contextualConditions: withOrdinals(CONTEXTUAL_CONDITIONS),
    effectsOnTrust: withOrdinals(EFFECTS_ON_TRUST),
    codedOrientations: withOrdinals(CODED_ORIENTATIONS),
  };

  get(): Framework {
    return this.framework;
  }
}
