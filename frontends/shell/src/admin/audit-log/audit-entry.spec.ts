import { describe, expect, it } from 'vitest';
import { auditPeriod, changedFields, recordLinkOf } from './audit-entry';

describe('recordLinkOf', () => {
  it('links records that have a page, credit notes to their own section', () => {
    expect(recordLinkOf('customers', 'c1', {})).toBe('/facturation/clients/c1');
    expect(recordLinkOf('invoices', 'i1', { type_code: '380' })).toBe('/facturation/factures/i1');
    expect(recordLinkOf('invoices', 'a1', { type_code: '381' })).toBe('/facturation/avoirs/a1');
    expect(recordLinkOf('interventions', 'x', {})).toBe('/planning/interventions/x');
  });

  it('gives none for records without a page', () => {
    expect(recordLinkOf('api_keys', 'k1', {})).toBeNull();
    expect(recordLinkOf('invoice_lines', 'l1', {})).toBeNull();
  });
});

describe('changedFields', () => {
  it('lists the columns an update changed, without bookkeeping ones', () => {
    expect(changedFields('update', { role: { from: 'planner', to: 'admin' }, updated_at: {}, version: {} })).toEqual(['role']);
    expect(changedFields('insert', { role: 'admin' })).toEqual([]);
  });
});

describe('auditPeriod', () => {
  it('turns inclusive Paris days into [from, to) instants', () => {
    expect(auditPeriod('2026-12-01', '2026-12-06')).toEqual({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-06T23:00:00.000Z' });
    expect(auditPeriod('2026-07-01', '')).toEqual({ from: '2026-06-30T22:00:00.000Z', to: null });
  });
});
