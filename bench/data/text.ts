import { lognormal, Rng } from '../../src/cli/random';

/**
 * Synthetic Swedish field notes of realistic length: sentences assembled from parts in the
 * register of the interview study (SOU 2017:56 bilaga 2), so that full-text search and the
 * Swedish stemmer see varied, real words. Nothing here is a quotation.
 */
const WHO = [
  'Enhetschefen',
  'En undersköterska',
  'Biståndshandläggaren',
  'Förvaltningschefen',
  'En sjuksköterska',
  'Personalgruppen',
  'Verksamhetschefen',
  'En distriktsläkare',
  'Det fackliga ombudet',
  'Nämndens ordförande',
  'En kvalitetsutvecklare',
  'Första linjens chef',
];
const SAYS = ['beskriver att', 'berättar att', 'menar att', 'upplever att', 'säger att', 'framhåller att', 'är tveksam till om', 'konstaterar att'];
const WHAT = [
  'uppföljningen numera sker i dialog snarare än genom skriftliga rapporter',
  'varje besök fortfarande mäts i minuter',
  'antalet indikatorer har ökat under året',
  'dubbelregistreringen i två system tar mycket tid',
  'mandatet att anpassa insatserna efter brukarens behov har vidgats',
  'administrativa uppgifter har flyttats till en administratör',
  'ledningen litar på medarbetarnas professionella omdöme',
  'avvikelserapporteringen upplevs som en kontroll snarare än ett stöd för lärande',
  'samverkan med vårdcentralen kring gemensamma patienter har blivit tätare',
  'tillsynen har blivit mer lärande och mindre kontrollerande',
  'ersättningsmodellen styr mot volym snarare än kvalitet',
  'medarbetarna själva har fått utforma hur resultaten ska följas upp',
  'värdegrunden diskuteras regelbundet på arbetsplatsträffarna',
  'politikerna har minskat antalet prestationsmått i uppdraget',
  'tidstjuvarna har kartlagts och flera av dem tagits bort',
];
const WHEN = ['', '', ' under våren', ' sedan omorganisationen', ' efter försökets start', ' i jämförelse med förra året', ' på de flesta enheter'];

export function sentence(r: Rng): string {
  return `${r.pick(WHO)} ${r.pick(SAYS)} ${r.pick(WHAT)}${r.pick(WHEN)}.`;
}

/** A note of log-normally distributed length (median ~6 sentences, a few of 40 or more). */
export function fieldNote(r: Rng): string {
  const n = Math.max(1, Math.min(120, Math.round(lognormal(r, 6, 0.7))));
  return Array.from({ length: n }, () => sentence(r)).join(' ');
}

const SYLLABLES = [
  'Al',
  'Berg',
  'by',
  'Da',
  'den',
  'Ek',
  'for',
  'Gran',
  'hult',
  'Hå',
  'ing',
  'Kvarn',
  'lid',
  'Mo',
  'näs',
  'Ork',
  'ryd',
  'Sjö',
  'stad',
  'Tor',
  'vik',
  'Ås',
  'älv',
  'Ör',
];

/** A made-up place name like "Sjöhult" or "Åsryd" (synthetic: no real municipality is meant). */
export function placeName(r: Rng, taken: Set<string>): string {
  for (;;) {
    const first = r.pick(SYLLABLES.filter((s) => s[0] === s[0].toUpperCase()));
    const second = r.pick(SYLLABLES.filter((s) => s[0] !== s[0].toUpperCase() || r.next() < 0.2)).toLowerCase();
    const name = `${first}${second}${taken.has(`${first}${second}`) ? ` ${taken.size}` : ''}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
