import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

/** Reading and editing exported REFI-QDA projects in tests, as another QDA tool would. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (n) => ['Code', 'Coding', 'PlainTextSelection', 'TextSource'].includes(n),
});

/** Code GUIDs of a project by "parent/name". */
export function codeGuids(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (list: any[] = [], parent = '') => list.forEach((c) => (map.set(`${parent}/${c.name}`, c.guid), walk(c.Code, c.name)));
  walk(parser.parse(xml).Project.CodeBook.Codes.Code);
  return map;
}

/** Every coding of a project's selections, as "selection GUID → code GUID", sorted. */
export function codings(xml: string): string[] {
  return parser
    .parse(xml)
    .Project.Sources.TextSource.flatMap((s: any) =>
      (s.PlainTextSelection ?? []).flatMap((x: any) => (x.Coding ?? []).map((c: any) => `${x.guid} → ${c.CodeRef.targetGUID}`)),
    )
    .sort();
}

/** A Coding element of a code, as a tool writes it (its own GUIDs). */
export const coding = (code: string) => `<Coding guid="${randomUUID()}" creatingUser="${randomUUID()}"><CodeRef targetGUID="${code}"/></Coding>`;

/** `selection` put into the first source, after its whole-text selection. */
export const afterWhole = (xml: string, selection: string) =>
  xml.replace(/(<PlainTextSelection[^>]*name="Hela observationen".*?<\/PlainTextSelection>)/s, `$1${selection}`);

/** A new code added to the end of the codebook. */
export const withCode = (xml: string, guid: string, name: string, colour = '#AA3300') =>
  xml.replace(
    '</Codes>',
    `<Code guid="${guid}" name="${name}" isCodable="true" color="${colour}"><Description>Från ett annat verktyg</Description></Code></Codes>`,
  );
