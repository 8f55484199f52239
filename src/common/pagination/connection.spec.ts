import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './connection';

describe('cursors', () => {
  const id = '3f2b8c1e-7a6d-4e5f-9a0b-1c2d3e4f5a6b';

  it('round-trips text (with å, ä, ö) and numbers', () => {
    expect(decodeCursor(encodeCursor('Östersunds kommun', id))).toEqual(['Östersunds kommun', id]);
    expect(decodeCursor(encodeCursor(42, id))).toEqual([42, id]);
  });

  it.each([['not base64 json'], [Buffer.from('[1,2,3]').toString('base64url')], [Buffer.from('["a","not-a-uuid"]').toString('base64url')], ['']])(
    'rejects %j as BAD_USER_INPUT on `after`',
    (cursor) => {
      try {
        decodeCursor(cursor);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).fields).toEqual([{ field: 'after', message: 'is not a cursor returned by this API' }]);
      }
    },
  );
});
