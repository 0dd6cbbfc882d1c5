import { Migration } from '@mikro-orm/migrations';

/**
 * Deferred revenue (produits constatés d'avance), issue 10: at a closing date, the revenue billed
 * for days after it is moved to 487000 by a miscellaneous-operations (OD) entry, reversed the next
 * day. Both entries are posted, as every entry, from business facts (`deferred_revenue.recognised`
 * dated on the closing date, `deferred_revenue.reversed` the day after), which carry the amounts per
 * account: the entries are functions of their facts alone, so a rebuild gives them back the same.
 *
 * - `ledger_entries.source_type` admits `DEFERRED_REVENUE`.
 * - `ledger_mappings.deferred_revenue_account` (487000 by default), and 487000 added to every chart
 *   of accounts that lacks it (new tenants get it from their provisioning).
 * - One posting per closing date and tenant: a unique index on the recognition facts.
 * - The lines of service periods ending after a date are found by an index on their end.
 */
export class Migration20261212000000DeferredRevenue extends Migration {
  override up(): void {
    this.addSql(`
      alter table ledger_entries drop constraint ledger_entries_source_type_check;
      alter table ledger_entries add constraint ledger_entries_source_type_check
        check (source_type in ('INVOICE', 'CREDIT_NOTE', 'PAYMENT', 'BANK_MOVEMENT', 'DEFERRED_REVENUE'));

      alter table ledger_mappings add column deferred_revenue_account text not null default '487000';

      create unique index business_facts_deferred_revenue_once on business_facts (tenant_id, occurred_on)
        where kind = 'deferred_revenue.recognised';

      create index invoice_lines_service_end_idx on invoice_lines (tenant_id, service_end) where service_end is not null;`);

    this.addSql(`
      alter table ledger_accounts no force row level security;
      insert into ledger_accounts (tenant_id, id, number, label, kind)
      select t.id, gen_random_uuid(), '487000', 'Produits constatés d’avance', 'other' from tenants t
      on conflict (tenant_id, number) do nothing;
      alter table ledger_accounts force row level security;`);
  }
}
