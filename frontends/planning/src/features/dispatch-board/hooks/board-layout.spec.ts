import { describe, expect, it } from 'vitest';
import { boardColumns, columnTrack, layoutOf } from './board-layout';

// Monday 7 to Sunday 13 December 2026.
const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];

describe('the board’s layout', () => {
  it('draws a single day along the hours, and 3 days or a week as lists of cards', () => {
    expect(layoutOf(1)).toBe('timeline');
    expect(layoutOf(3)).toBe('agenda');
    expect(layoutOf(7)).toBe('agenda');
  });

  it('folds Saturday and Sunday of a week when no one works then', () => {
    const columns = boardColumns(week, new Set(['2026-12-08']));
    expect(columns.map((column) => column.collapsed)).toEqual([false, false, false, false, false, true, true]);
    expect(columns.map((column) => column.weekend)).toEqual([false, false, false, false, false, true, true]);
    expect(columns.map((column) => columnTrack(column, 'agenda', 7))).toEqual([
      ...Array.from({ length: 5 }, () => 'minmax(124px, 1fr)'),
      '44px',
      '44px',
    ]);
  });

  it('opens a weekend day that has a job, and never folds days of a 3-day or single-day view', () => {
    expect(boardColumns(week, new Set(['2026-12-12'])).map((column) => column.collapsed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    const threeDays = boardColumns(['2026-12-11', '2026-12-12', '2026-12-13'], new Set());
    expect(threeDays.map((column) => column.collapsed)).toEqual([false, false, false]);
    expect(threeDays.map((column) => columnTrack(column, 'agenda', 3))).toEqual(Array.from({ length: 3 }, () => 'minmax(220px, 1fr)'));
    expect(columnTrack(boardColumns(['2026-12-12'], new Set())[0]!, 'timeline', 1)).toBe('minmax(240px, 1fr)');
  });
});
