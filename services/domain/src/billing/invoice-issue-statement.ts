import type { EntityManager } from '@mikro-orm/postgresql';
import type { BuyerSnapshot, Invoice } from './invoice.entity';
import { seriesNumberCtes } from './numbering';
import { scopeFactInsert } from '../platform/business-facts';

/** What the issue writes besides its number and dates. */
export interface IssueValues {
  /** The moment of issue, or null for the database's clock once the series is granted. */
  at: Date | null;
  /** The due date for each issue date the statement may find (the day expected and its neighbours). */
  dueDates: Record<string, string>;
  buyer: BuyerSnapshot;
  totals: Pick<Invoice, 'totalNet' | 'totalVat' | 'totalGross' | 'amountDue' | 'retentionAmount'>;
  updatedAt: Date;
}

/** The issued invoice as the statement answers it. */
export interface IssuedRow {
  number: string;
  issued_at: string | Date;
  issue_date: string;
  due_date: string;
  version: number;
  open_balance: string;
  settlement_state: Invoice['settlementState'];
}

/**
 * The issue of a locked draft as ONE statement: the series lock, the moment and the number
 * (`seriesNumberCtes`), the invoice's update with its dates, buyer and totals, and the
 * `invoice.issued` (or `credit_note.issued`) fact. The series is held from the lock to the
 * transaction's end and nothing runs in the service in between: with `inOneStatementAndCommit`, its
 * commit goes in the same message, and the lock is held for the statement's execution only. Nothing
 * is written unless the draft is still at the version read (the caller holds its row lock, so it
 * is). The due date is looked up by the issue date found (`dueDates`); an issue date it does not
 * know (the two clocks a day apart) leaves it null, which the table's check refuses.
 */
export function issueStatement(
  em: EntityManager,
  invoice: Pick<Invoice, 'id' | 'tenantId' | 'series' | 'version' | 'typeCode' | 'customerId' | 'creditedInvoiceId'>,
  values: IssueValues,
): { sql: string; params: unknown[] } {
  const number = seriesNumberCtes(invoice.tenantId, invoice.series, values.at, 'g');
  const fact = scopeFactInsert(
    em,
    invoice.tenantId,
    {
      kind: invoice.typeCode === '381' ? 'credit_note.issued' : 'invoice.issued',
      subjectType: 'Invoice',
      subjectId: invoice.id,
      payload: {
        typeCode: invoice.typeCode,
        customerId: invoice.customerId,
        totalGross: values.totals.totalGross,
        amountDue: values.totals.amountDue,
        ...(invoice.typeCode === '381' ? { creditedInvoiceId: invoice.creditedInvoiceId } : {}),
      },
    },
    { from: 'u', occurredOn: 'u.issue_date::date', payloadAdded: `jsonb_build_object('number', u.number)` },
  );
  const sql = `with g as materialized (select id from invoices where tenant_id = ? and id = ? and version = ? and status = 'DRAFT'),
     ${number.sql},
     u as (update invoices i
           set status = 'ISSUED', number = n.number, issued_at = n.at, issue_date = n.issue_date,
               due_date = (?::jsonb ->> to_char(n.issue_date, 'YYYY-MM-DD'))::date, buyer = ?::jsonb,
               total_net = ?, total_vat = ?, total_gross = ?, amount_due = ?, retention_amount = ?,
               updated_at = ?, version = i.version + 1
           from n where i.tenant_id = ? and i.id = ?
           returning i.number, i.issued_at, to_char(i.issue_date, 'YYYY-MM-DD') as issue_date,
                     to_char(i.due_date, 'YYYY-MM-DD') as due_date, i.version,
                     i.open_balance::text as open_balance, i.settlement_state),
     f as (${fact.sql})
select * from u`;
  const params = [
    invoice.tenantId,
    invoice.id,
    invoice.version,
    ...number.params,
    JSON.stringify(values.dueDates),
    JSON.stringify(values.buyer),
    values.totals.totalNet,
    values.totals.totalVat,
    values.totals.totalGross,
    values.totals.amountDue,
    values.totals.retentionAmount,
    values.updatedAt,
    invoice.tenantId,
    invoice.id,
    ...fact.params,
  ];
  return { sql, params };
}
