import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { RemoveByIdInput } from '../../common/corrections/correction.input';
import type { GqlContext } from '../../common/graphql/gql-context';
import { Allow } from '../access/permissions';
import { AuditEntryEntity } from '../audit/audit.entity';
import { AuditEntity } from '../audit/audit.enums';
import { AuditLoaders } from '../audit/audit.loaders';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { ReportStaffSizeInput, UpdateStaffSizeInput } from './dto/staff-size.input';
import { StaffSizeEntity } from './staff-size.entity';
import { StaffSizeLoaders } from './staff-size.loaders';
import { StaffSizeService } from './staff-size.service';

@Resolver(() => StaffSizeEntity)
export class StaffSizeResolver {
  constructor(
    private readonly service: StaffSizeService,
    private readonly organisationLoaders: OrganisationLoaders,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  @Allow('reports.write')
  @Mutation(() => StaffSizeEntity, {
    description: "Reports an organisation's staff (full-time equivalents, headcount) for a period. Scoped like burden reports.",
  })
  reportStaffSize(@CurrentUser() actor: AuthUser, @Args('input') input: ReportStaffSizeInput) {
    return this.service.report(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => StaffSizeEntity, { description: 'Corrects a staff size, with the version you read and a reason.' })
  updateStaffSize(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateStaffSizeInput) {
    return this.service.update(actor, input);
  }

  @Allow('reports.write')
  @Mutation(() => ID, { description: 'Removes a staff size reported by mistake, with a reason; returns its id.' })
  removeStaffSize(@CurrentUser() actor: AuthUser, @Args('input') input: RemoveByIdInput) {
    return this.service.remove(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The organisation (usually a unit) whose staff it is.' })
  organisation(s: StaffSizeEntity, _args: unknown, ctx: GqlContext) {
    return this.organisationLoaders.byId(ctx).load(s.organisationId);
  }

  @ResolveField(() => [AuditEntryEntity], { description: 'Its report and every correction, oldest first.' })
  history(s: StaffSizeEntity, _args: unknown, ctx: GqlContext) {
    return this.auditLoaders.history(ctx, AuditEntity.STAFF_SIZE).load(s.id);
  }
}

@Resolver(() => OrganisationEntity)
export class OrganisationStaffSizeResolver {
  constructor(private readonly loaders: StaffSizeLoaders) {}

  @ResolveField(() => [StaffSizeEntity], { description: 'Its staff over time, oldest first (for those who may read its reports).' })
  staffSizes(o: OrganisationEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.byOrganisation(ctx).load(o.id);
  }
}
