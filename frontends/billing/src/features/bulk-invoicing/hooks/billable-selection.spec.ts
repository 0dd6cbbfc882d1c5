import { describe, expect, it } from 'vitest';
import { everything, isSelected, noSelection, selectedRows, selectionInput, setMany, toggle } from './billable-selection';

const rows = ['a', 'b', 'c'].map((id) => ({ intervention: { id } }));
const filters = { customerId: 'c-1', closedUntil: '2026-11-30' };

describe('the selection of "À facturer"', () => {
  it('ticks rows one by one or a customer at once, and asks for those interventions', () => {
    let selection = toggle(noSelection, 'a');
    selection = setMany(selection, ['b', 'c'], true);
    selection = toggle(selection, 'c');
    expect(selectedRows(selection, rows).map((r) => r.intervention.id)).toEqual(['a', 'b']);
    expect(selectionInput(selection, filters)).toEqual({ interventionIds: ['a', 'b'] });
    expect(selectionInput(setMany(selection, ['a', 'b'], false), filters)).toEqual({ interventionIds: [] });
  });

  it('selects everything the filters show, less what is unticked afterwards, and asks by the filters', () => {
    let selection = toggle(everything, 'b');
    expect(rows.map((r) => isSelected(selection, r.intervention.id))).toEqual([true, false, true]);
    selection = setMany(selection, ['a', 'b'], false);
    expect(selectedRows(selection, rows).map((r) => r.intervention.id)).toEqual(['c']);
    expect(selectionInput(selection, filters)).toEqual({
      filter: { customerId: 'c-1', closedUntil: '2026-11-30' },
      excludedInterventionIds: ['b', 'a'],
    });
    expect(selectionInput(setMany(selection, ['a', 'b'], true), filters)).toEqual({ filter: filters, excludedInterventionIds: [] });
  });
});
