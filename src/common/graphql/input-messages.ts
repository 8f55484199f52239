/**
 * GraphQL's own message for a variable that does not fit its type quotes the value: `Variable
 * "$input" got invalid value 123 at "input.password"; String cannot represent a non string value:
 * 123`. A password or a survey answer must never come back in an error, so the value is cut out;
 * the variable, the path and the reason stay.
 *
 * graphql-js builds it as `Variable "$<name>" got invalid value <inspect(value)>[ at "<path>"]; <reason>`
 * with the reason's own error as `originalError`, so the parts are found by position, not by
 * guessing where a value that may contain any character ends.
 */
const HEAD = /^Variable "\$([^"]+)" got invalid value /;
/** The path printed by graphql-js: the variable name, `.field` and `[index]`; no quotes or spaces. */
const PATH_AT_END = / at "([\w.[\]]+)"$/;
/** Enum values are names from the schema, never free text: their message is kept as it is. */
const ENUM_REASON = /^Value "[\w]+" does not exist in "\w+" enum\./;

export function withoutSubmittedValue(message: string, reason: string | undefined): string {
  const head = HEAD.exec(message);
  if (!head || reason === undefined || !message.endsWith(`; ${reason}`)) return message;
  const prefix = message.slice(0, message.length - reason.length - 2);
  const path = PATH_AT_END.exec(prefix);
  const value = prefix.slice(head[0].length, path ? prefix.length - path[0].length : undefined);
  const why = ENUM_REASON.test(reason) ? reason : reason.split(`: ${value}`).join('').split(value).join('…');
  return `Variable "$${head[1]}" got an invalid value${path ? ` at "${path[1]}"` : ''}; ${why}`;
}
