import type { Role } from './role.enum';

/** The authenticated caller, as services see it. */
export interface AuthUser {
  id: string;
  role: Role;
  /** Set for ORG_REPORTER: the organisation (root of the subtree) they report for. */
  organisationId: string | null;
}
