import { Injectable } from '@nestjs/common';
import {
  CatalogueTerm,
  COMPENSATION_PRINCIPLES,
  GOVERNANCE_FORMS,
  METHODS,
  ORIENTATIONS,
  PHASES,
  TRUST_RELATIONS,
  TRUSTWORTHINESS,
} from './framework.catalogue';
import { Framework } from './framework.model';

const withOrdinals = <C extends string>(terms: CatalogueTerm<C>[]) => terms.map((t, i) => ({ ...t, ordinal: i + 1 }));

@Injectable()
export class FrameworkService {
  private readonly framework: Framework = {
    governanceForms: withOrdinals(GOVERNANCE_FORMS),
    phases: withOrdinals(PHASES),
    trustRelations: withOrdinals(TRUST_RELATIONS),
    methods: withOrdinals(METHODS),
    trustworthiness: withOrdinals(TRUSTWORTHINESS),
    orientations: withOrdinals(ORIENTATIONS),
    compensationPrinciples: withOrdinals(COMPENSATION_PRINCIPLES),
  };

  get(): Framework {
    return this.framework;
  }
}
