import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, notFound } from '../../common/errors/domain-error';
import { Params } from '../../common/sql/params';
import { AccessChecks } from '../access/access.checks';
import { readableObservations, visibleOwnCodes, visiblePilots } from '../access/access.rules';
import { applyTo, inRaw } from '../access/sql-fragment';
import { CodeDimension } from '../analytics/dto/codes.input';
import { plainText, storedPosition } from '../export/refi/plain-text';
import { wholeSelectionGuid } from '../export/refi/project-writer';
import { CodedSegmentEntity } from '../observation/coded-segment.entity';
import { toCodes } from '../observation/framework-codes';
import { ObservationEntity } from '../observation/observation.entity';
import { ObservationService } from '../observation/observation.service';
import { sliceCodePoints } from '../observation/text';
import { OwnCodeService } from '../own-code/own-code.service';
import { CodePair, sameCodes, withCodes } from './apply-codes';
import { dimensionOf, FRAMEWORK_GUIDS } from './code-map';
import { RefiImportReport } from './dto/refi-import.report';
import { ProjectCode, ProjectFile, ProjectSelection, ProjectSource, readQdpx } from './qdpx-reader';

export const IMPORT_REASON = 'Importerad från ett REFI-QDA-projekt (.qdpx)';

/** What a code GUID of the file means here: codes to set, a case link to leave, or why its codings are skipped. */
type Resolved = { pair: CodePair } | { caseLink: true } | { skip: string } | { create: ProjectCode; name: string } | { fail: string };

class DryRun extends Error {
  constructor(readonly report: RefiImportReport) {
    super('dry run');
  }
}

/**
 * Imports a REFI-QDA project coded in another tool into a pilot (issue 14 §6): sources match
 * observations by GUID or identical text; the selection over a whole text (and codings on a
 * source) code the observation, the others become segments (keeping the selection's GUID);
 * codes map to the framework by GUID, to own codes by GUID or name, and otherwise become own codes
 * of the pilot. It adds and never removes. One transaction: all of it or nothing; a dry run does
 * everything and rolls back, so its report is exactly what the import would do; a repeated
 * import finds what the first made and changes nothing. Every change is audited.
 */
@Injectable()
export class RefiImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly observations: ObservationService,
    private readonly ownCodes: OwnCodeService,
  ) {}

  async import(actor: AuthUser, pilotId: string, file: Buffer, dryRun: boolean): Promise<RefiImportReport> {
    const project = readQdpx(file);
    try {
      return await this.ds.transaction(async (em) => {
        const report = await new ImportRun(em, actor, pilotId, project, dryRun, this.access, this.observations, this.ownCodes).run();
        if (dryRun) throw new DryRun(report);
        return report;
      });
    } catch (e) {
      if (e instanceof DryRun) return e.report;
      throw e;
    }
  }
}

/** One import, in one transaction. */
class ImportRun {
  private readonly report: RefiImportReport;
  private readonly resolved = new Map<string, Resolved>();

  constructor(
    private readonly em: EntityManager,
    private readonly actor: AuthUser,
    private readonly pilotId: string,
    private readonly project: ProjectFile,
    dryRun: boolean,
    private readonly access: AccessChecks,
    private readonly observations: ObservationService,
    private readonly ownCodes: OwnCodeService,
  ) {
    this.report = {
      dryRun,
      sourcesMatched: 0,
      sourcesSkipped: [],
      ownCodesAdded: [],
      observationsRecoded: [],
      segmentsAdded: [],
      segmentsRecoded: [],
      selectionsUnchanged: 0,
      skipped: [],
    };
  }

  async run(): Promise<RefiImportReport> {
    const p = new Params();
    const [pilot] = await this.em.query(
      `SELECT p.id FROM pilot p WHERE p.id = ${p.add(this.pilotId, '::uuid')} AND ${inRaw(visiblePilots(this.actor, 'p.id'), p)}`,
      p.values,
    );
    if (!pilot) throw notFound('Pilot', this.pilotId);
    await this.resolveCodes();
    const { byId, byText } = await this.pilotObservations();
    for (const source of this.project.sources) {
      const match = byId.get(source.guid) ?? byText.get(plainText(source.text).text);
      if (!match || match === 'ambiguous') {
        this.report.sourcesSkipped.push({
          guid: source.guid,
          name: source.name,
          reason: match ? 'several observations of the pilot have this text' : 'no observation of this pilot that you may read has this GUID or this text',
        });
        continue;
      }
      await this.importSource(source, match);
    }
    return this.report;
  }

