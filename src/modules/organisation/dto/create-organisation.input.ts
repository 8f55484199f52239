import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { County, OperatingForm, OrganisationKind, SkrMunicipalityGroup } from '../organisation.enums';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'A new organisation, or a part of one (admins).' })
export class CreateOrganisationInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Its name.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => OrganisationKind, { description: 'Municipality, region, state agency, private provider and so on.' })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The organisation this one is part of.' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Kommunkod, länskod or organisationsnummer, depending on kind.' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6}-\d{4})$/, { message: 'officialCode must be 2 or 4 digits, or an organisation number NNNNNN-NNNN' })
  officialCode?: string | null;

  @Field(() => County, { nullable: true, description: 'The county (län) it lies in.' })
  @IsOptional()
  @IsEnum(County)
  county?: County | null;

  @Field(() => OperatingForm, { nullable: true, description: 'Own management (egen regi), private or non-profit.' })
  @IsOptional()
  @IsEnum(OperatingForm)
  operatingForm?: OperatingForm | null;

  @Field(() => Int, { nullable: true, description: 'Inhabitants, for municipalities and regions.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  population?: number | null;

  @Field(() => SkrMunicipalityGroup, { nullable: true, description: 'SKR’s municipality group, for municipalities.' })
  @IsOptional()
  @IsEnum(SkrMunicipalityGroup)
  skrGroup?: SkrMunicipalityGroup | null;
}
