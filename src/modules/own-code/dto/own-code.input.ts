import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CorrectionInput, VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { ClientIdField } from '../../client-request/retryable.input';
import { CodeDimension } from '../../analytics/dto/codes.input';
import { OWN_CODE_DESCRIPTION_MAX, OWN_CODE_NAME_MAX } from '../own-code.entity';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
const COLOUR = /^#[0-9A-F]{6}$/;
const COLOUR_MESSAGE = 'colour must be a colour as #RRGGBB, e.g. #1F77B4';

@InputType({ description: 'A new own code (admins and researchers; a pilot’s code only by its researchers).' })
export class CreateOwnCodeInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Its name, unique among the live codes of its scope.' })
  @trimmed()
  @IsString()
  @IsNotEmpty({ message: 'name must not be blank' })
  @MaxLength(OWN_CODE_NAME_MAX)
  name: string;

  @Field({ defaultValue: '', description: 'What it stands for: when to use it, and when not.' })
  @IsString()
  @MaxLength(OWN_CODE_DESCRIPTION_MAX)
  description: string;

  @Field({ defaultValue: '#7F7F7F', description: 'Its colour in QDA tools, as #RRGGBB.' })
  @upper()
  @Matches(COLOUR, { message: COLOUR_MESSAGE })
  colour: string;

  @Field(() => CodeDimension, { nullable: true, description: 'A framework dimension to sit under (not with parentId).' })
  @IsOptional()
  @IsEnum(CodeDimension)
  parentDimension?: CodeDimension | null;

  @Field(() => ID, { nullable: true, description: 'An own code to sit under (of the same scope, or a shared one).' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Kept to this pilot; without it the code is shared by every pilot.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string | null;
}

@InputType({ description: 'Corrects an own code, with the version you read and a reason (the scope stays).' })
export class UpdateOwnCodeInput extends VersionedCorrectionInput {
  @Field({ nullable: true, description: 'A new name.' })
  @IsOptional()
  @trimmed()
  @IsString()
  @IsNotEmpty({ message: 'name must not be blank' })
  @MaxLength(OWN_CODE_NAME_MAX)
  name?: string;

  @Field({ nullable: true, description: 'A new description.' })
  @IsOptional()
  @IsString()
  @MaxLength(OWN_CODE_DESCRIPTION_MAX)
  description?: string;

  @Field({ nullable: true, description: 'A new colour, as #RRGGBB.' })
  @IsOptional()
  @upper()
  @Matches(COLOUR, { message: COLOUR_MESSAGE })
  colour?: string;

  @Field(() => CodeDimension, { nullable: true, description: 'A new framework dimension to sit under (clears parentId).' })
  @IsOptional()
  @IsEnum(CodeDimension)
  parentDimension?: CodeDimension | null;

  @Field(() => ID, { nullable: true, description: 'A new parent code (clears parentDimension).' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @Field({ nullable: true, description: 'True: no parent at all.' })
  @IsOptional()
  @IsBoolean()
  topLevel?: boolean;
}

@InputType({ description: 'Retires an own code, with a reason: no new codings; existing ones stay and count.' })
export class RetireOwnCodeInput extends CorrectionInput {}

@InputType({ description: 'Merges one own code into another, with a reason: its codings move there and it is retired.' })
export class MergeOwnCodesInput extends CorrectionInput {
  @Field(() => ID, { description: 'The code its codings move to (shared, or of the same pilot).' })
  @IsUUID('all')
  intoId: string;
}

@InputType({ description: 'Which own codes to list.' })
export class OwnCodeFilter {
  @Field(() => ID, { nullable: true, description: 'The codes usable in this pilot: the shared ones and its own.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field({ defaultValue: false, description: 'Also retired and merged codes.' })
  @IsBoolean()
  includeRetired: boolean;
}

@ArgsType()
export class OwnCodesArgs {
  @Field(() => OwnCodeFilter, { nullable: true, description: 'Default: every live code you may see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnCodeFilter)
  filter?: OwnCodeFilter;
}
