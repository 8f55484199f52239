/**
 * Minimal, strict XML text helpers for the REFI-QDA writer, which streams its output and so
 * writes markup as strings. XML 1.0 cannot carry most control characters at all; they become
 * U+FFFD rather than making the whole file unreadable.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** Element content. */
export const xmlText = (s: string): string => s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);

/** An attribute value (in double quotes); line breaks and tabs survive attribute normalisation. */
export const xmlAttr = (s: string): string => s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"\r\n\t]/g, (c) => ATTR_ESCAPES[c]);

/** ` name="value"` for each defined attribute, in the order given. */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${xmlAttr(String(value))}"`;
  }
  return out;
}

/** `<name .../>` or `<name ...>children</name>`. */
export function element(name: string, attributes: Parameters<typeof attrs>[0], children = ''): string {
  return children ? `<${name}${attrs(attributes)}>${children}</${name}>` : `<${name}${attrs(attributes)}/>`;
}

/** `<name>text</name>`, or nothing for empty text. */
export const textElement = (name: string, text: string | null | undefined): string => (text ? `<${name}>${xmlText(text)}</${name}>` : '');
