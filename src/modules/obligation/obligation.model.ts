import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ObligationStatus } from './obligation.enums';

@ObjectType('ReportingObligation', { description: 'One indicator an organisation owes a burden report for, for one reporting period, and where it stands.' })
export class ReportingObligation {
  @Field(() => ID, { description: 'The organisation that owes it: a unit (an organisation without units of its own).' })
  organisationId: string;

  @Field(() => ID, { description: 'The indicator owed.' })
  indicatorId: string;

  @Field(() => LocalDateResolver, { description: 'The period, by the indicator’s reporting frequency (continuous: months; twice a year: half-years).' })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'The period’s last day.' })
  periodEnd: string;

  @Field(() => LocalDateResolver, { description: 'The period’s end plus REPORTING_GRACE_DAYS.' })
  dueOn: string;

  @Field(() => ObligationStatus, { description: 'Reported, late, partial, missing, or not yet due.' })
  status: ObligationStatus;

  @Field(() => Int, { description: 'Days of the period that reports cover (its own, or an organisation’s above it).' })
  coveredDays: number;

  @Field(() => Int, { description: 'Days in the period.' })
  periodDays: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the last report covering it arrived.' })
  receivedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The organisation whose report covers it (itself, or one above it: no double counting).' })
  reportedById: string | null;
}

@ObjectType('ReportingCompletenessRow', {
  description:
    'Expected and received burden reports for one group (pilot, organisation, indicator, period bucket, as asked), the reporting rate DHIS2 users know.',
})
export class ReportingCompletenessRow {
  @Field(() => ID, { nullable: true, description: 'With PILOT grouping (or a pilotId filter): the pilot.' }) pilotId: string | null;
  @Field(() => ID, { nullable: true, description: 'With ORGANISATION grouping: the unit that owes the reports.' }) organisationId: string | null;
  @Field(() => ID, { nullable: true, description: 'With INDICATOR grouping: the indicator.' }) indicatorId: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'With PERIOD: the bucket’s first day.' }) bucketStart: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'With PERIOD: the bucket’s last day (the first and last bucket are clipped to the range).' })
  bucketEnd: string | null;
  @Field(() => Int, { description: 'Reporting periods whose due date has passed.' }) expected: number;
  @Field(() => Int, { description: 'Of those, covered (on time or late).' }) received: number;
  @Field(() => Int, { description: 'Covered by the due date.' }) onTime: number;
  @Field(() => Int, { description: 'Covered, but after the due date.' }) late: number;
  @Field(() => Int, { description: 'Past due and partly covered.' }) partial: number;
  @Field(() => Int, { description: 'Past due and not covered at all.' }) missing: number;
  @Field(() => Int, { description: 'Not yet due (not counted in expected).' }) notYetDue: number;
  @Field(() => Float, { nullable: true, description: 'received / expected; null when nothing is expected yet.' }) reportingRate: number | null;
  @Field(() => Float, { nullable: true, description: 'onTime / expected.' }) onTimeRate: number | null;
}
