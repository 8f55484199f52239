import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CorrectionInput } from '../../../common/corrections/correction.input';
import { ClientIdField } from '../../client-request/retryable.input';
import { EvidenceKind, FindingKind } from '../evidence.enums';

@InputType({
  description:
    'Ties a finding (an obstacle, effect, idea or report finding you may change) to a piece of evidence you may see. For BURDEN_SERIES give the indicator as evidenceId, the unit as organisationId, or both.',
})
export class LinkEvidenceInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => FindingKind, { description: 'What the evidence supports.' })
  @IsEnum(FindingKind)
  findingKind: FindingKind;

  @Field(() => ID, { description: 'The obstacle, effect, idea or report finding.' })
  @IsUUID('all')
  findingId: string;

  @Field(() => EvidenceKind, { description: 'What the evidence is.' })
  @IsEnum(EvidenceKind)
  evidenceKind: EvidenceKind;

  @Field(() => ID, { nullable: true, description: 'The observation, segment, time thief, supervisory contact, wave, or (burden series) indicator.' })
  @IsOptional()
  @IsUUID('all')
  evidenceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For BURDEN_SERIES: the unit (organisation) whose series it is.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @Field({ defaultValue: '', description: 'Why it is evidence, in your words.' })
  @IsString()
  @MaxLength(5_000)
  note: string;
}

@InputType({ description: 'Takes an evidence link back, with a reason (it stays in the history).' })
export class UnlinkEvidenceInput extends CorrectionInput {}
