import { Args, Field, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import {
  CloseSurveyWaveInput,
  CorrectSurveyBatchInput,
  CreateSurveyInstrumentInput,
  DeleteSurveyWaveInput,
  OpenSurveyWaveInput,
  ReopenSurveyWaveInput,
  SubmitSurveyResponsesInput,
  SurveyWavesArgs,
} from './dto/survey.input';
import { SurveyWaveService } from './survey-wave.service';
import { SurveyBatchEntity } from './survey-batch.entity';
import { SurveyInstrumentEntity, SurveyItemEntity } from './survey-instrument.entity';
import { SurveyWaveEntity } from './survey-wave.entity';
import { SurveyLoaders } from './survey.loaders';
import { SurveyService } from './survey.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class SurveyWaveConnection extends Connection(SurveyWaveEntity, 'SurveyWave') {}

@ObjectType({ description: 'What a submission did. A retried batch stores nothing twice: those count as duplicates.' })
export class SubmitSurveyResponsesPayload {
  @Field(() => Int, { description: 'Responses in the submission.' }) received: number;
  @Field(() => Int, { description: 'Responses stored now.' }) stored: number;
  @Field(() => Int, { description: 'Responses not stored because this wave already had them (their clientId, or the whole batch).' }) duplicates: number;
  @Field(() => ID, { nullable: true, description: 'The batch holding them (the earlier one when alreadySubmitted); null when nothing was new.' })
  batchId: string | null;
  @Field({ description: 'The same batch (its clientId, the Idempotency-Key, or the same file) was submitted before: nothing was stored again.' })
  alreadySubmitted: boolean;
}

@Resolver(() => SurveyInstrumentEntity)
export class SurveyInstrumentResolver {
  constructor(
    private readonly surveyService: SurveyService,
    private readonly loaders: SurveyLoaders,
  ) {}

  @Query(() => [SurveyInstrumentEntity], { description: 'Every instrument and version, by name and version.' })
  surveyInstruments() {
    return this.surveyService.listInstruments();
  }

  @Allow('surveys.design')
  @Mutation(() => SurveyInstrumentEntity, { description: 'A new instrument; with an existing name, its next version.' })
  createSurveyInstrument(@CurrentUser() actor: AuthUser, @Args('input') input: CreateSurveyInstrumentInput) {
    return this.surveyService.createInstrument(actor, input);
  }

  @ResolveField(() => [SurveyItemEntity], { description: 'In answer order.' })
  items(si: SurveyInstrumentEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.items(ctx).load(si.id);
  }
}

@Resolver(() => SurveyWaveEntity)
export class SurveyWaveResolver {
  constructor(
    private readonly surveyService: SurveyService,
    private readonly waves: SurveyWaveService,
    private readonly loaders: SurveyLoaders,
    private readonly pilotLoaders: PilotLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Query(() => SurveyWaveConnection, { description: 'By opening date. Org reporters see the waves that target their units.' })
  surveyWaves(@CurrentUser() actor: AuthUser, @Args() args: SurveyWavesArgs) {
    return this.waves.list(actor, args);
  }

  @Allow('surveys.schedule')
  @Mutation(() => SurveyWaveEntity, {
    description:
      'For admins, the researchers following the pilot, and org reporters for waves of their own units only. The same label, pilot and a shared unit in overlapping dates as another wave is CONFLICT.',
  })
  openSurveyWave(@CurrentUser() actor: AuthUser, @Args('input') input: OpenSurveyWaveInput) {
    return this.waves.open(actor, input);
  }

  @Allow('surveys.schedule')
  @Mutation(() => SurveyWaveEntity, { description: 'Stops the wave taking responses now, before closesOn, with a reason.' })
  closeSurveyWave(@CurrentUser() actor: AuthUser, @Args('input') input: CloseSurveyWaveInput) {
    return this.waves.close(actor, input);
  }

  @Allow('surveys.schedule')
  @Mutation(() => SurveyWaveEntity, { description: 'Lets a closed wave take responses again (until closesOn, which may be moved), with a reason.' })
  reopenSurveyWave(@CurrentUser() actor: AuthUser, @Args('input') input: ReopenSurveyWaveInput) {
    return this.waves.reopen(actor, input);
  }

  @Allow('surveys.design')
  @Mutation(() => ID, {
    description:
      'Deletes a wave no response has reached, with a reason (kept in the audit trail); returns its id. A wave with responses is CONFLICT: close it.',
  })
  deleteSurveyWave(@CurrentUser() actor: AuthUser, @Args('input') input: DeleteSurveyWaveInput) {
    return this.waves.delete(actor, input);
  }

  @Allow('surveys.submit')
  @Mutation(() => SubmitSurveyResponsesPayload, { description: 'Up to 10,000 anonymous responses, all or none; every bad row is listed.' })
  submitSurveyResponses(@CurrentUser() actor: AuthUser, @Args('input') input: SubmitSurveyResponsesInput) {
    return this.surveyService.submit(actor, input);
  }

  @ResolveField(() => PilotEntity, { description: 'The pilot whose staff answer it.' })
  pilot(w: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    return this.pilotLoaders.byId(ctx).load(w.pilotId);
  }

  @ResolveField(() => SurveyInstrumentEntity, { description: 'The instrument (a fixed version) it uses.' })
  instrument(w: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.instrumentById(ctx).load(w.instrumentId);
  }

  @ResolveField(() => [OrganisationEntity], { description: 'The units whose staff answer.' })
  units(w: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.linkedThrough(ctx, 'survey_wave_unit', 'wave_id').load(w.id);
  }

  @ResolveField(() => Int, { description: 'Responses received so far (withdrawn batches not counted).' })
  responseCount(w: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.responseCount(ctx).load(w.id);
  }

  @ResolveField(() => [SurveyBatchEntity], { description: 'The submissions that brought its responses, newest first: admins see all, others their own.' })
  batches(w: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.batches(ctx).load(w.id);
  }

  @Allow('surveys.correct')
  @Mutation(() => SurveyBatchEntity, { description: 'Withdraws a whole batch of responses, with a reason: it leaves every result and count at once.' })
  withdrawSurveyBatch(@CurrentUser() actor: AuthUser, @Args('input') input: CorrectSurveyBatchInput) {
    return this.surveyService.withdrawBatch(actor, input);
  }

  @Allow('surveys.correct')
  @Mutation(() => SurveyBatchEntity, { description: 'Brings a withdrawn batch back, with a reason.' })
  restoreSurveyBatch(@CurrentUser() actor: AuthUser, @Args('input') input: CorrectSurveyBatchInput) {
    return this.surveyService.restoreBatch(actor, input);
  }
}
