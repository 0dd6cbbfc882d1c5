import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * SEPA direct debit (prélèvement SEPA CORE): the customers' mandates, the collection batches
 * sent to the bank as pain.008 files, and one item per invoice collected.
 *
 * - A customer has at most one ACTIVE recurrent mandate at a time; a mandate reference (RUM) is
 *   unique in the tenant, revoked mandates included (a RUM is never reused).
 * - A batch keeps the exact pain.008 file it produced (`pain008`), never rewritten.
 * - An invoice is in at most one PENDING item at a time (unique partial index): two batches built
 *   at once can never collect it twice.
 * - A collected item points to the payment it produced (finance's own record); a returned item
 *   keeps the R-transaction's date and reason.
 * - The tenant gets its SEPA creditor identifier (ICS), printed on direct-debit invoices (BT-90)
 *   and written in every file.
 */
export class Migration20261207020000DirectDebit extends Migration {
  override up(): void {
    this.addSql(`
      alter table tenants add column sepa_creditor_id text
        check (sepa_creditor_id ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$');

      create table sepa_mandates (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        customer_id uuid not null,
        reference text not null check (length(reference) between 1 and 35),
        kind text not null check (kind in ('RECURRENT', 'ONE_OFF')),
        signed_on date not null,
        debtor_name text not null check (length(trim(debtor_name)) > 0),
        iban text not null check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        bic text check (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
        revoked_on date,
        revocation_reason text,
        first_collected_on date,
        last_collected_on date,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, reference),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id),
        constraint sepa_mandate_revocation check (
          (status = 'ACTIVE' and revoked_on is null and revocation_reason is null)
          or (status = 'REVOKED' and revoked_on >= signed_on and length(trim(revocation_reason)) > 0)),
        constraint sepa_mandate_collections check (last_collected_on is null or first_collected_on <= last_collected_on)
      );
      create unique index sepa_mandates_one_active_recurrent on sepa_mandates (tenant_id, customer_id)
        where status = 'ACTIVE' and kind = 'RECURRENT';
      create index sepa_mandates_customer_idx on sepa_mandates (tenant_id, customer_id, signed_on);

      create table direct_debit_batches (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        message_id text not null check (length(message_id) between 1 and 35),
        collection_date date not null,
        state text not null check (state in ('SUBMITTED', 'SETTLED', 'CANCELLED')),
        submitted_on date not null,
        item_count integer not null check (item_count > 0),
        total_amount numeric(14, 2) not null check (total_amount > 0),
        pain008 text not null,
        settled_on date,
        cancelled_on date,
        cancellation_reason text,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, message_id),
        constraint direct_debit_batch_state check (
          (state = 'SUBMITTED' and settled_on is null and cancelled_on is null)
          or (state = 'SETTLED' and settled_on is not null and cancelled_on is null)
          or (state = 'CANCELLED' and cancelled_on is not null and settled_on is null and length(trim(cancellation_reason)) > 0))
      );
      create index direct_debit_batches_date_idx on direct_debit_batches (tenant_id, collection_date, id);

      create table direct_debit_items (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        batch_id uuid not null,
        invoice_id uuid not null,
        customer_id uuid not null,
        mandate_id uuid not null,
        amount numeric(14, 2) not null check (amount > 0),
        sequence_type text not null check (sequence_type in ('FRST', 'RCUR', 'OOFF', 'FNAL')),
        end_to_end_id text not null check (length(end_to_end_id) between 1 and 35),
        instruction_id text not null check (length(instruction_id) between 1 and 35),
        status text not null default 'PENDING' check (status in ('PENDING', 'COLLECTED', 'RETURNED', 'CANCELLED')),
        payment_id uuid,
        returned_on date,
        return_reason_code text check (return_reason_code ~ '^[A-Z0-9]{4}$'),
        return_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, instruction_id),
        foreign key (tenant_id, batch_id) references direct_debit_batches (tenant_id, id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id),
        foreign key (tenant_id, mandate_id) references sepa_mandates (tenant_id, id),
        foreign key (tenant_id, payment_id) references payments (tenant_id, id),
        constraint direct_debit_item_collected check (status not in ('COLLECTED') or payment_id is not null),
        constraint direct_debit_item_returned check (
          (status = 'RETURNED') = (returned_on is not null) and (status <> 'RETURNED' or length(trim(return_reason)) > 0))
      );
      create unique index direct_debit_items_one_pending on direct_debit_items (tenant_id, invoice_id) where status = 'PENDING';
      create index direct_debit_items_batch_idx on direct_debit_items (tenant_id, batch_id);
      create index direct_debit_items_invoice_idx on direct_debit_items (tenant_id, invoice_id);
      create index direct_debit_items_mandate_idx on direct_debit_items (tenant_id, mandate_id) where status = 'PENDING';`);

    this.addSql(tenantTableSql('sepa_mandates'));
    // The file sent to the bank and what it totals never change once written.
    this.addSql(
      tenantTableSql('direct_debit_batches', {
        privileges: 'select, insert, update (state, settled_on, cancelled_on, cancellation_reason, updated_at, version)',
      }),
    );
    this.addSql(
      tenantTableSql('direct_debit_items', {
        privileges: 'select, insert, update (status, payment_id, returned_on, return_reason_code, return_reason, updated_at, version)',
      }),
    );
  }
}
