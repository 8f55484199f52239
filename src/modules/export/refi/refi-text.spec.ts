import { refiGuid, uuidV5 } from './guid';
import { plainText } from './plain-text';
import { attrs, xmlText } from './xml';

describe('REFI-QDA building blocks', () => {
  it('makes RFC 9562 name-based (v5) UUIDs, stable from one export to the next', () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(refiGuid('code:METHOD:VALUES_WORK')).toBe(refiGuid('code:METHOD:VALUES_WORK'));
    expect(refiGuid('code:METHOD:VALUES_WORK')).not.toBe(refiGuid('code:METHOD:LESS_DETAIL_STEERING'));
  });

  it('leaves text with \\n line endings and no BOM as it is', () => {
    const t = plainText('Åsa: öl 😀\nrad två');
    expect(t.text).toBe('Åsa: öl 😀\nrad två');
    expect(t.position(9)).toBe(9);
  });

  it('turns \\r\\n and lone \\r into \\n, drops a leading BOM, and moves code-point positions with the text', () => {
    const stored = '\uFEFFÅsa 😀\r\nöl\rslut'; // code points: 0 BOM, 1 Å, …, 5 😀, 6 \r, 7 \n, 8 ö, 9 l, 10 \r, 11 s
    const t = plainText(stored);
    expect(t.text).toBe('Åsa 😀\nöl\nslut');
    const cps = Array.from(t.text);
    const at = (p: number) => cps[t.position(p)];
    expect(at(1)).toBe('Å'); // after the BOM
    expect(at(5)).toBe('😀');
    expect(at(8)).toBe('ö'); // after \r\n
    expect(at(11)).toBe('s'); // after the lone \r
    expect(t.position(Array.from(stored).length)).toBe(cps.length);
    // A segment "öl" stored as [8, 10) is [6, 8) in the exported text.
    expect(cps.slice(t.position(8), t.position(10)).join('')).toBe('öl');
  });

  it('escapes XML and replaces characters XML 1.0 cannot carry', () => {
    expect(xmlText('a < b & "c"\u0001')).toBe('a &lt; b &amp; "c"\uFFFD');
    expect(attrs({ name: 'rad 1\nrad "2"', skip: undefined, n: 3 })).toBe(' name="rad 1&#10;rad &quot;2&quot;" n="3"');
  });
});
