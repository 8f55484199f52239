import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { PilotEntity } from '../pilot/pilot.entity';
import { PilotLoaders } from '../pilot/pilot.loaders';
import { UserEntity } from '../user/user.entity';
import { UserLoaders } from '../user/user.loaders';
import { MethodFacts } from './dto/method-facts';
import {
  AddReportAuthorInput,
  AddReportFindingInput,
  EvaluationReportsArgs,
  RenameEvaluationReportInput,
  SetReportStatusInput,
  StartEvaluationReportInput,
  UpdateReportFindingInput,
  WithdrawReportFindingInput,
  WriteReportSectionInput,
} from './dto/report.input';
import { EvaluationReportEntity, ReportFindingEntity, ReportSectionEntity } from './report.entity';
import { REPORT_SECTIONS } from './report.enums';
import { ReportLoaders } from './report.loaders';
import { ReportService } from './report.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class EvaluationReportConnection extends Connection(EvaluationReportEntity, 'EvaluationReport') {}

const HEADINGS = new Map(REPORT_SECTIONS.map((s) => [s.kind, s]));

@Resolver(() => EvaluationReportEntity)
export class ReportResolver {
  constructor(
    private readonly service: ReportService,
    private readonly loaders: ReportLoaders,
    private readonly pilotLoaders: PilotLoaders,
    private readonly userLoaders: UserLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Allow('observations.read')
  @Query(() => EvaluationReportConnection, {
    description: 'Evaluation report versions, newest first: admins and analysts see all, researchers those of the pilots they follow.',
  })
  evaluationReports(@CurrentUser() actor: AuthUser, @Args() args: EvaluationReportsArgs) {
    return this.service.list(actor, args);
  }

  @Allow('observations.read')
  @Query(() => EvaluationReportEntity, {
    description: 'One version of an evaluation report, to assemble with its sections, findings and evidence in one query (NOT_FOUND if you may not see it).',
  })
  evaluationReport(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.service.get(actor, id);
  }

  @Allow('observations.write')
  @Mutation(() => EvaluationReportEntity, {
    description: 'Starts a new version of a pilot’s evaluation report (admins and researchers following the pilot); CONFLICT while another version is open.',
  })
  startEvaluationReport(@CurrentUser() actor: AuthUser, @Args('input') input: StartEvaluationReportInput) {
    return this.service.start(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => EvaluationReportEntity, { description: 'Renames an open version (its authors and admins).' })
  renameEvaluationReport(@CurrentUser() actor: AuthUser, @Args('input') input: RenameEvaluationReportInput) {
    return this.service.rename(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => EvaluationReportEntity, { description: 'Writes the text of a section of an open version (its authors and admins).' })
  writeReportSection(@CurrentUser() actor: AuthUser, @Args('input') input: WriteReportSectionInput) {
    return this.service.writeSection(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ReportFindingEntity, { description: 'Adds a finding at the end of a section of an open version.' })
  addReportFinding(@CurrentUser() actor: AuthUser, @Args('input') input: AddReportFindingInput) {
    return this.service.addFinding(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ReportFindingEntity, { description: 'Changes a finding’s words or place, with a reason.' })
  updateReportFinding(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateReportFindingInput) {
    return this.service.updateFinding(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => ReportFindingEntity, { description: 'Takes a finding out of an open version, with a reason.' })
  withdrawReportFinding(@CurrentUser() actor: AuthUser, @Args('input') input: WithdrawReportFindingInput) {
    return this.service.withdrawFinding(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => EvaluationReportEntity, { description: 'Adds a co-author (a researcher following the pilot) to an open version.' })
  addReportAuthor(@CurrentUser() actor: AuthUser, @Args('input') input: AddReportAuthorInput) {
    return this.service.addAuthor(actor, input);
  }

  @Allow('observations.write')
  @Mutation(() => EvaluationReportEntity, {
    description: 'Moves a version on (draft → in review → final, or back to draft); a version becoming final supersedes the pilot’s previous final one.',
  })
  setEvaluationReportStatus(@CurrentUser() actor: AuthUser, @Args('input') input: SetReportStatusInput) {
    return this.service.setStatus(actor, input);
  }

  @ResolveField(() => PilotEntity, { nullable: true, description: 'The pilot.' })
  pilot(r: EvaluationReportEntity, _args: unknown, ctx: GqlContext) {
    return this.pilotLoaders.byId(ctx).load(r.pilotId);
  }

  @ResolveField(() => [UserEntity], { description: 'Its authors, in the order they joined.' })
  async authors(r: EvaluationReportEntity, _args: unknown, ctx: GqlContext) {
    const links = await this.loaders.authorIds(ctx).load(r.id);
    return (await this.userLoaders.byId(ctx).loadMany(links.map((a) => a.userId))).filter((u) => u && !(u instanceof Error));
  }

  @ResolveField(() => [ReportSectionEntity], { description: 'Its sections in reading order.' })
  sections(r: EvaluationReportEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.sections(ctx).load(r.id);
  }

  @ResolveField(() => MethodFacts, { description: 'The data the evaluation rests on, counted within what you may see.' })
  methodFacts(r: EvaluationReportEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.methodFacts(ctx).load(r.pilotId);
  }

  @ResolveField(() => EvaluationReportEntity, { nullable: true, description: 'The final version this one started from.' })
  basedOn(r: EvaluationReportEntity, _args: unknown, ctx: GqlContext) {
    return r.basedOnId ? this.loaders.reportById(ctx).load(r.basedOnId) : null;
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Every change to this version, oldest first: who, when, why.' })
  history(r: EvaluationReportEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.EVALUATION_REPORT).load(r.id);
  }
}

@Resolver(() => ReportSectionEntity)
export class ReportSectionResolver {
  constructor(private readonly loaders: ReportLoaders) {}

  @ResolveField(() => String, { description: 'Its heading in Swedish.' })
  heading(s: ReportSectionEntity) {
    return HEADINGS.get(s.kind)!.sv;
  }

  @ResolveField(() => String, { description: 'Its heading in English.' })
  headingEn(s: ReportSectionEntity) {
    return HEADINGS.get(s.kind)!.en;
  }

  @ResolveField(() => [ReportFindingEntity], { description: 'Its findings in order.' })
  findings(s: ReportSectionEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.findings(ctx).load(`${s.reportId}:${s.kind}`);
  }
}

@Resolver(() => ReportFindingEntity)
export class ReportFindingResolver {
  constructor(private readonly loaders: ReportLoaders) {}

  @ResolveField(() => IdeaEntity, { nullable: true, description: 'The idea-bank entry it presents (null if none, or you may not see it).' })
  idea(f: ReportFindingEntity, _args: unknown, ctx: GqlContext) {
    return f.ideaId ? this.loaders.ideaById(ctx).load(f.ideaId) : null;
  }

  @ResolveField(() => ObstacleEntity, { nullable: true, description: 'The obstacle it is about (null if none, or you may not see it).' })
  obstacle(f: ReportFindingEntity, _args: unknown, ctx: GqlContext) {
    return f.obstacleId ? this.loaders.obstacleById(ctx).load(f.obstacleId) : null;
  }

  @ResolveField(() => EffectEntity, { nullable: true, description: 'The effect it is about (null if none, or you may not see it).' })
  effect(f: ReportFindingEntity, _args: unknown, ctx: GqlContext) {
    return f.effectId ? this.loaders.effectById(ctx).load(f.effectId) : null;
  }
}
