import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { notFound } from '../../../common/errors/domain-error';
import {
  surveyResultPilots,
  visibleEffects,
  visibleEvaluationReports,
  visibleIdeas,
  visibleObstacles,
  visiblePilots,
  visibleWaves,
} from '../../access/access.rules';
import { applyTo, SqlFragment } from '../../access/sql-fragment';
import { EffectEntity } from '../../effect/effect.entity';
import { DiscretionService } from '../../analytics/discretion.service';
import { Bucket } from '../../analytics/dto/series.input';
import { SeriesService } from '../../analytics/series.service';
import { FindingKind } from '../../evidence/evidence.enums';
import { EvidenceService } from '../../evidence/evidence.service';
import { IdeaEntity, IdeaStatus } from '../../idea/idea.entity';
import { ObstacleEntity } from '../../obstacle/obstacle.entity';
import { PilotEntity } from '../../pilot/pilot.entity';
import { SurveyWaveEntity } from '../../survey/survey-wave.entity';
import { UserEntity } from '../../user/user.entity';
import { EvaluationReportAuthorEntity, EvaluationReportEntity, ReportFindingEntity, ReportSectionEntity } from '../report.entity';
import { REPORT_SECTIONS, ReportStatus } from '../report.enums';
import { ReportLoaders } from '../report.loaders';
import type { DiscretionLine, DocFinding, ReportDoc, SummaryDoc } from './report-doc';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Gathers what a report document shows, each part through the same rules and services as the
 * API: the report version the caller may see, its findings' evidence (withheld where the caller
 * may not see it), the pilot's discretion results with the API's disclosure control, and its
 * burden series in the caller's scope.
 */
