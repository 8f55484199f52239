import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { County, OperatingForm, OrganisationKind, SkrMunicipalityGroup } from './organisation.enums';

@ObjectType('Organisation', { description: 'A municipality, region, agency, provider… or one of their administrations or units.' })
@Entity('organisation')
@Unique('uq_organisation_kind_official_code', ['kind', 'officialCode'])
@Check('chk_organisation_parent_not_self', `"parent_id" IS NULL OR "parent_id" <> "id"`)
@Check('chk_organisation_population', `"population" IS NULL OR "population" >= 0`)
@Check('chk_organisation_name', `length(btrim("name")) > 0`)
@Index('idx_organisation_name_trgm', { synchronize: false }) // GIN (name gin_trgm_ops), created by hand in the migration
@Index('idx_organisation_name_id', ['name', 'id']) // keyset pagination order
export class OrganisationEntity extends BaseRecord {
  @Field({ description: 'Its name, e.g. Varbergs kommun or Hemtjänst Trönninge.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => OrganisationKind, { description: 'Municipality, region, state agency, private provider and so on.' })
  @Index('idx_organisation_kind')
  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Index('idx_organisation_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_organisation_parent' })
  parent?: OrganisationEntity | null;

  @Field(() => String, {
    nullable: true,
    description: 'Kommunkod (4 digits) for a municipality, länskod (2 digits) for a region, otherwise organisationsnummer (NNNNNN-NNNN).',
  })
  @Column({ type: 'varchar', length: 11, nullable: true })
  officialCode: string | null;

  @Field(() => County, { nullable: true, description: 'The county (län) it lies in.' })
  @Index('idx_organisation_county')
  @Column({ type: 'enum', enum: County, enumName: 'county', nullable: true })
  county: County | null;

  @Field(() => OperatingForm, { nullable: true, description: 'Own management (egen regi), private or non-profit.' })
  @Column({ type: 'enum', enum: OperatingForm, enumName: 'operating_form', nullable: true })
  operatingForm: OperatingForm | null;

  @Field(() => Int, { nullable: true, description: 'Inhabitants, for municipalities and regions.' })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Field(() => SkrMunicipalityGroup, { nullable: true, description: 'SKR’s municipality group (kommungruppsindelning), for municipalities.' })
  @Column({ type: 'enum', enum: SkrMunicipalityGroup, enumName: 'skr_municipality_group', nullable: true })
  skrGroup: SkrMunicipalityGroup | null;
}
