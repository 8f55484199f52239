import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { GovernanceForm, TrustMethod, TrustRelation } from '../framework/framework.enums';
import { PilotSector, PilotStatus, PilotTheme } from './pilot.enums';

@ObjectType('Pilot', { description: 'A pilot project (försöksverksamhet).' })
@Entity('pilot')
@Check('chk_pilot_dates', `"ends_on" IS NULL OR "starts_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check('chk_pilot_code', `"code" ~ '^[A-Z0-9][A-Z0-9-]*$'`)
// GIN indexes created by hand in the migration (TypeORM cannot declare GIN / trigram indexes):
@Index('idx_pilot_sectors_gin', { synchronize: false })
@Index('idx_pilot_themes_gin', { synchronize: false })
@Index('idx_pilot_search_trgm', { synchronize: false })
export class PilotEntity extends BaseRecord {
  @Field({ description: 'Short unique code, e.g. TD-2017-03 (capitals, digits, hyphens).' })
  @Index('uq_pilot_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'The pilot’s name.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field({ description: 'What the pilot does and why (Markdown).' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => [PilotSector], { description: 'The welfare sectors it works in.' })
  @Column({ type: 'enum', enum: PilotSector, enumName: 'pilot_sector', array: true })
  sectors: PilotSector[];

  @Field(() => [PilotTheme], { description: 'Its themes.' })
  @Column({ type: 'enum', enum: PilotTheme, enumName: 'pilot_theme', array: true })
  themes: PilotTheme[];

  @Field(() => PilotStatus, { description: 'Planned, active, completed or discontinued.' })
  @Index('idx_pilot_status')
  @Column({ type: 'enum', enum: PilotStatus, enumName: 'pilot_status' })
  status: PilotStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When it was announced.' })
  @Column({ type: 'date', nullable: true })
  announcedOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Its first day.' })
  @Index('idx_pilot_starts_on')
  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Its last day; null while it goes on.' })
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Field(() => [GovernanceForm], { description: 'Governance forms the pilot targets.' })
  @Column({ type: 'enum', enum: GovernanceForm, enumName: 'governance_form', array: true })
  targetForms: GovernanceForm[];

  @Field(() => [TrustRelation], { description: 'Trust relations the pilot targets.' })
  @Column({ type: 'enum', enum: TrustRelation, enumName: 'trust_relation', array: true })
  targetRelations: TrustRelation[];

  @Field(() => [TrustMethod], { description: 'Trust-based methods the pilot targets.' })
  @Column({ type: 'enum', enum: TrustMethod, enumName: 'trust_method', array: true })
  targetMethods: TrustMethod[];
}