  /** The pilot's live observations the caller may read (with their codes), by id and by their plain text (as exported). */
  private async pilotObservations() {
    const qb = this.em
      .getRepository(ObservationEntity)
      .createQueryBuilder('o')
      .where('o.pilotId = :pilotId AND o.deletedAt IS NULL', { pilotId: this.pilotId });
    const rows = await applyTo(qb, readableObservations(this.actor, 'o')).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byText = new Map<string, ObservationEntity | 'ambiguous'>();
    for (const r of rows) {
      const key = plainText(r.text).text;
      byText.set(key, byText.has(key) ? 'ambiguous' : r);
    }
    return { byId, byText };
  }

  private async importSource(source: ProjectSource, obs: ObservationEntity): Promise<void> {
    if (plainText(obs.text).text !== source.text) {
      this.report.sourcesSkipped.push({ guid: source.guid, name: source.name, reason: 'its text differs from the observation’s: positions would not hold' });
      return;
    }
    if (!(await this.access.mayWriteResearch(this.actor, this.pilotId, obs.occurredOn, this.em))) {
      this.report.sourcesSkipped.push({ guid: source.guid, name: source.name, reason: 'you do not code in this pilot on the observation’s date' });
      return;
    }
    this.report.sourcesMatched++;
    const length = Array.from(source.text).length;
    const isWhole = (s: ProjectSelection) => s.guid === wholeSelectionGuid(obs.id) || (s.start === 0 && s.end === length);
    const whole = [...(await this.pairs(source.codeGuids, source.guid))];
    for (const s of source.selections.filter(isWhole)) whole.push(...(await this.pairs(s.codeGuids, s.guid)));
    if (whole.length) await this.recodeObservation(obs, whole);
    const stored = storedPosition(obs.text);
    for (const s of source.selections.filter((x) => !isWhole(x))) await this.importSelection(s, obs, length, stored);
  }

  private async recodeObservation(obs: ObservationEntity, pairs: CodePair[]): Promise<void> {
    const current = obs.codes;
    const next = withCodes(current, pairs);
    if (sameCodes(current, next)) return void this.report.selectionsUnchanged++;
    if (!this.access.mayChangeOwn(this.actor, obs.authorId)) {
      this.report.skipped.push({
        guid: wholeSelectionGuid(obs.id),
        observationId: obs.id,
        reason: 'only its author or an admin changes an observation’s own codes',
      });
      return;
    }
    await this.observations.recodeIn(this.em, this.actor, obs.id, next, IMPORT_REASON);
    this.report.observationsRecoded.push({ observationId: obs.id, title: obs.title });
  }

  /** A selection other than the whole text: `length` is the text's in code points, `stored` maps its positions to the stored text's. */
  private async importSelection(s: ProjectSelection, obs: ObservationEntity, length: number, stored: (p: number) => number): Promise<void> {
    const pairs = await this.pairs(s.codeGuids, s.guid);
    const skip = (reason: string) => void this.report.skipped.push({ guid: s.guid, observationId: obs.id, reason });
    if (s.end <= s.start || s.end > length) return skip(`its positions ${s.start}–${s.end} are not a passage of the text`);
    if (!pairs.length) return skip('it carries no code Tillit Tracker takes (an annotation, or only case codes)');
    const segment = await this.em.getRepository(CodedSegmentEntity).findOne({ where: { id: s.guid }, lock: { mode: 'pessimistic_write' } });
    if (segment && segment.observationId !== obs.id) return skip('a segment of another observation has this GUID');
    if (segment) {
      const current = segment.codes;
      const next = withCodes(current, pairs);
      if (sameCodes(current, next)) return void this.report.selectionsUnchanged++;
      if (!this.access.mayChangeOwn(this.actor, segment.authorId)) return skip('only its author or an admin re-codes a segment');
      await this.observations.recodeSegmentIn(this.em, this.actor, segment.id, next, IMPORT_REASON);
      this.report.segmentsRecoded.push({ guid: s.guid, observationId: obs.id });
      return;
    }
    const [start, end] = [stored(s.start), stored(s.end)];
    const quote = sliceCodePoints(obs.text, start, end);
    const codes = withCodes(toCodes(undefined), pairs);
    await this.observations.insertSegment(this.em, this.actor, { observationId: obs.id, start, end, quote, codes, memo: s.memo.slice(0, 2_000) }, s.guid);
    this.report.segmentsAdded.push({ guid: s.guid, observationId: obs.id, quote: quote.slice(0, 200) });
  }

