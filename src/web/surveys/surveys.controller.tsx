import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { DomainError, forbidden } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { AccessChecks } from '../../modules/access/access.checks';
import { Allow } from '../../modules/access/permissions';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { SurveyLinkService } from '../../modules/survey-link/survey-link.service';
import { CreateSurveyLinkInput, RevokeSurveyLinkInput, SetSurveyLinkInvitedInput } from '../../modules/survey-link/dto/survey-link.input';
import { validInput } from '../../common/validation/input-validation.pipe';
import { SurveyCsvService } from '../../modules/survey/survey-csv.service';
import type { SurveyWaveEntity } from '../../modules/survey/survey-wave.entity';
import { SurveyWaveService } from '../../modules/survey/survey-wave.service';
import { SurveyService } from '../../modules/survey/survey.service';
import { html } from '../layout';
import { text } from '../messages';
import { ownOrganisation, PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { seeOther, sendPage } from '../respond';
import { CsrfGuard, csrfValid, SkipCsrfGuard } from '../session/csrf';
import { OpenValues, OpenWaveView, UnitLinks, WavePage, wavePath, WaveRow, WavesPage, WaveState, WaveView } from './survey-admin-pages';
import { PilotService } from '../../modules/pilot/pilot.service';
import { CloseSurveyWaveInput, OpenSurveyWaveInput, ReopenSurveyWaveInput, SurveyWavesArgs } from '../../modules/survey/dto/survey.input';
import { PilotsArgs } from '../../modules/pilot/dto/pilots.args';
import { DEFAULT_SURVEY_INSTRUMENT_ID, RespondentCategory } from '../../modules/survey/survey.enums';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** A field sent once, several times (checkboxes) or not at all, as a list. */
const all = (v: unknown): string[] => (v === undefined ? [] : ([] as unknown[]).concat(v).map(str).filter(Boolean));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The largest CSV a page takes (the API's own limit is BODY_LIMIT). */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** A count typed into a form: empty is "not known", anything else a whole number from 0. */
function invitedCount(value: unknown): { ok: true; invited: number | null } | { ok: false } {
  const s = str(value);
  if (s === '') return { ok: true, invited: null };
  return /^\d{1,7}$/.test(s) ? { ok: true, invited: Number(s) } : { ok: false };
}

/**
 * The surveys of a reporter's units: the waves with their response counts and rates, links per
 * unit (made, counted, closed), and responses from a CSV file with every bad line shown before
 * anything is stored. The same services and access rules as the API.
 */
@Controller(PATHS.surveys)
@UseGuards(CsrfGuard)
export class SurveysController {
  constructor(
    private readonly pages: PageContexts,
    private readonly waves: SurveyWaveService,
    private readonly surveys: SurveyService,
    private readonly links: SurveyLinkService,
    private readonly csv: SurveyCsvService,
    private readonly organisations: OrganisationService,
    private readonly access: AccessChecks,
    private readonly pilots: PilotService,
  ) {}

  @Allow('surveys.submit')
  @Get()
  async list(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.surveys);
    const today = new Date().toISOString().slice(0, 10);
    await this.sendList(
      res,
      HttpStatus.OK,
      c,
      user,
      {
        pilotId: '',
        instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
        label: '',
        opensOn: today,
        closesOn: '',
        unitIds: [],
        categories: Object.values(RespondentCategory),
        asksTenure: true,
      },
      {},
    );
  }

  /** A new wave for the reporter's own units (the service checks every unit is theirs and in the pilot). */
  @Allow('surveys.schedule')
  @Post()
  async openWave(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Body() form: Form, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.surveys);
    const values: OpenValues = {
      pilotId: str(form.pilotId),
      instrumentId: str(form.instrumentId),
      label: str(form.label),
      opensOn: str(form.opensOn),
      closesOn: str(form.closesOn),
      unitIds: all(form.unitIds),
      categories: all(form.categories),
      asksTenure: str(form.asksTenure) !== 'no',
    };
    if (!values.unitIds.length) return this.sendList(res, HttpStatus.BAD_REQUEST, c, user, values, { unitIds: text(c.lang, 'waves.error.units') });
    if (!values.categories.length) return this.sendList(res, HttpStatus.BAD_REQUEST, c, user, values, { categories: text(c.lang, 'waves.error.categories') });
    const formId = UUID.test(str(form.formId)) ? str(form.formId) : randomUUID();
    const { categories, asksTenure, ...fields } = values;
    // Every category chosen is the same as not narrowing it (null: every one).
    const respondentCategories = categories.length === Object.values(RespondentCategory).length ? null : categories;
    const wave = await this.userError(async () =>
      this.waves.open(user, await validInput(OpenSurveyWaveInput, { ...fields, respondentCategories, asksTenureBand: asksTenure, clientId: formId })),
    );
    if (typeof wave === 'string') return this.sendList(res, HttpStatus.BAD_REQUEST, c, user, values, { form: wave }, formId);
    seeOther(res, `${wavePath(wave.id)}?klart=oppnad`);
  }

  @Allow('surveys.schedule')
  @Post(':waveId/stang')
  async closeWave(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() form: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.surveys);
    const reason = str(form.reason);
    if (!reason) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { reason: text(c.lang, 'users.error.reason') } });
    await this.changeOnWave(res, c, user, waveId, 'stangdomgang', async () =>
      this.waves.close(user, await validInput(CloseSurveyWaveInput, { id: waveId, reason })),
    );
  }

  @Allow('surveys.schedule')
  @Post(':waveId/oppna-igen')
  async reopenWave(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() form: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.surveys);
    const reason = str(form.reason);
    if (!reason) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { reason: text(c.lang, 'users.error.reason') } });
    await this.changeOnWave(res, c, user, waveId, 'oppnadigen', async () =>
      this.waves.reopen(user, await validInput(ReopenSurveyWaveInput, { id: waveId, reason, closesOn: str(form.closesOn) || undefined })),
    );
  }

  private async sendList(
    res: Response,
    status: number,
    c: PageContext,
    user: AuthUser,
    values: OpenValues,
    errors: OpenWaveView['errors'],
    formId: string = randomUUID(),
  ) {
    const organisationId = ownOrganisation(user);
    const page = await this.waves.list(user, await validInput(SurveyWavesArgs, { first: 100 }, 'args'));
    const waves = await this.rows(page.edges.map((e) => e.node));
    const [pilots, instruments, units] = await Promise.all([
      validInput(PilotsArgs, { first: 100 }, 'args').then((args) => this.pilots.list(user, args)),
      this.surveys.listInstruments(),
      this.organisations.subtree(user, organisationId),
    ]);
    const open: OpenWaveView = {
      pilots: pilots.edges.map(({ node: p }) => ({ id: p.id, name: `${p.code}: ${p.title}` })),
      instruments: instruments.map((i) => ({ id: i.id, name: `${i.name} (v${i.version})` })),
      units: units.filter((u) => u.id !== organisationId).map((u) => ({ id: u.id, name: u.name })),
      formId,
      values,
      errors,
    };
    sendPage(res, status, html(<WavesPage c={c} waves={waves} open={open} />));
  }

  @Allow('surveys.submit')
  @Get(':waveId')
  async wave(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Query() q: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.surveys);
    await this.sendWave(res, HttpStatus.OK, c, user, waveId, { done: this.doneMessage(c, q) });
  }

  @Allow('surveys.submit')
  @Post(':waveId/lankar')
  async createLink(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() form: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.surveys);
    const invited = invitedCount(form.invited);
    if (!invited.ok) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { invited: text(c.lang, 'wave.error.invited') } });
    const formId = typeof form.formId === 'string' && UUID.test(form.formId) ? form.formId : randomUUID();
    const unitId = str(form.unitId);
    if (!UUID.test(unitId)) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { unitId: text(c.lang, 'wave.error.unit') } });
    const link = await this.userError(async () =>
      this.links.create(user, await validInput(CreateSurveyLinkInput, { waveId, unitId, invited: invited.invited, clientId: formId })),
    );
    if (typeof link === 'string') return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { form: link } });
    seeOther(res, `${wavePath(waveId)}?klart=lank#lank-${link.id}`);
  }

  @Allow('surveys.submit')
  @Post(':waveId/lankar/:linkId/inbjudna')
  async setInvited(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Param('linkId', new ParseUUIDPipe()) linkId: string,
    @Body() form: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.surveys);
    const invited = invitedCount(form.invited);
    const reason = str(form.reason) || text(c.lang, 'wave.reason.invited');
    if (!invited.ok) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { invited: text(c.lang, 'wave.error.invited') } });
    await this.changeOnWave(res, c, user, waveId, `inbjudna#lank-${linkId}`, async () =>
      this.links.setInvited(user, await validInput(SetSurveyLinkInvitedInput, { id: linkId, invited: invited.invited, reason })),
    );
  }

  @Allow('surveys.submit')
  @Post(':waveId/lankar/:linkId/stang')
  async revoke(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Param('linkId', new ParseUUIDPipe()) linkId: string,
    @Body() form: Form,
    @Res() res: Response,
  ) {
    const c = await this.pages.of(req, PATHS.surveys);
    const reason = str(form.reason);
    if (!reason) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { reason: text(c.lang, 'wave.error.reason') } });
    await this.changeOnWave(res, c, user, waveId, 'stangd', async () =>
      this.links.revoke(user, await validInput(RevokeSurveyLinkInput, { id: linkId, reason })),
    );
  }

  /** A file arrives as multipart: its form token is checked once the body is read. */
  @Allow('surveys.submit')
  @SkipCsrfGuard()
  @Post(':waveId/csv')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 } }))
  async uploadCsv(
    @Req() req: AppRequest,
    @CurrentUser() user: AuthUser,
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @UploadedFile() file: { buffer: Buffer; size: number } | undefined,
    @Res() res: Response,
  ) {
    if (!csrfValid(req)) throw forbidden('The form has expired or did not come from this site');
    const c = await this.pages.of(req, PATHS.surveys);
    if (!file?.size) return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { file: text(c.lang, 'wave.error.file') } });
    try {
      const result = await this.csv.upload(user, waveId, file.buffer, undefined);
      const done = text(c.lang, result.alreadySubmitted ? 'wave.csv.again' : 'wave.csv.stored', { count: String(result.stored) });
      return this.sendWave(res, HttpStatus.OK, c, user, waveId, { done });
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
      const problems = e.fields.length ? e.fields.map((f) => f.message) : [e.message];
      return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { csvProblems: problems });
    }
  }

  /**
   * A change made from a wave's page: the service's refusal of what was typed comes back on the
   * page; done, back to the wave (POST-redirect-GET) with the message named by `done`.
   */
  private async changeOnWave(res: Response, c: PageContext, user: AuthUser, waveId: string, done: string, change: () => Promise<unknown>): Promise<void> {
    const result = await this.userError(change);
    if (typeof result === 'string') return this.sendWave(res, HttpStatus.BAD_REQUEST, c, user, waveId, { errors: { form: result } });
    seeOther(res, `${wavePath(waveId)}?klart=${done}`);
  }

  /** A service's refusal of what the person typed, as a message for the page; anything else goes on up. */
  private async userError<T>(run: () => Promise<T>): Promise<T | string> {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
      return e.fields.length ? e.fields.map((f) => f.message).join(' ') : e.message;
    }
  }

  private doneMessage(c: PageContext, q: Form): string | undefined {
    const key = {
      lank: 'wave.done.link',
      inbjudna: 'wave.done.invited',
      stangd: 'wave.done.revoked',
      oppnad: 'waves.done',
      stangdomgang: 'wave.done.closed',
      oppnadigen: 'wave.done.reopened',
    }[str(q.klart)] as Parameters<typeof text>[1] | undefined;
    return key && text(c.lang, key);
  }

  private async sendWave(
    res: Response,
    status: number,
    c: PageContext,
    user: AuthUser,
    waveId: string,
    extra: Partial<Pick<WaveView, 'done' | 'errors' | 'csvProblems'>>,
  ) {
    ownOrganisation(user);
    const wave = await this.waves.visible(user, waveId);
    const [row] = await this.rows([wave]);
    const unitIds = [...(await this.access.unitsToSubmitFor(user, waveId))];
    const units = await this.organisations.visibleByIds(user, unitIds);
    const links = await this.links.forWaves(user, [waveId]);
    const counts = await this.links.responseCounts(links.map((l) => l.id));
    const byUnit: UnitLinks[] = units.map((u) => ({
      id: u.id,
      name: u.name,
      links: links
        .filter((l) => l.unitId === u.id)
        .map((l) => ({
          id: l.id,
          url: this.links.url(l),
          createdAt: l.createdAt.toISOString(),
          responses: counts.get(l.id) ?? 0,
          invited: l.invited,
          revokedAt: l.revokedAt?.toISOString() ?? null,
          revokeReason: l.revokeReason,
        })),
    }));
    const mayClose = await this.access.mayScheduleWave(user, { ...wave, unitIds: await this.waves.unitIdsOf(wave.id) });
    const view: WaveView = { c, wave: row, units: byUnit, formId: randomUUID(), errors: {}, csvProblems: [], mayClose, ...extra };
    sendPage(res, status, html(<WavePage v={view} />));
  }

  /** Waves with their state, responses, invited and (where enough were invited) rate. */
  private async rows(waves: SurveyWaveEntity[]): Promise<WaveRow[]> {
    const ids = waves.map((w) => w.id);
    const [counts, invitations] = await Promise.all([this.surveys.responseCounts(ids), this.links.invitations(ids)]);
    const today = new Date().toISOString().slice(0, 10);
    return waves.map((w, i) => {
      const inv = invitations.get(w.id);
      const state: WaveState = w.closedAt || w.closesOn < today ? 'CLOSED' : w.opensOn > today ? 'NOT_YET_OPEN' : 'OPEN';
      const rate = inv && this.links.rateShown(inv.invited) ? inv.responses / inv.invited : null;
      return { id: w.id, label: w.label, opensOn: w.opensOn, closesOn: w.closesOn, state, responses: counts[i], invited: inv?.invited ?? null, rate };
    });
  }
}
