import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, type CursorValueKind } from './pagination';

describe('cursors and page sizes', () => {
  it('round-trips keyset values', () => {
    const id = '0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d';
    expect(decodeCursor(encodeCursor(['Boulangerie du Port', id]), ['text', 'uuid'])).toEqual(['Boulangerie du Port', id]);
    expect(decodeCursor(encodeCursor(['2026-11-30', id]), ['date', 'uuid'])).toEqual(['2026-11-30', id]);
    expect(decodeCursor(encodeCursor(['2026-11-30T09:15:00.000Z', 12.5]), ['timestamp', 'number'])).toEqual([
      '2026-11-30T09:15:00.000Z',
      12.5,
    ]);
  });

  it('answers VALIDATION_FAILED on the after field for a tampered cursor', () => {
    const id = '0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d';
    const tampered: [string, CursorValueKind[]][] = [
      ['not-base64!', ['value', 'uuid']],
      [encodeCursor(['only one']), ['value', 'uuid']],
      [Buffer.from('{"a":1}').toString('base64url'), ['value', 'uuid']],
      [Buffer.from(`[1e309, "${id}"]`).toString('base64url'), ['value', 'uuid']],
      [encodeCursor(['Dupont', 'not-a-uuid']), ['text', 'uuid']],
      [encodeCursor(['2026-02-30', id]), ['date', 'uuid']],
      [encodeCursor(['x'.repeat(501), id]), ['text', 'uuid']],
      [encodeCursor(['a\u0000b', id]), ['text', 'uuid']],
      ['A'.repeat(2000), ['value']],
    ];
    for (const [bad, kinds] of tampered) {
      expect(() => decodeCursor(bad, kinds)).toThrowError(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { fields: [{ field: 'after', message: 'curseur invalide', reason: expect.any(String) }] },
        }),
      );
    }
  });

  it('refuses a negative or fractional offset cursor and a timestamp that is not one', () => {
    for (const [bad, kind] of [
      [encodeCursor([-1]), 'integer'],
      [encodeCursor([1.5]), 'integer'],
      [encodeCursor(['yesterday']), 'timestamp'],
    ] as const)
      expect(() => decodeCursor(bad, [kind])).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(200)).toBe(200);
    expect(() => pageSize(201)).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => pageSize(-1)).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
