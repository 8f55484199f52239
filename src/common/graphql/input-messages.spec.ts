import { GraphQLString, GraphQLFloat } from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import { withoutSubmittedValue } from './input-messages';

/** The message exactly as graphql-js composes it (execution/values.js). */
const graphqlMessage = (name: string, value: unknown, path: string | null, reason: string) =>
  `Variable "$${name}" got invalid value ${inspect(value)}${path ? ` at "${path}"` : ''}; ${reason}`;

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('withoutSubmittedValue', () => {
  it('drops a password from a variable coercion message, keeping the path and the reason', () => {
    const reason = reasonOf(() => GraphQLString.parseValue(123456789));
    const out = withoutSubmittedValue(graphqlMessage('input', 123456789, 'input.password', reason), reason);
    expect(out).toBe('Variable "$input" got an invalid value at "input.password"; String cannot represent a non string value');
  });

  it('drops a survey answer given as text', () => {
    const reason = reasonOf(() => GraphQLFloat.parseValue('fyra'));
    const out = withoutSubmittedValue(graphqlMessage('input', 'fyra', 'input.responses[0].answers[2]', reason), reason);
    expect(out).not.toContain('fyra');
    expect(out).toBe('Variable "$input" got an invalid value at "input.responses[0].answers[2]"; Float cannot represent non numeric value');
  });

  it('finds the path even when the value itself looks like one', () => {
    const value = { text: 'a; b at "x.y"' };
    const reason = 'Expected type "[PilotStatus!]".';
    expect(withoutSubmittedValue(graphqlMessage('f', value, 'f.status', reason), reason)).toBe(
      'Variable "$f" got an invalid value at "f.status"; Expected type "[PilotStatus!]".',
    );
    expect(withoutSubmittedValue(graphqlMessage('f', 'q at "f.x"', null, reason), reason)).toBe(
      'Variable "$f" got an invalid value; Expected type "[PilotStatus!]".',
    );
  });

  it('keeps enum messages and messages that quote no value', () => {
    const reason = 'Value "NOPE" does not exist in "PilotStatus" enum.';
    expect(withoutSubmittedValue(graphqlMessage('f', 'NOPE', 'f.status[0]', reason), reason)).toContain('"NOPE" does not exist in "PilotStatus"');
    expect(withoutSubmittedValue('Variable "$id" of required type "ID!" was not provided.', undefined)).toBe(
      'Variable "$id" of required type "ID!" was not provided.',
    );
  });
});
