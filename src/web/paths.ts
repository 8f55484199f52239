/** Where the pages live: one list, used by the controllers, the links and the error pages. */
export const PATHS = {
  home: '/',
  signIn: '/logga-in',
  signOut: '/logga-ut',
  password: '/konto/losenord',
  invitation: '/inbjudan',
  reporting: '/rapportering',
  report: '/rapportering/rapportera',
  surveys: '/enkater',
  timeThieves: '/tidstjuvar',
  supervision: '/tillsyn',
  results: '/resultat',
  users: '/anvandare',
  graphiql: '/graphiql',
  graphiqlExamples: '/graphiql/exempel',
  survey: '/s',
} as const;

const PAGE = /^\/(s|logga-in|logga-ut|konto|inbjudan|rapportering|enkater|tidstjuvar|tillsyn|anvandare|resultat|graphiql)(\/|$)/;

/** Whether a request is for a page (errors answer as pages) rather than the API or a download. */
export const isPagePath = (path: string): boolean => path === '/' || PAGE.test(path);

/** Whether it is an anonymous survey page (no session, its own texts). */
export const isSurveyPath = (path: string): boolean => path.startsWith('/s/');

/** A path to come back to after signing in: only our own pages, never another site. */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && isPagePath(next.split('?')[0]) && !next.startsWith('//') && !isSurveyPath(next) ? next : PATHS.home;
