import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { GovernanceForm, TrustMethod, TrustRelation } from '../framework/framework.enums';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PilotSector, PilotTheme } from '../pilot/pilot.enums';
import { PilotEntity } from '../pilot/pilot.entity';

export enum IdeaStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(IdeaStatus, {
  name: 'IdeaStatus',
  description: 'A draft is read by its pilot’s researchers, admins and analysts; a published idea by every signed-in user.',
  valuesMap: { DRAFT: { description: 'Utkast / draft.' }, PUBLISHED: { description: 'Publicerad / published.' } },
});

@ObjectType('Idea', {
  description: 'An entry of the idea bank: a good example from a pilot and how to put it into practice elsewhere (Dir. 2016:51, D:665–670).',
})
@Entity('idea')
@Index('idx_idea_search', { synchronize: false }) // GIN on the Swedish text search vector, by hand in the migration
@Index('idx_idea_title_id', ['title', 'id'])
export class IdeaEntity extends BaseRecord {
  @Field({ description: 'Its title.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field({ description: 'The problem it answers.' })
  @Column({ type: 'text' })
  problem: string;

  @Field({ description: 'What was done.' })
  @Column({ type: 'text' })
  whatWasDone: string;

  @Field({ description: 'How to put it into practice: the steps.' })
  @Column({ type: 'text', default: '' })
  steps: string;

  @Field({ description: 'What it needs in place first.' })
  @Column({ type: 'text', default: '' })
  preconditions: string;

  @Field({ description: 'What it cost (time, money, people).' })
  @Column({ type: 'text', default: '' })
  cost: string;

  @Field({ description: 'Pitfalls to avoid.' })
  @Column({ type: 'text', default: '' })
  pitfalls: string;

  @Field(() => [PilotTheme], { description: 'Its themes.' })
  @Column({ type: 'enum', enum: PilotTheme, enumName: 'pilot_theme', array: true, default: '{}' })
  themes: PilotTheme[];

  @Field(() => [PilotSector], { description: 'The sectors it comes from or suits.' })
  @Column({ type: 'enum', enum: PilotSector, enumName: 'pilot_sector', array: true, default: '{}' })
  sectors: PilotSector[];

  @Field(() => [TrustMethod], { description: 'The trust-based methods it exemplifies.' })
  @Column({ type: 'enum', enum: TrustMethod, enumName: 'trust_method', array: true, default: '{}' })
  methods: TrustMethod[];

  @Field(() => [GovernanceForm], { description: 'The governance forms it exemplifies.' })
  @Column({ type: 'enum', enum: GovernanceForm, enumName: 'governance_form', array: true, default: '{}' })
  forms: GovernanceForm[];

  @Field(() => [TrustRelation], { description: 'The trust relations it exemplifies.' })
  @Column({ type: 'enum', enum: TrustRelation, enumName: 'trust_relation', array: true, default: '{}' })
  relations: TrustRelation[];

  @Index('idx_idea_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_idea_pilot' })
  pilot?: PilotEntity;

  @Field(() => IdeaStatus, { description: 'Draft or published.' })
  @Index('idx_idea_status')
  @Column({ type: 'enum', enum: IdeaStatus, enumName: 'idea_status' })
  status: IdeaStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was published.' })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @VersionColumn()
  version: number;
}

/** The organisations an idea comes from. */
@Entity('idea_organisation')
export class IdeaOrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  ideaId: string;

  @Index('idx_idea_organisation_organisation_id')
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => IdeaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_idea_organisation_idea' })
  idea?: IdeaEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_idea_organisation_organisation' })
  organisation?: OrganisationEntity;
}
