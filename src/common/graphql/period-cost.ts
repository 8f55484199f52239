import { Extensions } from '@nestjs/graphql';

export const PERIOD_EXTENSION = 'periodCost';

/**
 * Marks an analytics query whose `from`/`to` (and `bucket`) decide how much it returns: the
 * complexity plugin checks the period's bounds and multiplies the cost by its buckets, before
 * any SQL runs.
 */
export const PeriodCost = () => Extensions({ [PERIOD_EXTENSION]: true });
