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

/** Escapes LIKE wildcards in user text (the escape character is a backslash). */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
