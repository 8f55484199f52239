import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { validInput } from '../../common/validation/input-validation.pipe';
import { Allow } from '../../modules/access/permissions';
import { OrganisationsArgs } from '../../modules/organisation/dto/organisations.args';
import { OrganisationKind } from '../../modules/organisation/organisation.enums';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { RecordSupervisionInteractionInput, SupervisionInteractionsArgs } from '../../modules/supervision/dto/supervision.input';
import { SupervisionCharacter, SupervisionKind } from '../../modules/supervision/supervision.enums';
import { SupervisionService } from '../../modules/supervision/supervision.service';
import { formErrors } from '../form-errors';
import { html } from '../layout';
import { text } from '../messages';
import { ownOrganisation, PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { decimal } from '../reporting/report-form';
import { seeOther, sendPage } from '../respond';
import { CsrfGuard } from '../session/csrf';
import { SUPERVISION_FIELDS, SupervisionErrors, SupervisionPage, SupervisionRow, SupervisionValues } from './supervision-pages';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const today = () => new Date().toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEARNING: Record<string, boolean | null> = { yes: true, no: false, '': null };

/**
 * Supervisory contacts of an organisation on its pages (issue 13 §4): the list and a form for a
 * new one. The same service and access rules as the API; a retried form is stored once.
 */
@Controller(PATHS.supervision)
@UseGuards(CsrfGuard)
export class SupervisionPagesController {
  constructor(
    private readonly pages: PageContexts,
    private readonly supervision: SupervisionService,
    private readonly organisations: OrganisationService,
  ) {}

  @Allow('reports.write')
  @Get()
  async list(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Query('klart') done: unknown, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.supervision);
    const blank = Object.fromEntries(SUPERVISION_FIELDS.map((k) => [k, ''])) as SupervisionValues;
    const values = { ...blank, occurredOn: today(), kind: SupervisionKind.INSPECTION, character: SupervisionCharacter.CONTROLLING };
    await this.send(res, HttpStatus.OK, c, user, values, {}, done === '1' ? text(c.lang, 'supervision.done') : undefined);
  }

  @Allow('reports.write')
  @Post()
  async record(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Body() form: Form, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.supervision);
    const values = Object.fromEntries(SUPERVISION_FIELDS.map((k) => [k, str(form[k])])) as SupervisionValues;
    const formId = UUID.test(str(form.formId)) ? str(form.formId) : randomUUID();
    try {
      const input = await validInput(RecordSupervisionInteractionInput, {
        clientId: formId,
        ...values,
        frequency: values.frequency || null,
        staffHours: decimal(values.staffHours),
        overlapsInteractionId: values.overlapsInteractionId || null,
        supportedLearning: values.supportedLearning in LEARNING ? LEARNING[values.supportedLearning] : 'invalid',
      });
      await this.supervision.record(user, input);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
      const errors = formErrors<keyof SupervisionValues>(e, [...SUPERVISION_FIELDS], () => text(c.lang, 'supervision.error.field'));
      return this.send(res, HttpStatus.BAD_REQUEST, c, user, values, errors, undefined, formId);
    }
    seeOther(res, `${PATHS.supervision}?klart=1`);
  }

  private async send(
    res: Response,
    status: number,
    c: PageContext,
    user: AuthUser,
    values: SupervisionValues,
    errors: SupervisionErrors,
    done?: string,
    formId: string = randomUUID(),
  ) {
    const organisationId = ownOrganisation(user);
    const [page, units, agencies] = await Promise.all([
      this.supervision.list(user, await validInput(SupervisionInteractionsArgs, { first: 100, filter: { organisationId } }, 'args')),
      this.organisations.subtree(user, organisationId),
      this.organisations.list(user, await validInput(OrganisationsArgs, { first: 100, filter: { kind: [OrganisationKind.SUPERVISORY_AGENCY] } }, 'args')),
    ]);
    const name = new Map([...units, ...agencies.edges.map((e) => e.node)].map((o) => [o.id, o.name]));
    const overlapping = new Set(page.edges.flatMap(({ node }) => (node.overlapsInteractionId ? [node.id, node.overlapsInteractionId] : [])));
    const rows: SupervisionRow[] = page.edges.map(({ node: si }) => ({
      id: si.id,
      occurredOn: si.occurredOn,
      unit: name.get(si.organisationId) ?? '',
      supervisor: name.get(si.supervisorId) ?? '',
      kind: si.kind,
      staffHours: si.staffHours,
      overlapping: overlapping.has(si.id) || !!si.overlapsInstrumentId,
    }));
    const view = {
      c,
      rows,
      units: units.map((u) => ({ id: u.id, name: u.name })),
      agencies: agencies.edges.map(({ node }) => ({ id: node.id, name: node.name })),
      formId,
      values,
      errors,
      done,
    };
    sendPage(res, status, html(<SupervisionPage v={view} />));
  }
}
