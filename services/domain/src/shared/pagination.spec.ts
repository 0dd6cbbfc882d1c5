import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize } from './pagination';

describe('cursors and page sizes', () => {
  it('round-trips keyset values', () => {
    expect(decodeCursor(encodeCursor(['Boulangerie du Port', 'id-1']), 2)).toEqual(['Boulangerie du Port', 'id-1']);
  });

  it('answers VALIDATION_FAILED on the after field for a tampered cursor', () => {
    for (const bad of ['not-base64!', encodeCursor(['only one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad, 2)).toThrowError(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { fields: [{ field: 'after', message: 'curseur invalide', reason: expect.any(String) }] },
        }),
      );
    }
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(200)).toBe(200);
    expect(() => pageSize(201)).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => pageSize(-1)).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
