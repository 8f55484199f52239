import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { Params } from '../../common/sql/params';
import {
  countableObservations,
  visibleEffects,
  visibleEvaluationReports,
  visibleIdeas,
  visibleObstacles,
  visibleReports,
  visibleWaves,
} from '../access/access.rules';
import { applyTo, inRaw, SqlFragment } from '../access/sql-fragment';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { pilotOrgIdsSql } from '../organisation/organisation.sql';
import { MethodFacts } from './dto/method-facts';
import { EvaluationReportAuthorEntity, EvaluationReportEntity, ReportFindingEntity, ReportSectionEntity } from './report.entity';
import { REPORT_SECTIONS } from './report.enums';

const ORDER = new Map(REPORT_SECTIONS.map((s, i) => [s.kind, i]));

/** Batched look-ups for assembling evaluation reports: one query per kind of part, whatever the number of reports. */
@Injectable()
export class ReportLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  sections(ctx: GqlContext) {
    return requestLoader<string, ReportSectionEntity[]>(ctx, 'report.sections', async (ids) => {
      const rows = await this.ds.getRepository(ReportSectionEntity).findBy({ reportId: In([...ids]) });
      rows.sort((a, b) => ORDER.get(a.kind)! - ORDER.get(b.kind)!);
      return manyByKey(ids, rows, (s) => s.reportId);
    });
  }

  /** The standing findings of each `reportId:section`, in order. */
  findings(ctx: GqlContext) {
    return requestLoader<string, ReportFindingEntity[]>(ctx, 'report.findings', async (keys) => {
      const reportIds = [...new Set(keys.map((k) => k.split(':')[0]))];
      const rows = await this.ds
        .getRepository(ReportFindingEntity)
        .find({ where: { reportId: In(reportIds), withdrawnAt: IsNull() }, order: { position: 'ASC' } });
      return manyByKey(keys, rows, (f) => `${f.reportId}:${f.section}`);
    });
  }

  authorIds(ctx: GqlContext) {
    return requestLoader<string, EvaluationReportAuthorEntity[]>(ctx, 'report.authors', async (ids) => {
      const rows = await this.ds.getRepository(EvaluationReportAuthorEntity).find({ where: { reportId: In([...ids]) }, order: { addedAt: 'ASC' } });
      return manyByKey(ids, rows, (a) => a.reportId);
    });
  }

  reportById = (ctx: GqlContext) => this.scoped(ctx, 'report', EvaluationReportEntity, visibleEvaluationReports);
  ideaById = (ctx: GqlContext) => this.scoped(ctx, 'idea', IdeaEntity, visibleIdeas);
  obstacleById = (ctx: GqlContext) => this.scoped(ctx, 'obstacle', ObstacleEntity, visibleObstacles);
  effectById = (ctx: GqlContext) => this.scoped(ctx, 'effect', EffectEntity, visibleEffects);

  /** What the report's background-and-method section rests on: the pilot's data the reader may count. */
  methodFacts(ctx: GqlContext) {
    return requestLoader<string, MethodFacts>(ctx, 'report.methodFacts', async (pilotIds) => {
      const rows = await this.facts(ctx.req.user!, pilotIds);
      return oneByKey(pilotIds, rows, (r) => r.pilotId) as MethodFacts[];
    });
  }

  /** One statement for every pilot asked about (correlated counts per pilot). */
  facts(actor: AuthUser, pilotIds: readonly string[]): Promise<MethodFacts[]> {
    const p = new Params();
    const pilot = 'pid.id';
    const orgs = `(${pilotOrgIdsSql(pilot)})`;
    return this.ds.query(
      `SELECT ${pilot} AS "pilotId",
         (SELECT count(*) FROM observation o WHERE o.pilot_id = ${pilot} AND o.deleted_at IS NULL AND ${inRaw(countableObservations(actor, 'o'), p)})::int AS observations,
         (SELECT count(*) FROM coded_segment s JOIN observation o ON o.id = s.observation_id
           WHERE o.pilot_id = ${pilot} AND o.deleted_at IS NULL AND ${inRaw(countableObservations(actor, 'o'), p)})::int AS "codedSegments",
         (SELECT count(*) FROM survey_wave w WHERE w.pilot_id = ${pilot} AND ${inRaw(visibleWaves(actor, 'w.id'), p)})::int AS waves,
         (SELECT count(*) FROM burden_report br WHERE br.withdrawn_at IS NULL AND br.organisation_id IN ${orgs}
             AND ${inRaw(visibleReports(actor, 'br.organisation_id'), p)})::int AS "burdenReports",
         (SELECT count(*) FROM time_thief tt WHERE tt.withdrawn_at IS NULL AND tt.organisation_id IN ${orgs}
             AND ${inRaw(visibleReports(actor, 'tt.organisation_id'), p)})::int AS "timeThieves",
         (SELECT count(*) FROM supervision_interaction si WHERE si.organisation_id IN ${orgs}
             AND ${inRaw(visibleReports(actor, 'si.organisation_id'), p)})::int AS "supervisionInteractions",
         (SELECT count(*) FROM obstacle ob WHERE ob.pilot_id = ${pilot} AND ${inRaw(visibleObstacles(actor, 'ob'), p)})::int AS obstacles,
         (SELECT count(*) FROM effect ef WHERE ef.pilot_id = ${pilot} AND ${inRaw(visibleEffects(actor, 'ef'), p)})::int AS effects,
         (SELECT count(*) FROM idea i WHERE i.pilot_id = ${pilot} AND ${inRaw(visibleIdeas(actor, 'i'), p)})::int AS ideas
       FROM unnest(${p.add(pilotIds, '::uuid[]')}) AS pid(id)`,
      p.values,
    );
  }

  private scoped<T extends { id: string }>(ctx: GqlContext, name: string, entity: new () => T, rule: (a: AuthUser, alias: string) => SqlFragment) {
    return requestLoader<string, T | null>(ctx, `report.${name}ById`, async (ids) => {
      const qb = this.ds.getRepository(entity).createQueryBuilder('x').where('x.id IN (:...ids)', { ids });
      return oneByKey(ids, await applyTo(qb, rule(ctx.req.user!, 'x')).getMany(), (x) => x.id);
    });
  }
}
