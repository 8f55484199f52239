import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CorrectionInput } from '../../../common/corrections/correction.input';
import { ClientIdField } from '../../client-request/retryable.input';

const INVITED_MAX = 100_000;

@InputType({ description: 'A link for the staff of one unit of a wave to answer it anonymously.' })
export class CreateSurveyLinkInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The wave.' })
  @IsUUID('all')
  waveId: string;

  @Field(() => ID, { description: 'One of the wave’s units that you report for.' })
  @IsUUID('all')
  unitId: string;

  @Field(() => Int, { nullable: true, description: 'How many staff you invite through it (for the response rate); can be set later.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INVITED_MAX)
  invited?: number | null;
}

@InputType({ description: 'Records how many staff were invited through a link, with a reason when it corrects an earlier number.' })
export class SetSurveyLinkInvitedInput extends CorrectionInput {
  @Field(() => Int, { nullable: true, description: 'Staff invited; null: not known.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INVITED_MAX)
  invited: number | null;
}

@InputType({ description: 'Stops a link working (e.g. it was shared too widely); its responses stay, withdrawable by batch.' })
export class RevokeSurveyLinkInput extends CorrectionInput {}
