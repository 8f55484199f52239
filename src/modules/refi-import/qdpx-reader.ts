import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { badInput } from '../../common/errors/domain-error';

/** What an import takes from a REFI-QDA project (`.qdpx`): codes, and text sources with their selections. */
export interface ProjectCode {
  guid: string;
  name: string;
  description: string;
  colour: string | null;
  isCodable: boolean;
  parentGuid: string | null;
}

export interface ProjectSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  memo: string;
  codeGuids: string[];
}

export interface ProjectSource {
  guid: string;
  name: string;
  text: string;
  selections: ProjectSelection[];
  /** Codings directly on the source (the schema allows them): they code the whole text. */
  codeGuids: string[];
}

export interface ProjectFile {
  codes: ProjectCode[];
  sources: ProjectSource[];
}

/** At most this much unpacked, whatever the archive claims: a ZIP bomb is refused, not expanded. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const FIELD = 'file';
const REPEATED = new Set(['Code', 'TextSource', 'PlainTextSelection', 'Coding']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  removeNSPrefix: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed XML is checked field by field below */

/** Reads a `.qdpx` (a ZIP of project.qde and Sources/): BAD_USER_INPUT naming what is wrong with the file. */
export function readQdpx(zip: Buffer): ProjectFile {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(new Uint8Array(zip), {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new Error('too large');
        return f.name === 'project.qde' || f.name.startsWith('Sources/');
      },
    });
  } catch (e) {
    if ((e as Error).message === 'too large') throw badInput(FIELD, `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
    throw badInput(FIELD, 'is not a ZIP archive (a .qdpx project)');
  }
  if (!files['project.qde']) throw badInput(FIELD, 'holds no project.qde');
  const text = (bytes: Uint8Array, what: string) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw badInput(FIELD, `${what} is not UTF-8`);
    }
  };
  const xml = text(files['project.qde'], 'project.qde');
  // A DTD could declare entities that expand without bound; REFI projects have none.
  if (/<!DOCTYPE/i.test(xml)) throw badInput(FIELD, 'project.qde declares a DTD (<!DOCTYPE>), which is not accepted');
  // XML 1.0 has no NUL character, and PostgreSQL text takes none: refused here, by name, not as a database error.
  if (xml.includes('\u0000') || /&#(0+|x0+);/i.test(xml)) throw badInput(FIELD, 'project.qde contains the NUL character, which XML does not allow');
  let doc: any;
  try {
    doc = parser.parse(xml, true);
  } catch (e) {
    throw badInput(FIELD, `project.qde is not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  const project = doc?.Project;
  if (!project) throw badInput(FIELD, 'project.qde has no Project element (urn:QDA-XML:project:1.0)');
  const sourceText = (s: any): string => {
    if (typeof s.PlainTextContent === 'string') return s.PlainTextContent;
    const path = String(s.plainTextPath ?? '');
    const inside = path.startsWith('internal://') ? `Sources/${path.slice('internal://'.length)}` : null;
    if (!inside || !files[inside]) throw badInput(FIELD, `the text of source "${s.name ?? s.guid}" is not in the archive (${path || 'no plainTextPath'})`);
    const content = text(files[inside], inside);
    if (content.includes('\u0000')) throw badInput(FIELD, `${inside} contains the NUL character`);
    return content;
  };
  return {
    codes: codesOf(project.CodeBook?.Codes?.Code ?? [], null),
    sources: (project.Sources?.TextSource ?? []).map((s: any) => sourceOf(s, sourceText(s))),
  };
}

function codesOf(list: any[], parentGuid: string | null): ProjectCode[] {
  return list.flatMap((c) => [
    {
      guid: guid(c.guid, 'Code'),
      name: String(c.name ?? ''),
      description: typeof c.Description === 'string' ? c.Description : '',
      colour: typeof c.color === 'string' && /^#[0-9A-Fa-f]{6}$/.test(c.color) ? c.color.toUpperCase() : null,
      isCodable: c.isCodable !== 'false',
      parentGuid,
    },
    ...codesOf(c.Code ?? [], guid(c.guid, 'Code')),
  ]);
}

const codeRefs = (codings: any[] = []) => codings.map((c) => guid(c?.CodeRef?.targetGUID, 'CodeRef'));

function sourceOf(s: any, text: string): ProjectSource {
  return {
    guid: guid(s.guid, 'TextSource'),
    name: String(s.name ?? ''),
    text,
    codeGuids: codeRefs(s.Coding),
    selections: (s.PlainTextSelection ?? []).map((x: any) => ({
      guid: guid(x.guid, 'PlainTextSelection'),
      name: String(x.name ?? ''),
      start: position(x.startPosition),
      end: position(x.endPosition),
      memo: typeof x.Description === 'string' ? x.Description : '',
      codeGuids: codeRefs(x.Coding),
    })),
  };
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
function guid(v: unknown, element: string): string {
  if (typeof v !== 'string' || !GUID.test(v.trim())) throw badInput(FIELD, `a ${element} has no valid GUID (${String(v).slice(0, 60)})`);
  return v.trim().toLowerCase();
}

function position(v: unknown): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw badInput(FIELD, `a PlainTextSelection has a position that is no whole number ≥ 0 (${String(v).slice(0, 30)})`);
  return n;
}