@Injectable()
export class ReportDocumentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly evidence: EvidenceService,
    private readonly discretion: DiscretionService,
    private readonly series: SeriesService,
    private readonly loaders: ReportLoaders,
  ) {}

  /** The pilot's newest version the caller may see (or version `number`), with everything the document shows. */
  async report(actor: AuthUser, pilotId: string, number?: number): Promise<ReportDoc> {
    const qb = this.ds
      .getRepository(EvaluationReportEntity)
      .createQueryBuilder('er')
      .where('er.pilotId = :pilotId', { pilotId })
      .orderBy('er.number', 'DESC')
      .take(1);
    if (number) qb.andWhere('er.number = :number', { number });
    const report = await applyTo(qb, visibleEvaluationReports(actor, 'er')).getOne();
    if (!report) throw notFound(`Evaluation report of pilot ${pilotId}`);
    const pilot = await this.ds.getRepository(PilotEntity).findOneByOrFail({ id: pilotId });
    const [sections, facts, discretion, burden, authors] = await Promise.all([
      this.sections(actor, [report.id]),
      this.facts(actor, pilotId),
      this.discretionLines(actor, pilotId),
      this.burdenLines(actor, pilot),
      this.authors(report.id),
    ]);
    return { pilot, report, authors, facts, sections: sections.get(report.id) ?? [], discretion, burden };
  }

  /** The delegation's summary: every final report the caller may see, grouped by theme, and obstacles and published ideas across pilots. */
  async summary(actor: AuthUser): Promise<SummaryDoc> {
    const qb = this.ds.getRepository(EvaluationReportEntity).createQueryBuilder('er').where('er.status = :final', { final: ReportStatus.FINAL });
    const reports = await applyTo(qb, visibleEvaluationReports(actor, 'er')).getMany();
    const pilots = reports.length ? await this.ds.getRepository(PilotEntity).findBy({ id: In(reports.map((r) => r.pilotId)) }) : [];
    const sections = await this.sections(
      actor,
      reports.map((r) => r.id),
    );
    const obstacles = await applyTo(this.ds.getRepository(ObstacleEntity).createQueryBuilder('x'), visibleObstacles(actor, 'x'))
      .orderBy('x.type')
      .addOrderBy('x.identifiedOn')
      .getMany();
    const ideas = await applyTo(
      this.ds.getRepository(IdeaEntity).createQueryBuilder('x').where('x.status = :published', { published: IdeaStatus.PUBLISHED }),
      visibleIdeas(actor, 'x'),
    )
      .orderBy('x.title')
      .getMany();
    const allPilots = await applyTo(this.ds.getRepository(PilotEntity).createQueryBuilder('p'), visiblePilots(actor, 'p.id')).getMany();
    return {
      reports: reports
        .map((report) => ({ report, pilot: pilots.find((p) => p.id === report.pilotId)!, sections: sections.get(report.id) ?? [] }))
        .sort((a, b) => a.pilot.code.localeCompare(b.pilot.code)),
      obstacles: obstacles.map((o) => ({ obstacle: o, pilotCode: allPilots.find((p) => p.id === o.pilotId)?.code ?? '' })),
      ideas: ideas.map((i) => ({ idea: i, pilotCode: allPilots.find((p) => p.id === i.pilotId)?.code ?? '' })),
    };
  }

  /** Sections (in order) of each report, with their standing findings and each finding's evidence as the caller may see it. */
  private async sections(actor: AuthUser, reportIds: string[]) {
    const out = new Map<string, ReportDoc['sections']>();
    if (!reportIds.length) return out;
    const sections = await this.ds.getRepository(ReportSectionEntity).findBy({ reportId: In(reportIds) });
    const findings = await this.ds
      .getRepository(ReportFindingEntity)
      .find({ where: { reportId: In(reportIds), withdrawnAt: IsNull() }, order: { position: 'ASC' } });
    const evidence = findings.length
      ? await this.evidence.itemsFor(
          actor,
          FindingKind.REPORT_FINDING,
          findings.map((f) => f.id),
        )
      : [];
    const [ideas, obstacles, effects] = await Promise.all([
      this.visible(
        actor,
        IdeaEntity,
        visibleIdeas,
        findings.map((f) => f.ideaId),
      ),
      this.visible(
        actor,
        ObstacleEntity,
        visibleObstacles,
        findings.map((f) => f.obstacleId),
      ),
      this.visible(
        actor,
        EffectEntity,
        visibleEffects,
        findings.map((f) => f.effectId),
      ),
    ]);
    const docFindings: DocFinding[] = findings.map((f, i) => ({
      finding: f,
      evidence: evidence[i],
      idea: (f.ideaId && ideas.get(f.ideaId)) || null,
      obstacle: (f.obstacleId && obstacles.get(f.obstacleId)) || null,
      effect: (f.effectId && effects.get(f.effectId)) || null,
    }));
    for (const reportId of reportIds) {
      out.set(
        reportId,
        REPORT_SECTIONS.map((s) => ({
          kind: s.kind,
          heading: s,
          body: sections.find((x) => x.reportId === reportId && x.kind === s.kind)?.body ?? '',
          findings: docFindings.filter(({ finding }) => finding.reportId === reportId && finding.section === s.kind),
        })),
      );
    }
    return out;
  }

  /** The rows of these ids the caller may see, by id. */
  private async visible<T extends { id: string }>(
    actor: AuthUser,
    entity: new () => T,
    rule: (a: AuthUser, alias: string) => SqlFragment,
    ids: (string | null)[],
  ): Promise<Map<string, T>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await applyTo(this.ds.getRepository(entity).createQueryBuilder('x').where('x.id IN (:...wanted)', { wanted }), rule(actor, 'x')).getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async facts(actor: AuthUser, pilotId: string) {
    const [facts] = await this.loaders.facts(actor, [pilotId]);
    return facts;
  }

  private async authors(reportId: string): Promise<string[]> {
    const links = await this.ds.getRepository(EvaluationReportAuthorEntity).find({ where: { reportId }, order: { addedAt: 'ASC' } });
    const users = links.length ? await this.ds.getRepository(UserEntity).findBy({ id: In(links.map((l) => l.userId)) }) : [];
    return links.map((l) => users.find((u) => u.id === l.userId)?.displayName ?? '');
  }

  /** The pilot's discretion results per wave and dimension, through DiscretionService (suppressed exactly as the API). */
  private async discretionLines(actor: AuthUser, pilotId: string): Promise<DiscretionLine[]> {
    const waves = await this.wavesOf(actor, pilotId);
    const lines: DiscretionLine[] = [];
    for (const instrumentId of [...new Set(waves.map((w) => w.instrumentId))]) {
      const rows = await this.discretion.results(actor, { pilotIds: [pilotId], instrumentId, groupBy: [] });
      const rates = await this.discretion.responseRates(rows.map((r) => r.rateOf));
      rows.forEach((r, i) => {
        const wave = waves.find((w) => w.id === r.waveId);
        if (wave) lines.push({ wave: wave.label, opensOn: wave.opensOn, ...r, responseRate: rates[i] });
      });
    }
    return lines.sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.measure.localeCompare(b.measure));
  }

  private wavesOf(actor: AuthUser, pilotId: string): Promise<SurveyWaveEntity[]> {
    const qb = this.ds.getRepository(SurveyWaveEntity).createQueryBuilder('w').where('w.pilotId = :pilotId', { pilotId }).orderBy('w.opensOn');
    return applyTo(applyTo(qb, visibleWaves(actor, 'w.id')), surveyResultPilots(actor, 'w.pilot_id')).getMany();
  }

  /** Staff hours on indicator reporting by the pilot's organisations per quarter, in the caller's scope. */
  private async burdenLines(actor: AuthUser, pilot: PilotEntity) {
    const from = pilot.startsOn ?? '2016-01-01';
    const to = pilot.endsOn && pilot.endsOn < today() ? pilot.endsOn : today();
    if (to < from) return [];
    const rows = await this.series.burdenSeries(actor, { from, to, bucket: Bucket.QUARTER, pilotId: pilot.id, groupBy: [] });
    return rows.map((r) => ({ bucketStart: r.bucketStart, staffHours: r.staffHours }));
  }
}
