import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { requestLoader } from '../../common/loaders/request-loader';
import { Allow } from '../access/permissions';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { ReportFindingEntity } from '../report/report.entity';
import { EvidenceItem } from './dto/evidence-item';
import { LinkEvidenceInput, UnlinkEvidenceInput } from './dto/evidence.input';
import { FindingKind } from './evidence.enums';
import { EvidenceService } from './evidence.service';

const EVIDENCE_DESCRIPTION = 'The evidence linked to it (linkEvidence), oldest link first; what you may not see shows as withheld.';

/** The `evidence` field of every kind of finding, batched per kind and request. */
function evidenceOf(service: EvidenceService, ctx: GqlContext, kind: FindingKind, id: string) {
  return requestLoader<string, EvidenceItem[]>(ctx, `evidence.${kind}`, (ids) => service.itemsFor(ctx.req.user!, kind, ids)).load(id);
}

@Resolver(() => EvidenceItem)
export class EvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @Allow('observations.write')
  @Mutation(() => EvidenceItem, { description: 'Ties a finding you may change to a piece of evidence you may see.' })
  linkEvidence(@CurrentUser() actor: AuthUser, @Args('input') input: LinkEvidenceInput) {
    return this.service.link(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => EvidenceItem, { description: 'Takes an evidence link back, with a reason; it stays in the audit trail.' })
  unlinkEvidence(@CurrentUser() actor: AuthUser, @Args('input') input: UnlinkEvidenceInput) {
    return this.service.unlink(actor, input);
  }
}

@Resolver(() => ObstacleEntity)
export class ObstacleEvidenceResolver {
  constructor(private readonly service: EvidenceService) {}
  @ResolveField(() => [EvidenceItem], { description: EVIDENCE_DESCRIPTION })
  evidenceLinks(f: ObstacleEntity, _args: unknown, ctx: GqlContext) {
    return evidenceOf(this.service, ctx, FindingKind.OBSTACLE, f.id);
  }
}

@Resolver(() => EffectEntity)
export class EffectEvidenceResolver {
  constructor(private readonly service: EvidenceService) {}
  @ResolveField(() => [EvidenceItem], { description: EVIDENCE_DESCRIPTION })
  evidenceLinks(f: EffectEntity, _args: unknown, ctx: GqlContext) {
    return evidenceOf(this.service, ctx, FindingKind.EFFECT, f.id);
  }
}

@Resolver(() => IdeaEntity)
export class IdeaEvidenceResolver {
  constructor(private readonly service: EvidenceService) {}
  @ResolveField(() => [EvidenceItem], { description: EVIDENCE_DESCRIPTION })
  evidenceLinks(f: IdeaEntity, _args: unknown, ctx: GqlContext) {
    return evidenceOf(this.service, ctx, FindingKind.IDEA, f.id);
  }
}

@Resolver(() => ReportFindingEntity)
export class ReportFindingEvidenceResolver {
  constructor(private readonly service: EvidenceService) {}
  @ResolveField(() => [EvidenceItem], { description: EVIDENCE_DESCRIPTION })
  evidenceLinks(f: ReportFindingEntity, _args: unknown, ctx: GqlContext) {
    return evidenceOf(this.service, ctx, FindingKind.REPORT_FINDING, f.id);
  }
}
