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
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { SteeringLoaders } from '../steering/steering.loaders';
import { RecordSupervisionInteractionInput, SupervisionInteractionsArgs, UpdateSupervisionInteractionInput } from './dto/supervision.input';
import { SupervisionInteractionEntity } from './supervision.entity';
import { SupervisionLoaders } from './supervision.loaders';
import { SupervisionService } from './supervision.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class SupervisionInteractionConnection extends Connection(SupervisionInteractionEntity, 'SupervisionInteraction') {}

@Resolver(() => SupervisionInteractionEntity)
export class SupervisionResolver {
  constructor(
    private readonly service: SupervisionService,
    private readonly loaders: SupervisionLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly steeringLoaders: SteeringLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Allow('reports.read')
  @Query(() => SupervisionInteractionConnection, {
    description:
      'Supervisory contacts, latest first: admins and analysts see all, org reporters their own organisation’s and units’, researchers those of the organisations in the pilots they follow.',
  })
  supervisionInteractions(@CurrentUser() actor: AuthUser, @Args() args: SupervisionInteractionsArgs) {
    return this.service.list(actor, args);
  }

  @Allow('reports.read')
  @Query(() => SupervisionInteractionEntity, { description: 'One supervisory contact (NOT_FOUND if you may not see it).' })
  supervisionInteraction(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.service.get(actor, id);
  }

  @Allow('reports.write')
  @Mutation(() => SupervisionInteractionEntity, {
    description: 'Records a supervisory contact with an organisation (admins, its org reporters, the researchers of its pilots).',
  })
  recordSupervisionInteraction(@CurrentUser() actor: AuthUser, @Args('input') input: RecordSupervisionInteractionInput) {
    return this.service.record(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => SupervisionInteractionEntity, {
    description: 'Corrects a supervisory contact, with the version you read and a reason; earlier values stay in its history.',
  })
  updateSupervisionInteraction(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateSupervisionInteractionInput) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The supervised organisation.' })
  organisation(si: SupervisionInteractionEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(si.organisationId);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The supervisory agency.' })
  supervisor(si: SupervisionInteractionEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(si.supervisorId);
  }

  @ResolveField(() => SupervisionInteractionEntity, { nullable: true, description: 'Another contact that asked for the same data, if any.' })
  overlapsInteraction(si: SupervisionInteractionEntity, _args: unknown, ctx: GqlContext) {
    return si.overlapsInteractionId ? this.loaders.byId(ctx).load(si.overlapsInteractionId) : null;
  }

  @ResolveField(() => SteeringInstrumentEntity, { nullable: true, description: 'A steering instrument that asks for the same data, if any.' })
  overlapsInstrument(si: SupervisionInteractionEntity, _args: unknown, ctx: GqlContext) {
    return si.overlapsInstrumentId ? this.steeringLoaders.instrumentById(ctx).load(si.overlapsInstrumentId) : null;
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its recording and every correction, oldest first.' })
  history(si: SupervisionInteractionEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.SUPERVISION).load(si.id);
  }
}
