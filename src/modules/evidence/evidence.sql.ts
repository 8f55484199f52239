import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { readableObservations, surveyResultPilots, visibleReports, visibleWaves } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';

/**
 * Whether the caller may see the evidence an `evidence_link` row (alias `el`) points to, as one
 * SQL boolean built from the access rules: observations and their coded passages readable and not
 * deleted, time thieves and supervisory contacts within the caller's reports, a wave's discretion
 * results only where the caller may ask for them, and a burden series for a unit only within the
 * caller's reports (a series for an indicator alone is counted in the caller's own scope anyway).
 * A target that is gone (a removed coded passage) is not visible.
 */
export function evidenceVisibleSql(actor: AuthUser, p: Params): string {
  return `CASE el.kind
    WHEN 'OBSERVATION' THEN EXISTS (SELECT 1 FROM observation o WHERE o.id = el.observation_id AND o.deleted_at IS NULL
                                      AND ${inRaw(readableObservations(actor, 'o'), p)})
    WHEN 'SEGMENT' THEN EXISTS (SELECT 1 FROM coded_segment s JOIN observation o ON o.id = s.observation_id
                                 WHERE s.id = el.segment_id AND o.deleted_at IS NULL AND ${inRaw(readableObservations(actor, 'o'), p)})
    WHEN 'TIME_THIEF' THEN EXISTS (SELECT 1 FROM time_thief tt WHERE tt.id = el.time_thief_id AND tt.withdrawn_at IS NULL
                                    AND ${inRaw(visibleReports(actor, 'tt.organisation_id'), p)})
    WHEN 'SUPERVISION' THEN EXISTS (SELECT 1 FROM supervision_interaction si WHERE si.id = el.supervision_id
                                     AND ${inRaw(visibleReports(actor, 'si.organisation_id'), p)})
    WHEN 'DISCRETION_RESULTS' THEN EXISTS (SELECT 1 FROM survey_wave w WHERE w.id = el.wave_id AND ${inRaw(visibleWaves(actor, 'w.id'), p)}
                                            AND ${inRaw(surveyResultPilots(actor, 'w.pilot_id'), p)})
    WHEN 'BURDEN_SERIES' THEN (el.indicator_id IS NOT NULL OR el.organisation_id IS NOT NULL)
                              AND (el.organisation_id IS NULL OR ${inRaw(visibleReports(actor, 'el.organisation_id'), p)})
    ELSE false END`;
}
