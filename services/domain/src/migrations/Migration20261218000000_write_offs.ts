import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Write-offs (passages en perte), issue 10: an invoice the customer will never pay (liquidation)
 * or a small remainder after a short payment leaves receivables, dunning and direct debit.
 *
 * - `invoice_write_offs`: one row per write-off, dated, with its kind and reason; cancelled (never
 *   deleted) while its period is open. Dated rows obey the closed periods like payments.
 * - `invoices.written_off_amount`: a settlement column like `paid_amount`, kept by billing's
 *   settlement functions; `open_balance` subtracts it, and `settlement_state` says WRITTEN_OFF when
 *   a write-off closed the invoice. Both generated columns are rebuilt (PostgreSQL cannot change
 *   a generated expression in place before 17), with the indexes that read them.
 * - `tenants.small_balance_write_off_limit`: the most a SMALL_BALANCE write-off may be (5.00 €).
 * - The ledger: `WRITE_OFF` entries, accounts 654000 and 658000 in every chart and the mapping.
 */
export class Migration20261218000000WriteOffs extends Migration {
  override up(): void {
    this.addSql(`
      alter table tenants add column small_balance_write_off_limit numeric(14, 2) not null default 5.00
        check (small_balance_write_off_limit >= 0);

      alter table invoices add column written_off_amount numeric(14, 2) not null default 0 check (written_off_amount >= 0);
      alter table invoices drop column settlement_state, drop column open_balance;
      alter table invoices
        add column open_balance numeric(14, 2)
          generated always as (amount_due - retention_amount - paid_amount - credited_amount - written_off_amount) stored,
        add column settlement_state text generated always as (case
            when total_gross > 0 and credited_amount >= total_gross then 'CREDITED'
            when amount_due - retention_amount - paid_amount - credited_amount - written_off_amount <= 0 and written_off_amount > 0
              then 'WRITTEN_OFF'
            when amount_due - retention_amount - paid_amount - credited_amount <= 0 then 'PAID'
            when paid_amount > 0 then 'PARTLY_PAID'
            else 'UNPAID' end) stored;
      create index invoices_settlement_idx on invoices (tenant_id, settlement_state, due_date) where status = 'ISSUED';
      create index invoices_open_items_idx on invoices (tenant_id, customer_id, due_date)
        include (open_balance, id, number, issue_date, contract_id)
        where status = 'ISSUED' and type_code <> '381' and open_balance <> 0;
      create index invoices_paid_behaviour_idx on invoices (tenant_id, customer_id, issue_date desc, id desc)
        include (due_date, last_payment_on)
        where status = 'ISSUED' and type_code <> '381' and settlement_state = 'PAID';

      create or replace function invoice_issued_is_immutable() returns trigger language plpgsql as $$
      declare
        settlement constant text[] := array['paid_amount', 'credited_amount', 'written_off_amount', 'open_balance', 'settlement_state',
                                            'last_payment_on', 'sent_at', 'updated_at', 'version'];
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
      end $$;

      create table invoice_write_offs (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        invoice_id uuid not null,
        customer_id uuid not null,
        kind text not null check (kind in ('IRRECOVERABLE', 'SMALL_BALANCE')),
        amount numeric(14, 2) not null check (amount > 0),
        reason text not null check (length(trim(reason)) > 0),
        written_off_on date not null,
        written_off_by uuid,
        created_at timestamptz not null default now(),
        cancelled_on date check (cancelled_on >= written_off_on),
        cancelled_by uuid,
        version integer not null default 1,
        primary key (tenant_id, id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id)
      );
      create index invoice_write_offs_invoice_idx on invoice_write_offs (tenant_id, invoice_id);
      create trigger invoice_write_offs_period_open before insert or update or delete on invoice_write_offs
        for each row execute function reject_in_closed_period('written_off_on');
      create trigger invoice_write_offs_cancel_period_open before update of cancelled_on on invoice_write_offs
        for each row execute function reject_in_closed_period('cancelled_on');`);
    this.addSql(tenantTableSql('invoice_write_offs'));

    this.addSql(`
      alter table ledger_entries drop constraint ledger_entries_source_type_check;
      alter table ledger_entries add constraint ledger_entries_source_type_check
        check (source_type in ('INVOICE', 'CREDIT_NOTE', 'PAYMENT', 'BANK_MOVEMENT', 'DEFERRED_REVENUE', 'WRITE_OFF'));

      alter table ledger_mappings
        add column write_off_account text not null default '654000',
        add column small_balance_account text not null default '658000';

      alter table ledger_accounts no force row level security;
      insert into ledger_accounts (tenant_id, id, number, label, kind)
      select t.id, gen_random_uuid(), a.number, a.label, 'other'
        from tenants t
        cross join (values ('654000', 'Pertes sur créances irrécouvrables'), ('658000', 'Charges diverses de gestion courante')) as a (number, label)
      on conflict (tenant_id, number) do nothing;
      alter table ledger_accounts force row level security;`);
  }
}
