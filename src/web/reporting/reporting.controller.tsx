import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DomainError, notFound } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { AccessChecks } from '../../modules/access/access.checks';
import { Allow } from '../../modules/access/permissions';
import { BurdenService } from '../../modules/burden/burden.service';
import { ReportIndicatorBurdenInput } from '../../modules/burden/dto/report-indicator-burden.input';
import { validInput } from '../../common/validation/input-validation.pipe';
import { ObligationService } from '../../modules/obligation/obligation.service';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { SteeringService } from '../../modules/steering/steering.service';
import { html } from '../layout';
import { text } from '../messages';
import { ownOrganisation, PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { formErrors } from '../form-errors';
import { seeOther, sendPage } from '../respond';
import { CsrfGuard } from '../session/csrf';
import { emptyValues, parseReportForm, ReportErrors, reportPeriod, ReportValues, valuesOf } from './report-form';
import { ObligationRow, ReportForm, ReportFormView, reportHref, ReportingPage } from './reporting-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The periods the list shows: as asked (`from`, `to`), or the last twelve months. */
export interface ReportingRange {
  from: string;
  to: string;
}

const realDay = (v: unknown): v is string => typeof v === 'string' && DATE.test(v) && isoDay(new Date(`${v}T00:00:00Z`)) === v;

export function reportingRange(q: Record<string, unknown>): ReportingRange {
  if (realDay(q.from) && realDay(q.to) && q.from <= q.to) return { from: q.from, to: q.to };
  const today = new Date();
  return { from: isoDay(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()))), to: isoDay(today) };
}

/** Which period's form an address asks for: anything malformed is a page that does not exist. */
interface ReportKey {
  indicatorId: string;
  unitId: string;
  start: string;
  end: string;
  /** The list's periods, to go back to. */
  back: ReportingRange;
}

function reportKey(q: Record<string, unknown>): ReportKey {
  const { indicator, unit, start, end } = q;
  const ok = [indicator, unit].every((v) => typeof v === 'string' && UUID.test(v)) && [start, end].every((v) => typeof v === 'string' && DATE.test(v));
  if (!ok) throw notFound('Report form');
  return { indicatorId: indicator as string, unitId: unit as string, start: start as string, end: end as string, back: reportingRange(q) };
}

/**
 * The pages an organisation reports on: its units' reporting obligations (missing and late
 * periods first) and a form per period, through the same services and access rules as the API.
 */
@Controller(PATHS.reporting)
@UseGuards(CsrfGuard)
export class ReportingController {
  constructor(
    private readonly pages: PageContexts,
    private readonly obligations: ObligationService,
    private readonly organisations: OrganisationService,
    private readonly steering: SteeringService,
    private readonly burden: BurdenService,
    private readonly access: AccessChecks,
  ) {}

  @Allow('reports.write')
  @Get()
  async list(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const organisationId = ownOrganisation(user);
    const c = await this.pages.of(req, PATHS.reporting);
    const [organisation] = await this.organisations.visibleByIds(user, [organisationId]);
    const range = reportingRange(query);
    const rows = await this.obligationRows(user, organisationId, range);
    const done = typeof query.saved === 'string' ? rows.find((r) => `${r.indicatorId}/${r.periodStart}` === query.saved) : undefined;
    const message = done && text(c.lang, 'reporting.saved', { indicator: done.indicator, period: `${done.periodStart} – ${done.periodEnd}` });
    sendPage(res, HttpStatus.OK, html(<ReportingPage c={c} organisation={organisation.name} rows={rows} range={range} saved={message} />));
  }

  @Allow('reports.write')
  @Get('rapportera')
  async form(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const key = reportKey(query);
    const c = await this.pages.of(req, PATHS.reporting);
    const names = await this.names(user, key);
    const { current, previous } = await this.burden.startingPoint(user, { indicatorId: key.indicatorId, organisationId: key.unitId, periodStart: key.start });
    const known = current ?? previous;
    const values = known ? { ...valuesOf(known), reason: '' } : emptyValues();
    this.sendForm(res, HttpStatus.OK, c, key, names, {
      formId: randomUUID(),
      revision: current?.revision ?? null,
      withdrawnBecause: current?.withdrawReason ?? null,
      prefilled: !!known,
      values,
      errors: {},
    });
  }

