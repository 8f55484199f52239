import { Controller, Get, HttpStatus, Inject, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { AppRequest } from '../../common/graphql/gql-context';
import { validInput } from '../../common/validation/input-validation.pipe';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Allow } from '../../modules/access/permissions';
import { DiscretionService } from '../../modules/analytics/discretion.service';
import { DiscretionResultsInput } from '../../modules/analytics/dto/discretion-results.input';
import { BurdenSeriesInput, Bucket } from '../../modules/analytics/dto/series.input';
import { SeriesService } from '../../modules/analytics/series.service';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import type { SurveyWaveEntity } from '../../modules/survey/survey-wave.entity';
import { SurveyWaveService } from '../../modules/survey/survey-wave.service';
import { SurveyWavesArgs } from '../../modules/survey/dto/survey.input';
import { SurveyDimension } from '../../modules/survey/survey.enums';
import { html } from '../layout';
import { ownOrganisation, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { reportingRange } from '../reporting/reporting.controller';
import { sendPage } from '../respond';
import { ResultsPage, WaveResults } from './results-pages';

/**
 * An organisation's own aggregated results: the same services, scope and disclosure control as
 * discretionResults and burdenSeries, so the page shows nothing the API would not.
 */
@Controller(PATHS.results)
export class ResultsController {
  constructor(
    private readonly pages: PageContexts,
    private readonly waves: SurveyWaveService,
    private readonly discretion: DiscretionService,
    private readonly series: SeriesService,
    private readonly organisations: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow('analytics.read')
  @Get()
  async results(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Query() q: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const organisationId = ownOrganisation(user);
    const c = await this.pages.of(req, PATHS.results);
    const range = reportingRange(q);
    const [organisation] = await this.organisations.visibleByIds(user, [organisationId]);
    const waves = (await this.waves.list(user, await validInput(SurveyWavesArgs, { first: 100 }, 'args'))).edges
      .map((e) => e.node)
      .filter((w) => w.opensOn <= range.to && w.closesOn >= range.from);
    const burden = await this.series.burdenSeries(user, await validInput(BurdenSeriesInput, { ...range, bucket: Bucket.QUARTER, organisationId, groupBy: [] }));
    const view = {
      c,
      organisation: organisation.name,
      range,
      waves: await this.waveResults(user, waves),
      burden: burden.filter((b) => b.reports > 0),
      minGroupSize: this.config.privacy.minGroupSize,
    };
    sendPage(res, HttpStatus.OK, html(<ResultsPage v={view} />));
  }

  /** Each wave's published dimension scores over the caller's units (one call per pilot and instrument). */
  private async waveResults(user: AuthUser, waves: SurveyWaveEntity[]): Promise<WaveResults[]> {
    const groups = new Map<string, SurveyWaveEntity[]>();
    for (const w of waves) groups.set(`${w.pilotId}/${w.instrumentId}`, [...(groups.get(`${w.pilotId}/${w.instrumentId}`) ?? []), w]);
    const out: WaveResults[] = [];
    for (const group of groups.values()) {
      const input = await validInput(DiscretionResultsInput, {
        pilotIds: [group[0].pilotId],
        instrumentId: group[0].instrumentId,
        waveIds: group.map((w) => w.id),
        groupBy: [],
      });
      const rows = await this.discretion.results(user, input);
      for (const w of group) {
        const cells: WaveResults['cells'] = {};
        for (const r of rows.filter((r) => r.waveId === w.id && r.measureKind === 'DIMENSION')) {
          cells[r.measure as SurveyDimension] = r.suppressed || r.mean === null || r.n === null ? null : { mean: r.mean, n: r.n };
        }
        out.push({ label: w.label, opensOn: w.opensOn, cells });
      }
    }
    return out.sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  }
}
