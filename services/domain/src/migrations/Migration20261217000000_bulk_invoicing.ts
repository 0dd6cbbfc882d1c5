import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';
import { APP_ROLE } from '../db/roles';

/**
 * Bulk invoicing and the invoice mail (issue 11): the tenant's grouping of bulk invoices (per
 * customer, site or contract) and its invoice mail template; the batches that invoice, issue and
 * send the waiting work of several customers (or existing drafts) as a job, with one item per
 * invoice and what became of it; and the owner function through which a worker finds the batches
 * whose worker died, whatever their tenant.
 */
export class Migration20261217000000BulkInvoicing extends Migration {
  override up(): void {
    this.addSql(`
      alter table tenants
        add column invoice_grouping text not null default 'CUSTOMER' check (invoice_grouping in ('CUSTOMER', 'SITE', 'CONTRACT')),
        add column invoice_mail_subject text check (length(invoice_mail_subject) between 1 and 250),
        add column invoice_mail_body text check (length(invoice_mail_body) between 1 and 5000);

      create table billing_batches (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        kind text not null check (kind in ('INTERVENTIONS', 'DRAFTS')),
        grouping text check (grouping in ('CUSTOMER', 'SITE', 'CONTRACT')),
        send boolean not null,
        state text not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        items_total integer not null default 0 check (items_total >= 0),
        attempts integer not null default 0,
        created_by uuid,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id),
        check ((kind = 'INTERVENTIONS') = (grouping is not null))
      );
      create index billing_batches_recent_idx on billing_batches (tenant_id, created_at desc);

      create table billing_batch_items (
        tenant_id uuid not null,
        id uuid not null unique,
        batch_id uuid not null,
        position integer not null check (position >= 0),
        customer_id uuid not null,
        label text not null,
        site_id uuid,
        contract_id uuid,
        intervention_ids jsonb not null default '[]',
        invoice_id uuid,
        status text not null default 'PENDING' check (status in ('PENDING', 'ISSUED', 'SENT', 'FAILED', 'SEND_FAILED')),
        error_code text,
        error_message text,
        line_count integer not null default 0,
        total_net numeric(14, 2) not null,
        total_vat numeric(14, 2) not null,
        total_gross numeric(14, 2) not null,
        recipients jsonb not null default '[]',
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, batch_id, position),
        check ((status in ('PENDING', 'FAILED')) or invoice_id is not null),
        check ((error_code is null) = (status not in ('FAILED', 'SEND_FAILED'))),
        foreign key (tenant_id, batch_id) references billing_batches (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete set null (invoice_id) deferrable initially deferred
      );
      create index billing_batch_items_invoice_idx on billing_batch_items (tenant_id, invoice_id) where invoice_id is not null;`);

    this.addSql(tenantTableSql('billing_batches', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('billing_batch_items', { privileges: 'select, insert, update' }));

    this.addSql(`
      create policy billing_batches_resume on billing_batches for select to current_user using (true);
      create function billing_batches_to_resume(p_stale_seconds integer)
        returns table (tenant_id uuid, id uuid)
        language sql stable security definer set search_path = public as $$
          select b.tenant_id, b.id from billing_batches b
           where b.state in ('QUEUED', 'RUNNING') and coalesce(b.heartbeat_at, b.created_at) < now() - make_interval(secs => p_stale_seconds)
           order by b.created_at
        $$;
      revoke all on function billing_batches_to_resume(integer) from public;
      grant execute on function billing_batches_to_resume(integer) to ${APP_ROLE};`);
  }
}
