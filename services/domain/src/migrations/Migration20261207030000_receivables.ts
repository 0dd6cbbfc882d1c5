import { Migration } from '@mikro-orm/migrations';

/**
 * Receivables ageing and customer statements read open items, not the whole invoice history.
 * `invoices_settlement_idx` (by settlement state) misses the invoices a credit note left with a
 * negative balance (they are PAID or CREDITED), so open items get a partial index of their own:
 * it holds only what is still open, stays small as history grows, and serves the per-customer
 * filter. A statement at a past date undoes credit moved out of an invoice: looked up by the
 * invoice it came from.
 */
export class Migration20261207030000Receivables extends Migration {
  override up(): void {
    this.addSql(`
      create index invoices_open_items_idx on invoices (tenant_id, customer_id, due_date)
        where status = 'ISSUED' and type_code <> '381' and open_balance <> 0;
      create index credit_allocations_from_idx on credit_allocations (tenant_id, from_invoice_id);`);
  }
}
