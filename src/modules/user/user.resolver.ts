import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { GqlContext } from '../../common/graphql/gql-context';
import { IdArgs } from '../../common/graphql/id.args';
import { Connection, PAGE_DESCRIPTION } from '../../common/pagination/connection';
import { mayReadEmail } from '../access/access.rules';
import { Allow } from '../access/permissions';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationLoaders } from '../organisation/organisation.loaders';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateUserInput } from './dto/update-user.input';
import { UsersArgs } from './dto/users.args';
import { UserEntity } from './user.entity';
import { UserService } from './user.service';
import { AccountService } from './account.service';
import { ChangePasswordInput, IssuePasswordLinkInput, InviteUserInput, PasswordLink } from './dto/account.input';
import { pageSession } from '../../common/auth/page-session';

@ObjectType({ description: PAGE_DESCRIPTION })
export class UserConnection extends Connection(UserEntity, 'User') {}

@Resolver(() => UserEntity)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly accounts: AccountService,
    private readonly organisationLoaders: OrganisationLoaders,
  ) {}

  @Query(() => UserEntity, { description: 'The caller.' })
  me(@CurrentUser() actor: AuthUser) {
    return this.userService.get(actor.id);
  }

  @Allow('users.manage')
  @Query(() => UserConnection, { description: 'Users, by name (admins).' })
  users(@Args() args: UsersArgs) {
    return this.userService.list(args);
  }

  @Allow('users.manage')
  @Query(() => UserEntity, { description: 'One user by id (admins).' })
  user(@Args() { id }: IdArgs) {
    return this.userService.get(id);
  }

  @Allow('users.manage')
  @Mutation(() => UserEntity, { description: 'Creates an account (admins).' })
  createUser(@CurrentUser() actor: AuthUser, @Args('input') input: CreateUserInput) {
    return this.userService.create(actor, input);
  }

  @Allow('users.manage')
  @Mutation(() => UserEntity, { description: 'Corrects or deactivates an account, with a reason (admins).' })
  updateUser(@CurrentUser() actor: AuthUser, @Args('input') input: UpdateUserInput) {
    return this.userService.update(actor, input);
  }

  @Allow('users.manage')
  @Mutation(() => PasswordLink, {
    description:
      'Creates an account whose owner sets their own password through the one-time link returned (admins); a retry with the same clientId gives a fresh link.',
  })
  inviteUser(@CurrentUser() actor: AuthUser, @Args('input') input: InviteUserInput) {
    return this.accounts.invite(actor, input);
  }

  @Allow('users.manage')
  @Mutation(() => PasswordLink, {
    description:
      'A new one-time link for a user to set their password, e.g. a forgotten one (admins). Each call ends the earlier links, so a retried call leaves exactly one that works.',
  })
  issuePasswordLink(@CurrentUser() actor: AuthUser, @Args('input') input: IssuePasswordLinkInput) {
    return this.accounts.passwordLink(actor, input);
  }

  @Mutation(() => UserEntity, { description: 'Changes the caller’s own password; their other signed-in pages are signed out.' })
  changePassword(@CurrentUser() actor: AuthUser, @Args('input') input: ChangePasswordInput, @Context() ctx: GqlContext) {
    return this.accounts.changePassword(actor, input, pageSession(ctx.req)?.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to admins and to the user themself; null otherwise.' })
  email(@Parent() user: UserEntity, @CurrentUser() actor: AuthUser | undefined) {
    return mayReadEmail(actor, user.id) ? user.email : null;
  }

  @ResolveField(() => OrganisationEntity, { nullable: true, description: 'The organisation an ORG_REPORTER reports for.' })
  organisation(user: UserEntity, _args: unknown, ctx: GqlContext) {
    return user.organisationId ? this.organisationLoaders.byId(ctx).load(user.organisationId) : null;
  }
}
