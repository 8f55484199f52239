import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsQuery } from '../../database/read-replica';
import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { readableObservations, visibleEffects, visibleObstacles, visibleReports, visibleWaves } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { badInput } from '../../common/errors/domain-error';
import { PilotService } from '../pilot/pilot.service';
import { AccessLogService } from './access-log.service';
import { PilotTimelineArgs, TimelineEvent } from './dto/timeline.input';

/** Everything dated in one pilot and its organisations, in one chronological stream, from one SQL statement. */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly pilots: PilotService,
    private readonly accessLog: AccessLogService,
  ) {}

  async timeline(actor: AuthUser, args: PilotTimelineArgs): Promise<TimelineEvent[]> {
    await this.accessLog.record(actor, 'pilotTimeline', args);
    if (args.to < args.from) throw badInput('to', 'must not be before from');
    await this.pilots.get(actor, args.pilotId); // NOT_FOUND outside the caller's scope
    // Each kind of event only as far as the caller may see its rows: observations they may read
    // (titles are text), reports of organisations in their view, waves they see.
    const p = new Params();
    const [pilot, from, to] = [p.add(args.pilotId, '::uuid'), p.add(args.from, '::date'), p.add(args.to, '::date')];
    const observations = inRaw(readableObservations(actor, 'o'), p);
    const thieves = inRaw(visibleReports(actor, 'tt.organisation_id'), p);
    const waves = inRaw(visibleWaves(actor, 'w.id'), p);
    const obstacles = inRaw(visibleObstacles(actor, 'ob'), p);
    const effects = inRaw(visibleEffects(actor, 'ef'), p);
    const supervision = inRaw(visibleReports(actor, 'sv.organisation_id'), p);
    const sql = `
      WITH RECURSIVE porg(id) AS (
        SELECT organisation_id FROM pilot_participant WHERE pilot_id = ${pilot}
        UNION
        SELECT o.id FROM organisation o JOIN porg ON o.parent_id = porg.id
      ),
      inst AS (SELECT DISTINCT instrument_id AS id FROM steering_instrument_target WHERE organisation_id IN (SELECT id FROM porg)),
      ev(d, type, title, entity, entity_id) AS (
        SELECT o.occurred_on, 'OBSERVATION', o.title, 'OBSERVATION', o.id FROM observation o
         WHERE o.pilot_id = ${pilot} AND o.deleted_at IS NULL AND ${observations}
        UNION ALL SELECT w.opens_on, 'WAVE_OPENED', w.label, 'SURVEY_WAVE', w.id FROM survey_wave w WHERE w.pilot_id = ${pilot} AND ${waves}
        UNION ALL SELECT coalesce(w.closed_at::date, w.closes_on), 'WAVE_CLOSED', w.label, 'SURVEY_WAVE', w.id FROM survey_wave w WHERE w.pilot_id = ${pilot} AND ${waves}
        UNION ALL SELECT c.changed_on, 'TIME_THIEF_' || c.status::text, tt.task, 'TIME_THIEF', tt.id
          FROM time_thief_status_change c JOIN time_thief tt ON tt.id = c.time_thief_id WHERE tt.organisation_id IN (SELECT id FROM porg) AND tt.withdrawn_at IS NULL AND ${thieves}
        UNION ALL SELECT i.introduced_on, 'INDICATOR_INTRODUCED', i.name, 'INDICATOR', i.id FROM indicator i WHERE i.instrument_id IN (SELECT id FROM inst)
        UNION ALL SELECT i.retired_on, 'INDICATOR_RETIRED', i.name, 'INDICATOR', i.id FROM indicator i
         WHERE i.retired_on IS NOT NULL AND i.instrument_id IN (SELECT id FROM inst)
        UNION ALL SELECT si.valid_from, 'INSTRUMENT_IN_FORCE', si.name, 'STEERING_INSTRUMENT', si.id FROM steering_instrument si WHERE si.id IN (SELECT id FROM inst)
        UNION ALL SELECT si.valid_to, 'INSTRUMENT_EXPIRED', si.name, 'STEERING_INSTRUMENT', si.id FROM steering_instrument si
         WHERE si.valid_to IS NOT NULL AND si.id IN (SELECT id FROM inst)
        UNION ALL SELECT c.changed_on, 'OBSTACLE_' || c.status::text, left(ob.description, 200), 'OBSTACLE', ob.id
          FROM obstacle_status_change c JOIN obstacle ob ON ob.id = c.obstacle_id WHERE ob.pilot_id = ${pilot} AND ${obstacles}
        UNION ALL SELECT sv.occurred_on, 'SUPERVISION', sv.kind::text || ' (' || sup.name || ')', 'SUPERVISION', sv.id
          FROM supervision_interaction sv JOIN organisation sup ON sup.id = sv.supervisor_id
         WHERE sv.organisation_id IN (SELECT id FROM porg) AND ${supervision}
        UNION ALL SELECT ef.period_end, 'EFFECT_ASSESSED', ef.aspect::text || ': ' || ef.direction::text, 'EFFECT', ef.id
          FROM effect ef WHERE ef.pilot_id = ${pilot} AND ${effects}
      )
      SELECT to_char(d, 'YYYY-MM-DD') AS date, type, title, entity, entity_id FROM ev
       WHERE d BETWEEN ${from} AND ${to} ORDER BY d, type, title, entity_id`;
    const rows: { date: string; type: string; title: string; entity: string; entity_id: string }[] = await analyticsQuery(this.ds, sql, p.values);
    return rows.map((r) => ({ date: r.date, type: r.type, title: r.title, entity: r.entity, entityId: r.entity_id }) as TimelineEvent);
  }
}
