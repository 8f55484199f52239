import { Args, Context, Float, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { SurveyWaveEntity } from '../survey/survey-wave.entity';
import { SurveyLoaders } from '../survey/survey.loaders';
import { CreateSurveyLinkInput, RevokeSurveyLinkInput, SetSurveyLinkInvitedInput } from './dto/survey-link.input';
import { SurveyLinkEntity } from './survey-link.entity';
import { SurveyLinkService } from './survey-link.service';

@Resolver(() => SurveyLinkEntity)
export class SurveyLinkResolver {
  constructor(
    private readonly links: SurveyLinkService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly surveyLoaders: SurveyLoaders,
  ) {}

  @Allow('surveys.submit')
  @Mutation(() => SurveyLinkEntity, {
    description: 'Makes a link for the staff of one unit to answer a wave anonymously (admins; org reporters for their own units).',
  })
  createSurveyLink(@CurrentUser() actor: AuthUser, @Args('input') input: CreateSurveyLinkInput) {
    return this.links.create(actor, input);
  }

  @Allow('surveys.submit')
  @Mutation(() => SurveyLinkEntity, { description: 'Records how many staff a link was sent to, with a reason.' })
  setSurveyLinkInvited(@CurrentUser() actor: AuthUser, @Args('input') input: SetSurveyLinkInvitedInput) {
    return this.links.setInvited(actor, input);
  }

  @Allow('surveys.submit')
  @Mutation(() => SurveyLinkEntity, { description: 'Stops a link working, with a reason; the responses that came through it stay.' })
  revokeSurveyLink(@CurrentUser() actor: AuthUser, @Args('input') input: RevokeSurveyLinkInput) {
    return this.links.revoke(actor, input);
  }

  @ResolveField(() => String, { description: 'The address to send to staff: it opens the survey, on any phone, without an account.' })
  url(link: SurveyLinkEntity) {
    return this.links.url(link);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The unit whose staff answer through it.' })
  unit(link: SurveyLinkEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(link.unitId);
  }

  @ResolveField(() => SurveyWaveEntity, { nullable: true, description: 'The wave it answers.' })
  wave(link: SurveyLinkEntity, _args: unknown, ctx: GqlContext) {
    return this.surveyLoaders.waveById(ctx).load(link.waveId);
  }

  @ResolveField(() => Int, { description: 'Responses that came through it (withdrawn batches left out).' })
  responseCount(link: SurveyLinkEntity, _args: unknown, ctx: GqlContext) {
    return this.counts(ctx).load(link.id);
  }

  @ResolveField(() => Float, { nullable: true, description: 'responseCount ÷ invited; null while invited is not known (or 0).' })
  async responseRate(link: SurveyLinkEntity, _args: unknown, ctx: GqlContext) {
    return link.invited ? (await this.counts(ctx).load(link.id)) / link.invited : null;
  }

  private counts(ctx: GqlContext) {
    return requestLoader<string, number>(ctx, 'surveyLink.responseCount', async (ids) => {
      const counts = await this.links.responseCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }
}

@Resolver(() => SurveyWaveEntity)
export class SurveyWaveLinksResolver {
  constructor(private readonly service: SurveyLinkService) {}

  @ResolveField(() => Int, { nullable: true, description: 'Staff invited through its links, where the links say how many; null when none does.' })
  async invited(wave: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    return (await this.invitations(ctx).load(wave.id))?.invited ?? null;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Responses through links whose invited count is known ÷ staff invited through them; null when unknown or fewer than MIN_GROUP_SIZE were invited.',
  })
  async responseRate(wave: SurveyWaveEntity, _args: unknown, ctx: GqlContext) {
    const i = await this.invitations(ctx).load(wave.id);
    return i && this.service.rateShown(i.invited) ? i.responses / i.invited : null;
  }

  private invitations(ctx: GqlContext) {
    return requestLoader<string, { invited: number; responses: number } | null>(ctx, 'surveyLink.invitations', async (ids) => {
      const byWave = await this.service.invitations(ids);
      return ids.map((id) => byWave.get(id) ?? null);
    });
  }

  @ResolveField(() => [SurveyLinkEntity], {
    description: 'Its survey links, oldest first: for admins, and org reporters for their own units; empty for others.',
  })
  links(@Parent() wave: SurveyWaveEntity, @Context() ctx: GqlContext, @CurrentUser() actor: AuthUser) {
    return requestLoader<string, SurveyLinkEntity[]>(ctx, 'surveyLink.byWave', async (ids) =>
      manyByKey(ids, await this.service.forWaves(actor, ids), (l) => l.waveId),
    ).load(wave.id);
  }
}
