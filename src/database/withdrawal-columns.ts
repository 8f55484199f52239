import { applyDecorators } from '@nestjs/common';
import { Field, GraphQLISODateTime } from '@nestjs/graphql';
import { Check, Column } from 'typeorm';

/**
 * A withdrawable record's three columns and their rule. A withdrawn row stays (history, its
 * reason) but counts in no result until it is restored:
 *   @WithdrawalCheck('burden_report') class …
 *   @WithdrawnAtColumn('…') withdrawnAt: Date | null;
 *   @WithdrawnByColumn() withdrawnBy: string | null;
 *   @WithdrawReasonColumn() withdrawReason: string | null;
 */
export interface Withdrawable {
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
}

export const WithdrawalCheck = (table: string) =>
  Check(`chk_${table}_withdrawn`, `("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)`);

export const WithdrawnAtColumn = (description: string) =>
  applyDecorators(
    Field(() => GraphQLISODateTime, { nullable: true, description }),
    Column({ type: 'timestamptz', nullable: true }),
  );

export const WithdrawnByColumn = () => Column({ type: 'uuid', nullable: true });

export const WithdrawReasonColumn = () =>
  applyDecorators(
    Field(() => String, { nullable: true, description: 'Why it was withdrawn.' }),
    Column({ type: 'text', nullable: true }),
  );

/** The columns' values when a record is withdrawn (with the reason) or restored. */
export const withdrawal = (withdraw: boolean, actorId: string, reason: string): Withdrawable =>
  withdraw ? { withdrawnAt: new Date(), withdrawnBy: actorId, withdrawReason: reason } : { withdrawnAt: null, withdrawnBy: null, withdrawReason: null };
