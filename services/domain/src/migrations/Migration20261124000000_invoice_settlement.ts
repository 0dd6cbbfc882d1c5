import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Invoice kinds and settlement: document type (380 invoice, 381 credit note, 386 deposit), the
 * credited invoice of a credit note, deposits deducted (BT-113), retention (retenue de garantie),
 * document-level allowances/charges, payments received, sending; interventions explicitly marked
 * not billable. An issued invoice still never changes, except its settlement columns (amounts
 * paid and credited, when it was sent), which follow payments, credit notes and mails.
 */
export class Migration20261124000000InvoiceSettlement extends Migration {
  override up(): void {
    this.addSql(`
      alter table invoices
        add column type_code text not null default '380' check (type_code in ('380', '381', '386')),
        add column credited_invoice_id uuid,
        add column quote_id uuid,
        add column operation_category text not null default 'S' check (operation_category in ('S', 'B', 'M')),
        add column purchase_order_ref text,
        add column allowance_charges jsonb not null default '[]',
        add column prepaid_amount numeric(14, 2) not null default 0 check (prepaid_amount >= 0),
        add column retention_percent numeric(5, 2) not null default 0 check (retention_percent between 0 and 5),
        add column retention_amount numeric(14, 2) not null default 0 check (retention_amount >= 0),
        add column paid_amount numeric(14, 2) not null default 0 check (paid_amount >= 0),
        add column credited_amount numeric(14, 2) not null default 0 check (credited_amount >= 0),
        add column sent_at timestamptz,
        add column updated_at timestamptz not null default now(),
        add constraint invoice_credit_note_references check ((type_code = '381') = (credited_invoice_id is not null)),
        add column open_balance numeric(14, 2) generated always as (amount_due - retention_amount - paid_amount - credited_amount) stored,
        add column settlement_state text generated always as (case
            when total_gross > 0 and credited_amount >= total_gross then 'CREDITED'
            when amount_due - retention_amount - paid_amount - credited_amount <= 0 then 'PAID'
            when paid_amount > 0 then 'PARTLY_PAID'
            else 'UNPAID' end) stored,
        add constraint invoice_credited_within_total check (credited_amount <= total_gross),
        add foreign key (tenant_id, credited_invoice_id) references invoices (tenant_id, id) deferrable initially deferred;
      create index invoices_credited_idx on invoices (tenant_id, credited_invoice_id) where credited_invoice_id is not null;
      create index invoices_settlement_idx on invoices (tenant_id, settlement_state, due_date) where status = 'ISSUED';

      create table invoice_payments (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        invoice_id uuid not null,
        paid_on date not null,
        amount numeric(14, 2) not null check (amount > 0),
        method text not null check (method in ('TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT')),
        reference text,
        recorded_by uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) deferrable initially deferred
      );
      create index invoice_payments_invoice_idx on invoice_payments (tenant_id, invoice_id);

      create table billing_exclusions (
        tenant_id uuid not null references tenants (id),
        intervention_id uuid not null,
        reason text not null check (length(trim(reason)) > 0),
        decided_by uuid,
        decided_at timestamptz not null default now(),
        primary key (tenant_id, intervention_id),
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) deferrable initially deferred
      );`);

    this.addSql(`
      create or replace function invoice_issued_is_immutable() returns trigger language plpgsql as $$
      declare
        settlement constant text[] := array['paid_amount', 'credited_amount', 'open_balance', 'settlement_state', 'sent_at', 'updated_at', 'version'];
      begin
        if tg_op = 'DELETE' then
          if old.status = 'ISSUED' then
            raise exception 'an issued invoice cannot be deleted' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
          end if;
          return old;
        end if;
        if old.status = 'ISSUED' and (to_jsonb(new) - settlement) is distinct from (to_jsonb(old) - settlement) then
          raise exception 'an issued invoice never changes' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
        end if;
        if new.tenant_id is distinct from old.tenant_id or new.id is distinct from old.id or new.series is distinct from old.series
           or new.type_code is distinct from old.type_code then
          raise exception 'an invoice keeps its tenant, id, series and type' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
        end if;
        return new;
      end $$;`);

    this.addSql(tenantTableSql('invoice_payments', { privileges: 'select, insert' }));
    this.addSql(tenantTableSql('billing_exclusions', { privileges: 'select, insert, delete', keyColumns: ['intervention_id'] }));
  }
}
