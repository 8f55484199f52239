import { registerEnumType } from '@nestjs/graphql';

export enum PeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

/** Whether the unit uses the indicator for its own improvement work. */
export enum ImprovementUse {
  YES = 'YES',
  PARTLY = 'PARTLY',
  NO = 'NO',
}

registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description: 'A calendar month, quarter or year.',
  valuesMap: {
    MONTH: { description: 'A calendar month.' },
    QUARTER: { description: 'A calendar quarter.' },
    YEAR: { description: 'A calendar year.' },
  },
});
registerEnumType(ImprovementUse, {
  name: 'ImprovementUse',
  description: 'Whether the reported data is used to improve the work.',
  valuesMap: {
    YES: { description: 'Yes.' },
    PARTLY: { description: 'Partly.' },
    NO: { description: 'No.' },
  },
});
