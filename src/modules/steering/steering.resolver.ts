import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import { CloseSteeringInstrumentInput, UpdateIndicatorInput, UpdateSteeringInstrumentInput } from './dto/correct-steering.input';
import { CreateSteeringInstrumentInput } from './dto/create-steering-instrument.input';
import { DefineIndicatorInput } from './dto/define-indicator.input';
import { IndicatorsArgs, SteeringInstrumentsArgs } from './dto/steering.args';
import { IndicatorEntity } from './indicator.entity';
import { SteeringInstrumentEntity } from './steering-instrument.entity';
import { SteeringLoaders } from './steering.loaders';
import { SteeringService } from './steering.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class SteeringInstrumentConnection extends Connection(SteeringInstrumentEntity, 'SteeringInstrument') {}
@ObjectType({ description: PAGE_DESCRIPTION })
export class IndicatorConnection extends Connection(IndicatorEntity, 'Indicator') {}

@Resolver(() => SteeringInstrumentEntity)
export class SteeringInstrumentResolver {
  constructor(
    private readonly steeringService: SteeringService,
    private readonly loaders: SteeringLoaders,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Query(() => SteeringInstrumentConnection, { description: 'Steering instruments by name.' })
  steeringInstruments(@Args() args: SteeringInstrumentsArgs) {
    return this.steeringService.listInstruments(args);
  }

  @Query(() => SteeringInstrumentEntity, { description: 'One steering instrument by id.' })
  steeringInstrument(@Args() { id }: IdArgs) {
    return this.steeringService.getInstrument(id);
  }

  @Allow('reports.write')
  @Mutation(() => SteeringInstrumentEntity, { description: 'Admins: any. Reporters and researchers: for organisations they report for.' })
  createSteeringInstrument(@CurrentUser() actor: AuthUser, @Args('input') input: CreateSteeringInstrumentInput) {
    return this.steeringService.createInstrument(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => SteeringInstrumentEntity, {
    description:
      'Corrects an instrument (its fields, the organisations it applies to), with the version you read and a reason. Admins, and those who report for every organisation it applies to.',
  })
  updateSteeringInstrument(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateSteeringInstrumentInput) {
    return this.steeringService.updateInstrument(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => SteeringInstrumentEntity, { description: "Ends an instrument's validity (validTo), with the version you read and a reason." })
  closeSteeringInstrument(@CurrentUser() actor: AuthUser, @Args('input') input: CloseSteeringInstrumentInput) {
    return this.steeringService.closeInstrument(actor, input);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its creation and every correction, oldest first: who, when, why, values before and after.' })
  history(si: SteeringInstrumentEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.STEERING_INSTRUMENT).load(si.id);
  }

  @ResolveField(() => OrganisationEntity, {
    nullable: true,
    description: 'Null when the caller may not see the organisation (an org reporter, for an instrument that does not apply to its organisation).',
  })
  imposedBy(si: SteeringInstrumentEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(si.imposedById);
  }

  @ResolveField(() => [OrganisationEntity], { description: 'The organisations it applies to (and, through them, their units).' })
  appliesTo(si: SteeringInstrumentEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.linkedThrough(ctx, 'steering_instrument_target', 'instrument_id').load(si.id);
  }

  @ResolveField(() => [IndicatorEntity], { description: 'Oldest first.' })
  indicators(si: SteeringInstrumentEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.indicatorsByInstrument(ctx).load(si.id);
  }
}

@Resolver(() => IndicatorEntity)
export class IndicatorResolver {
  constructor(
    private readonly steeringService: SteeringService,
    private readonly loaders: SteeringLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Query(() => IndicatorConnection, { description: 'Indicators by name.' })
  indicators(@Args() args: IndicatorsArgs) {
    return this.steeringService.listIndicators(args);
  }

  @Allow('reports.write')
  @Mutation(() => IndicatorEntity, {
    description: 'Defines an indicator of a steering instrument, for those who report for every organisation it applies to, and admins.',
  })
  defineIndicator(@CurrentUser() actor: AuthUser, @Args('input') input: DefineIndicatorInput) {
    return this.steeringService.defineIndicator(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => IndicatorEntity, {
    description:
      'Corrects or retires an indicator (retiredOn), with the version you read and a reason. Admins, and those who report for every organisation its instrument applies to.',
  })
  updateIndicator(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateIndicatorInput) {
    return this.steeringService.updateIndicator(actor, input);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its definition and every correction, oldest first: who, when, why, values before and after.' })
  history(i: IndicatorEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.INDICATOR).load(i.id);
  }

  @ResolveField(() => SteeringInstrumentEntity, { description: 'The instrument that requires it.' })
  instrument(i: IndicatorEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.instrumentById(ctx).load(i.instrumentId);
  }
}
