import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { numericColumn } from '../../database/transformers';
import { VersionColumn } from '../../database/version-column';
import { OrganisationEntity } from '../organisation/organisation.entity';

/**
 * How many work in an organisation (usually a unit) over a period: its full-time equivalents and,
 * when known, its headcount. It bounds what a burden report may claim (no more staff than the
 * unit has, no more hours than they work) and is the denominator of reporting time as a share of
 * working time.
 */
@ObjectType('StaffSize', { description: 'The staff of an organisation over a period: full-time equivalents and headcount.' })
@Entity('staff_size')
@Exclusion('ex_staff_size_overlap', `USING gist ("organisation_id" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&)`)
@Check('chk_staff_size_period', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
@Check('chk_staff_size_counts', `"fte" > 0 AND ("headcount" IS NULL OR "headcount" > 0)`)
@Index('idx_staff_size_valid_from_id', ['validFrom', 'id'])
export class StaffSizeEntity extends BaseRecord {
  @Index('idx_staff_size_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_staff_size_organisation' })
  organisation?: OrganisationEntity;

  @Field(() => LocalDateResolver, { description: 'The first day this size holds.' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The last day it holds; null: until further notice.' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => Float, { description: 'Full-time equivalents (årsarbetare / heltidstjänster).' })
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericColumn })
  fte: number;

  @Field(() => Int, { nullable: true, description: 'People employed, part-time included; null when not known.' })
  @Column({ type: 'integer', nullable: true })
  headcount: number | null;

  @Column({ type: 'uuid' })
  reportedBy: string;

  @VersionColumn()
  version: number;
}
