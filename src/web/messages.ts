/**
 * Every text a page shows, Swedish first and English beside it: one catalogue, so a page can
 * never show a key in one language only. `{name}` marks a value filled in by `text()`.
 */
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

const sv = {
  'app.name': 'Tillit Tracker',
  'lang.switch': 'In English',
  'survey.title': 'Enkät: {wave}',
  'survey.intro':
    'Dina svar är anonyma. Ingen inloggning, inga cookies, ingen tidpunkt: svaren sparas bara med din enhet ({unit}), dag, och de uppgifter du själv väljer att lämna nedan.',
  'survey.required': 'Obligatorisk',
  'survey.optional': 'Frivillig',
  'survey.category': 'Vilken är din roll?',
  'survey.tenure': 'Hur länge har du arbetat med den här typen av arbete?',
  'survey.tenure.none': 'Vill inte svara',
  'survey.number.hint': 'Ett tal från {min} till {max}',
  'survey.skip': 'Du kan hoppa över frågor du inte vill svara på.',
  'survey.panel.legend': 'Personlig kod (frivillig)',
  'survey.panel.help':
    'Om du svarar på samma sätt nästa gång kan vi jämföra dina svar mellan omgångarna, utan att veta vem du är. Koden sparas bara krypterad.',
  'survey.panel.q1': 'Första bokstaven i din mammas förnamn',
  'survey.panel.q2': 'Din födelsedag (dag i månaden, 1–31)',
  'survey.panel.q3': 'Sista siffran i ditt telefonnummer',
  'survey.send': 'Skicka',
  'survey.errors': 'Något behöver rättas innan svaren kan skickas:',
  'survey.error.category': 'Välj din roll.',
  'survey.error.empty': 'Svara på minst en fråga.',
  'survey.error.range': 'Svaret måste vara ett heltal från 1 till 5.',
  'survey.error.number': 'Svaret måste vara ett tal från {min} till {max}.',
  'survey.error.panel': 'Fyll i alla tre delarna av koden, eller ingen.',
  'thanks.title': 'Tack',
  'thanks.body': 'Tack för dina svar! De är sparade, och du kan stänga sidan.',
  'state.unknown.title': 'Länken fungerar inte',
  'state.unknown.body': 'Den här enkätlänken finns inte. Kontrollera att hela adressen kom med, eller fråga den som skickade den.',
  'state.revoked.title': 'Länken är stängd',
  'state.revoked.body': 'Den här enkätlänken har stängts. Fråga den som skickade den om en ny.',
  'state.notYetOpen.title': 'Enkäten har inte öppnat än',
  'state.notYetOpen.body': 'Enkäten {wave} öppnar {opensOn}. Välkommen tillbaka då!',
  'state.closed.title': 'Enkäten är stängd',
  'state.closed.body': 'Enkäten {wave} tar inte emot fler svar. Tack för ditt intresse!',
  'state.busy.title': 'Många svar just nu',
  'state.busy.body': 'Länken har tagit emot väldigt många svar på kort tid. Försök igen om en stund.',
  'error.title': 'Något gick fel',
  'error.body': 'Dina svar kunde inte tas emot just nu. Gå tillbaka och försök igen om en stund.',
  'error.tooLarge.body': 'Svaren var för långa för att tas emot. Gå tillbaka, korta ner dem och skicka igen.',
};

const en: Record<keyof typeof sv, string> = {
  'app.name': 'Tillit Tracker',
  'lang.switch': 'På svenska',
  'survey.title': 'Survey: {wave}',
  'survey.intro':
    'Your answers are anonymous. No sign-in, no cookies, no time of day: your answers are kept only with your unit ({unit}), the day, and what you choose to give below.',
  'survey.required': 'Required',
  'survey.optional': 'Optional',
  'survey.category': 'What is your role?',
  'survey.tenure': 'How long have you worked in this kind of work?',
  'survey.tenure.none': 'Prefer not to say',
  'survey.number.hint': 'A number from {min} to {max}',
  'survey.skip': 'You may skip any question you do not want to answer.',
  'survey.panel.legend': 'Personal code (optional)',
  'survey.panel.help':
    'If you answer these the same way next time, your answers can be compared between rounds without anyone knowing who you are. The code is kept only encrypted.',
  'survey.panel.q1': 'The first letter of your mother’s first name',
  'survey.panel.q2': 'Your birthday (day of the month, 1–31)',
  'survey.panel.q3': 'The last digit of your phone number',
  'survey.send': 'Send',
  'survey.errors': 'Something needs correcting before your answers can be sent:',
  'survey.error.category': 'Choose your role.',
  'survey.error.empty': 'Answer at least one question.',
  'survey.error.range': 'The answer must be a whole number from 1 to 5.',
  'survey.error.number': 'The answer must be a number from {min} to {max}.',
  'survey.error.panel': 'Fill in all three parts of the code, or none.',
  'thanks.title': 'Thank you',
  'thanks.body': 'Thank you for your answers! They are saved, and you can close this page.',
  'state.unknown.title': 'This link does not work',
  'state.unknown.body': 'This survey link does not exist. Check that the whole address came through, or ask whoever sent it.',
  'state.revoked.title': 'This link has been closed',
  'state.revoked.body': 'This survey link has been closed. Ask whoever sent it for a new one.',
  'state.notYetOpen.title': 'The survey has not opened yet',
  'state.notYetOpen.body': 'The survey {wave} opens on {opensOn}. Welcome back then!',
  'state.closed.title': 'The survey is closed',
  'state.closed.body': 'The survey {wave} takes no more answers. Thank you for your interest!',
  'state.busy.title': 'Many answers right now',
  'state.busy.body': 'This link has received a great many answers in a short time. Please try again in a while.',
  'error.title': 'Something went wrong',
  'error.body': 'Your answers could not be taken just now. Go back and try again in a while.',
  'error.tooLarge.body': 'The answers were too long to be taken. Go back, shorten them and send again.',
};

export type MessageKey = keyof typeof sv;
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { sv, en };

/** The text of `key` in `lang`, with `{name}` filled in from `values`. */
export function text(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The language a request asks for (`?lang=en`); Swedish otherwise. */
export const langOf = (query: unknown): Lang => (query === 'en' ? 'en' : 'sv');
