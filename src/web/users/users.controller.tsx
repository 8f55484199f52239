import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role.enum';
import { DomainError } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { validInput } from '../../common/validation/input-validation.pipe';
import { Allow } from '../../modules/access/permissions';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { AccountService } from '../../modules/user/account.service';
import { InviteUserInput, IssuePasswordLinkInput } from '../../modules/user/dto/account.input';
import { UpdateUserInput } from '../../modules/user/dto/update-user.input';
import { UsersArgs } from '../../modules/user/dto/users.args';
import type { UserEntity } from '../../modules/user/user.entity';
import { UserService } from '../../modules/user/user.service';
import { html } from '../layout';
import { text } from '../messages';
import { PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { formErrors } from '../form-errors';
import { seeOther, sendPage } from '../respond';
import { CsrfGuard } from '../session/csrf';
import { InviteValues, LinkShown, userPath, UserPage, UserRow, UsersPage, UsersView } from './user-pages';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVITE_FIELDS = ['email', 'displayName', 'role', 'organisationId'] as const;

/** Accounts for admins: the list, invitations with a one-time link, new links, deactivation. */
@Controller(PATHS.users)
@UseGuards(CsrfGuard)
export class UsersController {
  constructor(
    private readonly pages: PageContexts,
    private readonly users: UserService,
    private readonly accounts: AccountService,
    private readonly organisations: OrganisationService,
  ) {}

  @Allow('users.manage')
  @Get()
  async list(@Req() req: AppRequest, @CurrentUser() actor: AuthUser, @Query('q') q: unknown, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.users);
    await this.sendList(res, HttpStatus.OK, c, actor, str(q), { email: '', displayName: '', role: Role.ORG_REPORTER, organisationId: '' }, {});
  }

  @Allow('users.manage')
  @Post()
  async invite(@Req() req: AppRequest, @CurrentUser() actor: AuthUser, @Body() form: Form, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.users);
    const values = Object.fromEntries(INVITE_FIELDS.map((k) => [k, str(form[k])])) as InviteValues;
    const formId = UUID.test(str(form.formId)) ? str(form.formId) : randomUUID();
    try {
      const input = await validInput(InviteUserInput, { ...values, organisationId: values.organisationId || null, clientId: formId });
      const link = await this.accounts.invite(actor, input);
      sendPage(
        res,
        HttpStatus.CREATED,
        html(<LinkShown c={c} name={link.user.displayName} url={link.url} expiresAt={link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} />),
      );
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'BAD_USER_INPUT' && e.code !== 'CONFLICT')) throw e;
      await this.sendList(res, HttpStatus.BAD_REQUEST, c, actor, '', values, formErrors<keyof InviteValues>(e, INVITE_FIELDS), formId);
    }
  }

  @Allow('users.manage')
  @Get(':id')
  async user(@Req() req: AppRequest, @Param('id', new ParseUUIDPipe()) id: string, @Query('klart') done: unknown, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.users);
    const message = done === 'stangd' ? text(c.lang, 'users.done.deactivated') : done === 'aktiv' ? text(c.lang, 'users.done.activated') : undefined;
    await this.sendUser(res, HttpStatus.OK, c, await this.users.get(id), {}, message);
  }

  @Allow('users.manage')
  @Post(':id/losenordslank')
  async passwordLink(
    @Req() req: AppRequest,
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.users);
    const reason = str(form.reason) || text(c.lang, 'users.newLink.reason');
    try {
      const link = await this.accounts.passwordLink(actor, await validInput(IssuePasswordLinkInput, { userId: id, reason }));
      sendPage(
        res,
        HttpStatus.CREATED,
        html(<LinkShown c={c} name={link.user.displayName} url={link.url} expiresAt={link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} />),
      );
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
      await this.sendUser(res, HttpStatus.BAD_REQUEST, c, await this.users.get(id), { form: e.message });
    }
  }

  @Allow('users.manage')
  @Post(':id/stang-av')
  deactivate(@Req() req: AppRequest, @CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: Form, @Res() res: Response) {
    return this.setActive(req, actor, id, false, form, res);
  }

  @Allow('users.manage')
  @Post(':id/aktivera')
  activate(@Req() req: AppRequest, @CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: Form, @Res() res: Response) {
    return this.setActive(req, actor, id, true, form, res);
  }

  private async setActive(req: AppRequest, actor: AuthUser, id: string, active: boolean, form: Form, res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.users);
    const reason = str(form.activeReason);
    if (!reason) return this.sendUser(res, HttpStatus.BAD_REQUEST, c, await this.users.get(id), { reason: text(c.lang, 'users.error.reason') });
    await this.users.update(actor, await validInput(UpdateUserInput, { id, active, reason }));
    seeOther(res, `${userPath(id)}?klart=${active ? 'aktiv' : 'stangd'}`);
  }

  private async rows(actor: AuthUser, users: UserEntity[]): Promise<UserRow[]> {
    const orgs = await this.organisations.visibleByIds(actor, [...new Set(users.map((u) => u.organisationId).filter((o): o is string => !!o))]);
    const name = new Map(orgs.map((o) => [o.id, o.name]));
    return users.map((u) => ({
      id: u.id,
      name: u.displayName,
      email: u.email,
      role: u.role,
      organisation: u.organisationId ? (name.get(u.organisationId) ?? '') : '',
      active: u.active,
    }));
  }

  private async sendList(
    res: Response,
    status: number,
    c: PageContext,
    actor: AuthUser,
    search: string,
    values: InviteValues,
    errors: UsersView['errors'],
    formId: string = randomUUID(),
  ) {
    const page = await this.users.list(await validInput(UsersArgs, { first: 100, filter: search ? { text: search } : undefined }, 'args'));
    const organisations = (await this.organisations.visibleNames(actor)).map((o) => ({ id: o.id, name: o.name }));
    const view: UsersView = {
      c,
      users: await this.rows(
        actor,
        page.edges.map((e) => e.node),
      ),
      search,
      organisations,
      formId,
      values,
      errors,
    };
    sendPage(res, status, html(<UsersPage v={view} />));
  }

  private async sendUser(res: Response, status: number, c: PageContext, user: UserEntity, errors: Record<string, string>, done?: string) {
    const [row] = await this.rows(c.user, [user]);
    sendPage(res, status, html(<UserPage v={{ c, user: row, errors, done }} />));
  }
}