  @Allow('reports.write')
  @Post('rapportera')
  async submit(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Body() form: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const key = reportKey(query);
    const c = await this.pages.of(req, PATHS.reporting);
    const names = await this.names(user, key);
    const period = reportPeriod(key.start, key.end);
    if (!period) throw notFound('Report form');
    const revision = typeof form.revision === 'string' && /^\d{1,9}$/.test(form.revision) ? Number(form.revision) : null;
    const formId = typeof form.formId === 'string' && UUID.test(form.formId) ? form.formId : randomUUID();
    const parsed = parseReportForm(form, c.lang, revision !== null);
    const again = (errors: ReportErrors, rev = revision, values: ReportValues = parsed.values) =>
      this.sendForm(res, HttpStatus.BAD_REQUEST, c, key, names, { formId, revision: rev, withdrawnBecause: null, prefilled: false, values, errors });
    if (!parsed.input) return again(parsed.errors);
    try {
      const input = await validInput(ReportIndicatorBurdenInput, {
        ...parsed.input,
        clientId: formId,
        indicatorId: key.indicatorId,
        organisationId: key.unitId,
        periodKind: period.kind,
        periodStart: period.start,
        periodEnd: period.end,
        expectedRevision: revision,
      });
      await this.burden.report(user, input);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'BAD_USER_INPUT' && e.code !== 'CONFLICT')) throw e;
      if (e.code === 'CONFLICT') {
        // Someone reported or corrected the period meanwhile: the form now corrects their revision.
        const { current } = await this.burden.startingPoint(user, { indicatorId: key.indicatorId, organisationId: key.unitId, periodStart: key.start });
        return again({ form: text(c.lang, 'report.error.changed') }, current?.revision ?? null);
      }
      return again(formErrors<keyof ReportValues>(e, Object.keys(parsed.values)));
    }
    seeOther(res, `${PATHS.reporting}?${new URLSearchParams({ ...key.back, saved: `${key.indicatorId}/${key.start}` })}`);
  }

  /** The unit's and indicator's names; a unit the caller does not report for is a page that does not exist. */
  private async names(user: AuthUser, key: ReportKey): Promise<{ unit: string; indicator: string }> {
    ownOrganisation(user);
    await this.access.assertCanReportFor(user, key.unitId);
    const [[unit], [indicator]] = await Promise.all([this.organisations.visibleByIds(user, [key.unitId]), this.steering.indicatorsByIds([key.indicatorId])]);
    if (!unit || !indicator) throw notFound('Report form');
    return { unit: unit.name, indicator: indicator.name };
  }

  private async obligationRows(user: AuthUser, organisationId: string, range: ReportingRange): Promise<ObligationRow[]> {
    const obligations = await this.obligations.obligations(user, { organisationId, ...range });
    const [units, indicators] = await Promise.all([
      this.organisations.visibleByIds(user, [...new Set(obligations.map((o) => o.organisationId))]),
      this.steering.indicatorsByIds([...new Set(obligations.map((o) => o.indicatorId))]),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const indicatorName = new Map(indicators.map((i) => [i.id, i.name]));
    return obligations.map((o) => ({
      unitId: o.organisationId,
      unit: unitName.get(o.organisationId) ?? '',
      indicatorId: o.indicatorId,
      indicator: indicatorName.get(o.indicatorId) ?? '',
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      dueOn: o.dueOn,
      status: o.status,
    }));
  }

  private sendForm(
    res: Response,
    status: number,
    c: PageContext,
    key: ReportKey,
    names: { unit: string; indicator: string },
    state: Pick<ReportFormView, 'formId' | 'revision' | 'withdrawnBecause' | 'prefilled' | 'values' | 'errors'>,
  ): void {
    const action = reportHref({ indicatorId: key.indicatorId, unitId: key.unitId, periodStart: key.start, periodEnd: key.end }, key.back);
    const view = { c, action, ...names, period: `${key.start} – ${key.end}`, ...state };
    sendPage(res, status, html(<ReportForm v={view} />));
  }
}
