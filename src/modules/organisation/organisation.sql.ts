/**
 * The ids in the subtree rooted at the organisation bound to `param` (the root included).
 * Usable inside `IN (...)`.
 */
export const subtreeIdsSql = (param: string) =>
  `WITH RECURSIVE subtree(id) AS (
     SELECT id FROM organisation WHERE id = ${param}
     UNION ALL
     SELECT o.id FROM organisation o JOIN subtree s ON o.parent_id = s.id
   ) SELECT id FROM subtree`;

/**
 * The ids of the organisation bound to `param` and every organisation above it (its chain up to
 * the top). Usable inside `IN (...)`.
 */
export const ancestorIdsSql = (param: string) =>
  `WITH RECURSIVE chain(id, parent_id) AS (
     SELECT id, parent_id FROM organisation WHERE id = ${param}
     UNION ALL
     SELECT o.id, o.parent_id FROM organisation o JOIN chain c ON o.id = c.parent_id
   ) SELECT id FROM chain`;

/** Escapes LIKE wildcards in user text (the escape character is a backslash). */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Whether the organisation bound to `orgParam`, or one of its ancestors, takes part in the pilot
 * bound to `pilotParam` (at any time). Selects one boolean column `ok`.
 */
export const takesPartInPilotSql = (pilotParam: string, orgParam: string) =>
  `WITH RECURSIVE up(id, parent_id) AS (
     SELECT id, parent_id FROM organisation WHERE id = ${orgParam}
     UNION ALL
     SELECT o.id, o.parent_id FROM organisation o JOIN up ON o.id = up.parent_id
   ) SELECT EXISTS (SELECT 1 FROM pilot_participant pp JOIN up ON pp.organisation_id = up.id
                    WHERE pp.pilot_id = ${pilotParam}) AS ok`;

/**
 * Organisations a researcher works with: every organisation taking part in a pilot the user
 * bound to `userParam` follows (or followed), and their units.
 */
export const researcherOrgIdsSql = (userParam: string) =>
  `WITH RECURSIVE reach(id) AS (
     SELECT pp.organisation_id FROM pilot_participant pp
       JOIN pilot_researcher pr ON pr.pilot_id = pp.pilot_id
      WHERE pr.user_id = ${userParam}
     UNION
     SELECT o.id FROM organisation o JOIN reach ON o.parent_id = reach.id
   ) SELECT id FROM reach`;

/**
 * The organisations related to the one bound to `param` in a pilot's steering chain: its own
 * subtree (its units) and its ancestors (the municipality or region it belongs to). A pilot in
 * which any of these takes part is one the organisation takes part in.
 */
export const relatedOrgIdsSql = (param: string) =>
  `WITH RECURSIVE down(id) AS (
     SELECT id FROM organisation WHERE id = ${param}
     UNION ALL
     SELECT o.id FROM organisation o JOIN down d ON o.parent_id = d.id
   ), up(id, parent_id) AS (
     SELECT id, parent_id FROM organisation WHERE id = ${param}
     UNION ALL
     SELECT o.id, o.parent_id FROM organisation o JOIN up u ON o.id = u.parent_id
   ) SELECT id FROM down UNION SELECT id FROM up`;

/** The organisations taking part in the pilot bound to `pilotParam` (`null`: in any pilot), and all their units. */
export const pilotOrgIdsSql = (pilotParam: string | null) =>
  `WITH RECURSIVE porg(id) AS (
     SELECT organisation_id FROM pilot_participant${pilotParam ? ` WHERE pilot_id = ${pilotParam}` : ''}
     UNION
     SELECT o.id FROM organisation o JOIN porg ON o.parent_id = porg.id
   ) SELECT id FROM porg`;
