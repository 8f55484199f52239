import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IndicatorEntity } from '../steering/indicator.entity';

/**
 * A rollup: the sum of all organisations' burden reports per indicator and reporting period,
 * kept by BurdenService in the same transaction as each report (a new report adds, a
 * resubmission adds the difference). burdenSeries reads it instead of every report when no
 * organisation scope, filter or breakdown applies: on scale M, 60,000 rows instead of 925,000
 * (docs/benchmarks.md). Not exposed over GraphQL.
 */
@Entity('burden_period_total')
export class BurdenPeriodTotalEntity {
  @PrimaryColumn({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_burden_period_total_indicator' })
  indicator?: IndicatorEntity;

  @PrimaryColumn({ type: 'date' })
  periodStart: string;

  @PrimaryColumn({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'integer' })
  reports: number;

  @Column({ type: 'numeric', precision: 16, scale: 2 })
  staffHours: string;

  @Column({ type: 'bigint' })
  staffCount: string;

  /** Reports whose indicator was used for the unit's own improvement (YES), and PARTLY. */
  @Column({ type: 'integer' })
  usedYes: number;

  @Column({ type: 'integer' })
  usedPartly: number;
}
