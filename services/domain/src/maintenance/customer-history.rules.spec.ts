import { describe, expect, it } from 'vitest';
import { fieldName, historyEntries, type AuditRow } from './customer-history.rules';

const at = new Date('2026-12-15T09:30:00Z');
const row = (fields: Partial<AuditRow> & Pick<AuditRow, 'id' | 'tableName' | 'rowId' | 'action' | 'changes'>): AuditRow => ({
  at,
  userName: null,
  apiKeyName: null,
  ...fields,
});

describe('customer history', () => {
  it('names columns as the API names fields', () => {
    expect(fieldName('billing_address_line1')).toBe('billingAddressLine1');
    expect(fieldName('is_billing_contact')).toBe('isBillingContact');
  });

  it('reads a creation, a change and a deletion as people would, without technical columns', () => {
    const rows: AuditRow[] = [
      row({
        id: '3',
        tableName: 'customer_contacts',
        rowId: 'k1',
        action: 'delete',
        changes: { id: 'k1', tenant_id: 't', customer_id: 'c1', full_name: 'Anne Riou', email: 'anne@example.fr', is_signatory: false },
        apiKeyName: 'ERP',
      }),
      row({
        id: '2',
        tableName: 'customers',
        rowId: 'c1',
        action: 'update',
        changes: { billing_city: { from: 'Brest', to: 'Quimper' }, version: { from: 1, to: 2 }, updated_at: { from: 'x', to: 'y' } },
        userName: 'Françoise Méheut',
      }),
      row({
        id: '1',
        tableName: 'customers',
        rowId: 'c1',
        action: 'insert',
        changes: { id: 'c1', tenant_id: 't', name: 'Mme Morvan', is_consumer: true, payment_terms_days: 30, notes: null, version: 1 },
      }),
    ];
    const entries = historyEntries(rows, new Map([['c1', 'Mme Jeanne Morvan']]));
    expect(entries.map((e) => [e.actorName, e.subject, e.subjectLabel, e.action])).toEqual([
      ['Clé API « ERP »', 'CONTACT', 'Anne Riou', 'DELETED'],
      ['Françoise Méheut', 'CUSTOMER', 'Mme Jeanne Morvan', 'UPDATED'],
      ['Système', 'CUSTOMER', 'Mme Jeanne Morvan', 'CREATED'],
    ]);
    expect(entries[0]!.changes).toEqual([
      { field: 'email', from: 'anne@example.fr', to: null },
      { field: 'fullName', from: 'Anne Riou', to: null },
    ]);
    expect(entries[1]!.changes).toEqual([{ field: 'billingCity', from: 'Brest', to: 'Quimper' }]);
    expect(entries[2]!.changes).toEqual([
      { field: 'isConsumer', from: null, to: 'true' },
      { field: 'name', from: null, to: 'Mme Morvan' },
      { field: 'paymentTermsDays', from: null, to: '30' },
    ]);
  });
});