  /** The codes a list of codings sets (making the own codes they need); codings of codes that take none are reported. */
  private async pairs(guids: string[], owner: string): Promise<CodePair[]> {
    const out: CodePair[] = [];
    for (const g of guids) {
      const r = await this.resolve(g);
      if ('fail' in r) throw badInput('file', r.fail);
      if ('skip' in r) this.report.skipped.push({ guid: owner, observationId: null, reason: `a coding was left out: ${r.skip}` });
      if ('pair' in r) out.push(r.pair);
    }
    return out;
  }

  /** What a code GUID is; a new code of the file becomes an own code of the pilot when first used (its parents first). */
  private async resolve(guid: string): Promise<Resolved> {
    const r = this.resolved.get(guid) ?? { skip: 'the code it refers to is not in the file’s codebook' };
    if (!('create' in r)) return r;
    const parent = r.create.parentGuid ? await this.resolve(r.create.parentGuid) : undefined;
    const pair = { dimension: CodeDimension.OWN_CODE, code: await this.createOwnCode(r.create, r.name, parent) };
    this.resolved.set(guid, { pair });
    return { pair };
  }

  /** What each code of the file's codebook is here: a framework code, a case, an own code (by GUID or name), or one to make. */
  private async resolveCodes(): Promise<void> {
    const guids = this.project.codes.map((c) => c.guid);
    const p = new Params();
    const known: { id: string; name: string; kind: 'own' | 'case'; retired: boolean }[] = guids.length
      ? await this.em.query(
          `SELECT c.id, lower(c.name) AS name, 'own' AS kind, c.retired_at IS NOT NULL AS retired FROM own_code c WHERE (c.id = ANY(${p.add(guids, '::uuid[]')})
              OR (c.retired_at IS NULL AND (c.pilot_id IS NULL OR c.pilot_id = ${p.add(this.pilotId, '::uuid')}))) AND ${inRaw(visibleOwnCodes(this.actor, 'c'), p)}
           UNION ALL SELECT org.id, '' AS name, 'case' AS kind, false AS retired FROM organisation org WHERE org.id = ANY(${p.add(guids, '::uuid[]')})`,
          p.values,
        )
      : [];
    const own = new Map(known.filter((k) => k.kind === 'own').map((k) => [k.id, k]));
    const ownByName = new Map(known.filter((k) => k.kind === 'own').map((k) => [k.name, k.id]));
    const cases = new Set(known.filter((k) => k.kind === 'case').map((k) => k.id));
    for (const c of this.project.codes) {
      const framework = FRAMEWORK_GUIDS.get(c.guid);
      if (framework) {
        this.resolved.set(
          c.guid,
          framework.kind === 'code' ? { pair: framework } : { skip: `"${framework.name}" takes no codings (code with one of its sub-codes)` },
        );
      } else if (cases.has(c.guid)) this.resolved.set(c.guid, { caseLink: true });
      else if (own.get(c.guid)?.retired)
        this.resolved.set(c.guid, { fail: `the code "${c.name}" (${c.guid}) is retired in Tillit Tracker: code with a live code, or merge it there first` });
      else if (own.has(c.guid)) this.resolved.set(c.guid, { pair: { dimension: CodeDimension.OWN_CODE, code: c.guid } });
      else if (!c.isCodable) this.resolved.set(c.guid, { skip: `"${c.name}" is not codable in the file` });
      else {
        const name = codeName(c);
        const existing = ownByName.get(name.toLowerCase());
        this.resolved.set(c.guid, existing ? { pair: { dimension: CodeDimension.OWN_CODE, code: existing } } : { create: c, name });
        ownByName.set(name.toLowerCase(), existing ?? c.guid);
      }
    }
  }

  private async createOwnCode(c: ProjectCode, name: string, parent: Resolved | undefined): Promise<string> {
    const parentId = parent && 'pair' in parent && parent.pair.dimension === CodeDimension.OWN_CODE ? parent.pair.code : null;
    const parentDimension = parentId || !c.parentGuid ? null : dimensionOf(c.parentGuid);
    const fields = {
      id: c.guid,
      name,
      description: c.description.slice(0, 5_000),
      colour: c.colour ?? '#7F7F7F',
      parentId,
      parentDimension,
      pilotId: this.pilotId,
    };
    await this.ownCodes.createIn(this.em, this.actor, fields, IMPORT_REASON);
    this.report.ownCodesAdded.push({ guid: c.guid, name });
    return c.guid;
  }
}

const codeName = (c: ProjectCode) =>
  Array.from(c.name.trim() || `Namnlös kod ${c.guid.slice(0, 8)}`)
    .slice(0, 200)
    .join('');
