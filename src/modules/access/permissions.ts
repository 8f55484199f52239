import { Role } from '../../common/auth/role.enum';
import { Roles } from '../../common/auth/decorators';

const { ADMIN, ANALYST, RESEARCHER, ORG_REPORTER } = Role;
const EVERYONE = [ADMIN, ANALYST, RESEARCHER, ORG_REPORTER];

/**
 * Which roles may call an operation at all; which rows they then see or change is decided by the
 * read rules and write checks beside this file. The one table of role permissions: resolvers and
 * controllers name an action with @Allow(), never a role.
 */
export const PERMISSIONS = {
  'users.manage': [ADMIN],
  'organisations.manage': [ADMIN],
  'pilots.manage': [ADMIN],
  'audit.read': [ADMIN],
  'analyticsLog.read': [ADMIN],
  'observations.read': [ADMIN, ANALYST, RESEARCHER],
  'observations.write': [ADMIN, RESEARCHER],
  'reports.write': [ADMIN, RESEARCHER, ORG_REPORTER],
  'reports.read': EVERYONE,
  'reports.completeness': [ADMIN, ANALYST, RESEARCHER],
  'surveys.design': [ADMIN, RESEARCHER],
  /** Open, close and reopen waves (a reporter: of its own units only, see AccessChecks.mayScheduleWave). */
  'surveys.schedule': [ADMIN, RESEARCHER, ORG_REPORTER],
  'surveys.submit': [ADMIN, ORG_REPORTER],
  'surveys.correct': [ADMIN],
  'analytics.read': EVERYONE,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Restricts an operation to the roles of `action` (FORBIDDEN for others, by the global guard). */
export const Allow = (action: Action) => Roles(...PERMISSIONS[action]);

/** Whether a role may do `action` at all (menus of the pages; the guard still checks every call). */
export const mayDo = (role: Role, action: Action): boolean => (PERMISSIONS[action] as readonly Role[]).includes(role);
