import { Args, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { Allow } from '../access/permissions';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationsArgs } from './dto/organisations.args';
import { UpdateOrganisationInput } from './dto/update-organisation.input';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationLoaders } from './organisation.loaders';
import { OrganisationService } from './organisation.service';

@ObjectType({ description: PAGE_DESCRIPTION })
export class OrganisationConnection extends Connection(OrganisationEntity, 'Organisation') {}

@Resolver(() => OrganisationEntity)
export class OrganisationResolver {
  constructor(
    private readonly organisationService: OrganisationService,
    private readonly loaders: OrganisationLoaders,
  ) {}

  @Query(() => OrganisationConnection, {
    description:
      'Organisations by name. Org reporters see their own subtree, the organisations above it, the organisations in their pilots and those steering them.',
  })
  organisations(@CurrentUser() actor: AuthUser, @Args() args: OrganisationsArgs) {
    return this.organisationService.list(actor, args);
  }

  @Query(() => OrganisationEntity, { description: 'One organisation by id, if you may see it; NOT_FOUND otherwise.' })
  organisation(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs) {
    return this.organisationService.get(actor, id);
  }

  @Allow('organisations.manage')
  @Mutation(() => OrganisationEntity, { description: 'Creates an organisation or a part of one (admins).' })
  createOrganisation(@CurrentUser() actor: AuthUser, @Args('input') input: CreateOrganisationInput) {
    return this.organisationService.create(actor, input);
  }

  @Allow('organisations.manage')
  @Mutation(() => OrganisationEntity, { description: 'Corrects an organisation, with a reason (admins).' })
  updateOrganisation(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateOrganisationInput) {
    return this.organisationService.update(actor, input);
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'Null for a root, or when outside your scope.' })
  parent(org: OrganisationEntity, _args: unknown, ctx: GqlContext) {
    return org.parentId ? this.loaders.byId(ctx).load(org.parentId) : null;
  }

  @ResolveField(() => [OrganisationEntity], { description: 'Direct children, by name.' })
  children(org: OrganisationEntity, _args: unknown, ctx: GqlContext) {
    return this.loaders.visibleChildren(ctx).load(org.id);
  }
}
