import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Payments become the finance context's own records: a payment received from a customer
 * (transfer, cheque, card, cash, direct debit) is allocated to one or several invoices, partly
 * or fully; what is not allocated stays as the customer's credit until allocated later or
 * refunded. A reversal (rejected cheque, returned direct debit) keeps the payment and its reason
 * and takes its allocations back. A credit note's surplus (the credited invoice was already
 * paid) can be allocated to another invoice of the same customer.
 *
 * `invoices.paid_amount` and `credited_amount` stay the invoice's settlement columns, changed
 * only through billing's settlement functions. The former one-invoice `invoice_payments` rows
 * become one payment with one allocation each.
 *
 * `business_facts` is the outbox of facts other contexts react to (ledger, webhooks, dunning
 * state): written in the transaction of the fact, append-only, read in `seq` order.
 */
export class Migration20261207000000Payments extends Migration {
  override up(): void {
    this.addSql(`
      create table payments (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        customer_id uuid not null,
        received_on date not null,
        amount numeric(14, 2) not null check (amount > 0),
        method text not null check (method in ('TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT')),
        payer_name text,
        payer_iban text,
        reference text check (length(reference) <= 140),
        allocated_amount numeric(14, 2) not null default 0 check (allocated_amount >= 0),
        refunded_amount numeric(14, 2) not null default 0 check (refunded_amount >= 0),
        reversed_on date,
        reversal_reason text,
        unallocated_amount numeric(14, 2) generated always as
          (case when reversed_on is null then amount - allocated_amount - refunded_amount else 0 end) stored,
        recorded_by uuid,
        created_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id),
        constraint payment_within_amount check (allocated_amount + refunded_amount <= amount),
        constraint payment_reversal_has_reason check ((reversed_on is null) = (reversal_reason is null)),
        constraint payment_reversed_is_released check (reversed_on is null or (allocated_amount = 0 and refunded_amount = 0))
      );
      create index payments_customer_idx on payments (tenant_id, customer_id, received_on);
      create index payments_received_idx on payments (tenant_id, received_on, id);
      create index payments_unallocated_idx on payments (tenant_id, customer_id) where unallocated_amount > 0;

      create table payment_allocations (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        payment_id uuid not null,
        invoice_id uuid not null,
        amount numeric(14, 2) not null check (amount > 0),
        allocated_on date not null,
        allocated_by uuid,
        released_at timestamptz,
        release_reason text,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, payment_id) references payments (tenant_id, id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
      );
      create index payment_allocations_payment_idx on payment_allocations (tenant_id, payment_id);
      create index payment_allocations_invoice_idx on payment_allocations (tenant_id, invoice_id);

      create table payment_refunds (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        payment_id uuid not null,
        refunded_on date not null,
        amount numeric(14, 2) not null check (amount > 0),
        method text not null check (method in ('TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT')),
        reference text,
        refunded_by uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, payment_id) references payments (tenant_id, id)
      );
      create index payment_refunds_payment_idx on payment_refunds (tenant_id, payment_id);

      create table credit_allocations (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        credit_note_id uuid not null,
        from_invoice_id uuid not null,
        invoice_id uuid not null,
        amount numeric(14, 2) not null check (amount > 0),
        allocated_on date not null,
        allocated_by uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, credit_note_id) references invoices (tenant_id, id),
        foreign key (tenant_id, from_invoice_id) references invoices (tenant_id, id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
        check (from_invoice_id <> invoice_id)
      );
      create index credit_allocations_note_idx on credit_allocations (tenant_id, credit_note_id);
      create index credit_allocations_invoice_idx on credit_allocations (tenant_id, invoice_id);

      create table business_facts (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        seq bigint generated always as identity,
        kind text not null,
        subject_type text not null,
        subject_id uuid not null,
        occurred_on date not null,
        payload jsonb not null default '{}',
        actor_id uuid,
        recorded_at timestamptz not null default now(),
        primary key (tenant_id, id)
      );
      create index business_facts_seq_idx on business_facts (tenant_id, seq);
      create index business_facts_subject_idx on business_facts (tenant_id, subject_type, subject_id);

      insert into payments (tenant_id, id, customer_id, received_on, amount, method, reference, allocated_amount, recorded_by, created_at)
        select p.tenant_id, p.id, i.customer_id, p.paid_on, p.amount, p.method, p.reference, p.amount, p.recorded_by, p.created_at
        from invoice_payments p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id;
      insert into payment_allocations (tenant_id, id, payment_id, invoice_id, amount, allocated_on, allocated_by, created_at)
        select tenant_id, gen_random_uuid(), id, invoice_id, amount, paid_on, recorded_by, created_at from invoice_payments;
      drop table invoice_payments;`);

    this.addSql(tenantTableSql('payments'));
    this.addSql(tenantTableSql('payment_allocations'));
    this.addSql(tenantTableSql('payment_refunds', { privileges: 'select, insert' }));
    this.addSql(tenantTableSql('credit_allocations', { privileges: 'select, insert' }));
    this.addSql(tenantTableSql('business_facts', { privileges: 'select, insert' }));
  }
}
