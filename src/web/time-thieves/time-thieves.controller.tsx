import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { validInput } from '../../common/validation/input-validation.pipe';
import { Allow } from '../../modules/access/permissions';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { ReportTimeThiefInput, TimeThievesArgs, UpdateTimeThiefStatusInput } from '../../modules/time-thief/dto/time-thief.input';
import { TimeThiefService } from '../../modules/time-thief/time-thief.service';
import { html } from '../layout';
import { text } from '../messages';
import { ownOrganisation, PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { formErrors } from '../form-errors';
import { seeOther, sendPage } from '../respond';
import { CsrfGuard } from '../session/csrf';
import { ThiefErrors, thiefPath, ThiefPage, ThiefRow, ThievesPage, ThiefValues } from './time-thief-pages';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const today = () => new Date().toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A whole number typed into a form, or NaN (the input's own checks then name the field). */
const whole = (v: unknown): number => (/^\s*\d{1,9}\s*$/.test(str(v)) ? Number(str(v)) : NaN);

/**
 * Time thieves of an organisation on its pages: the list, a form for a new one, and each one's
 * status history with the next status. The same service and access rules as the API.
 */
@Controller(PATHS.timeThieves)
@UseGuards(CsrfGuard)
export class TimeThievesController {
  constructor(
    private readonly pages: PageContexts,
    private readonly thieves: TimeThiefService,
    private readonly organisations: OrganisationService,
  ) {}

  @Allow('reports.write')
  @Get()
  async list(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Query('klart') done: unknown, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.timeThieves);
    const message = done === '1' ? text(c.lang, 'thieves.done') : undefined;
    await this.sendList(res, HttpStatus.OK, c, user, { reportedOn: today() } as ThiefValues, {}, message);
  }

  @Allow('reports.write')
  @Post()
  async report(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Body() form: Form, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.timeThieves);
    const values = Object.fromEntries(
      ['organisationId', 'task', 'process', 'minutesPerWeek', 'staffAffected', 'proposedRemedy', 'reportedOn'].map((k) => [k, str(form[k])]),
    ) as ThiefValues;
    const formId = UUID.test(str(form.formId)) ? str(form.formId) : randomUUID();
    try {
      const input = await validInput(ReportTimeThiefInput, {
        clientId: formId,
        organisationId: values.organisationId,
        task: values.task,
        process: values.process,
        minutesPerWeek: whole(values.minutesPerWeek),
        staffAffected: whole(values.staffAffected),
        proposedRemedy: values.proposedRemedy,
        reportedOn: values.reportedOn,
      });
      await this.thieves.report(user, input);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
      return this.sendList(
        res,
        HttpStatus.BAD_REQUEST,
        c,
        user,
        values,
        formErrors<keyof ThiefValues>(e, Object.keys(values), () => text(c.lang, 'thieves.error.field')),
        undefined,
        formId,
      );
    }
    seeOther(res, `${PATHS.timeThieves}?klart=1`);
  }

  @Allow('reports.read')
  @Get(':id')
  async thief(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('klart') done: unknown,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.timeThieves);
    await this.sendThief(res, HttpStatus.OK, c, user, id, {}, done === '1' ? text(c.lang, 'thieves.statusDone') : undefined);
  }

  @Allow('reports.write')
  @Post(':id/status')
  async status(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: Form, @Res() res: Response) {
    const c = await this.pages.of(req, PATHS.timeThieves);
    try {
      const input = await validInput(UpdateTimeThiefStatusInput, {
        id,
        status: str(form.status),
        changedOn: str(form.changedOn),
        reason: str(form.reason) || null,
      });
      await this.thieves.updateStatus(user, input);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
      // The service's own message says which move is allowed, or that KEPT needs a reason.
      const errors = formErrors<'status' | 'changedOn' | 'reason'>(e, ['status', 'changedOn', 'reason'], () => text(c.lang, 'thieves.error.field'));
      if (!errors.form && e.fields.length === 0) errors.form = e.message;
      return this.sendThief(res, HttpStatus.BAD_REQUEST, c, user, id, { ...errors, form: errors.form ?? e.message });
    }
    seeOther(res, `${thiefPath(id)}?klart=1`);
  }

  private async sendList(
    res: Response,
    status: number,
    c: PageContext,
    user: AuthUser,
    values: ThiefValues,
    errors: ThiefErrors,
    done?: string,
    formId: string = randomUUID(),
  ) {
    const organisationId = ownOrganisation(user);
    const page = await this.thieves.list(user, await validInput(TimeThievesArgs, { first: 100, filter: { organisationId } }, 'args'));
    const units = await this.organisations.subtree(user, organisationId);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const rows: ThiefRow[] = page.edges.map(({ node: tt }) => ({
      id: tt.id,
      unit: unitName.get(tt.organisationId) ?? '',
      task: tt.task,
      minutesPerWeek: tt.minutesPerWeek,
      staffAffected: tt.staffAffected,
      status: tt.status,
      reportedOn: tt.reportedOn,
    }));
    const view = { c, thieves: rows, units: units.map((u) => ({ id: u.id, name: u.name })), formId, values, errors, done };
    sendPage(res, status, html(<ThievesPage v={view} />));
  }

  private async sendThief(
    res: Response,
    status: number,
    c: PageContext,
    user: AuthUser,
    id: string,
    errors: Record<string, string | undefined>,
    done?: string,
  ) {
    ownOrganisation(user);
    const { thief, history } = await this.thieves.withHistory(user, id);
    const [unit] = await this.organisations.visibleByIds(user, [thief.organisationId]);
    const view = {
      c,
      thief: {
        id: thief.id,
        unit: unit?.name ?? '',
        task: thief.task,
        process: thief.process,
        proposedRemedy: thief.proposedRemedy,
        minutesPerWeek: thief.minutesPerWeek,
        staffAffected: thief.staffAffected,
        status: thief.status,
        reportedOn: thief.reportedOn,
      },
      history: history.map((h) => ({ status: h.status, changedOn: h.changedOn, reason: h.reason })),
      errors,
      today: today(),
      done,
    };
    sendPage(res, status, html(<ThiefPage v={view} />));
  }
}
