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

registerEnumType(PeriodKind, { name: 'PeriodKind', description: 'A calendar month, quarter or year.' });
registerEnumType(ImprovementUse, { name: 'ImprovementUse' });
