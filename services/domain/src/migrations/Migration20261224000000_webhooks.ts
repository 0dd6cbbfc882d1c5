import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';
import { tenantTableSql } from './tenant-table';

/**
 * Signed webhooks (issue 12): partners' endpoints, told of business facts.
 *
 * - `webhook_endpoints`: where to POST, which event types, enabled or not (and why not), and the
 *   health the delivery worker keeps (failed attempts in a row since when, last success).
 * - `webhook_secrets`: the signing secrets of an endpoint, the current one and, for 24 hours after
 *   a rotation, the previous one (`expires_at`). Kept apart from the endpoint and without the audit
 *   trigger, so that a secret never reaches the audit log (the endpoint's `secret_rotated_at` is
 *   audited); row-level security like every tenant table.
 * - `webhook_deliveries`: the outbox of outgoing messages, one per fact and endpoint (unique),
 *   written by the consumer of business facts; its body is fixed when written, so retries and
 *   redeliveries send the same bytes. `webhook_attempts`: the delivery log.
 * - `webhook_cursors`: how far the consumer read each tenant's facts, moved in the transaction of
 *   the deliveries it wrote (as `ledger_cursors`, and like it not audited).
 * - `invoice.paid`: the fact is written by a trigger when an issued invoice's generated
 *   `settlement_state` becomes PAID, in the transaction that paid it, whichever path settled it
 *   (a payment, a bank match, a direct debit, a credit note's surplus).
 * - Two owner functions look across tenants for the workers: the tenants with facts to dispatch,
 *   the deliveries due.
 */
export class Migration20261224000000Webhooks extends Migration {
  override up(): void {
    this.addSql(`
      create table webhook_endpoints (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        url text not null check (url ~ '^https?://' and length(url) <= 2000),
        description text not null default '' check (length(description) <= 500),
        event_types text[] not null check (cardinality(event_types) > 0),
        enabled boolean not null default true,
        disabled_reason text check (disabled_reason in ('MANUAL', 'FAILING')),
        disabled_at timestamptz,
        consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
        failing_since timestamptz,
        last_success_at timestamptz,
        secret_rotated_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        check (enabled = (disabled_reason is null)),
        check (enabled = (disabled_at is null))
      );

      create table webhook_secrets (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        endpoint_id uuid not null,
        secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, endpoint_id) references webhook_endpoints (tenant_id, id) on delete cascade
      );
      create index webhook_secrets_endpoint_idx on webhook_secrets (tenant_id, endpoint_id);
      create unique index webhook_secrets_current on webhook_secrets (tenant_id, endpoint_id) where expires_at is null;

      create table webhook_deliveries (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        endpoint_id uuid not null,
        fact_id uuid not null,
        event_type text not null,
        body text not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
        attempt_count integer not null default 0 check (attempt_count >= 0),
        retry_step integer not null default 0 check (retry_step >= 0),
        manual_pending boolean not null default false,
        next_attempt_at timestamptz not null default now(),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, fact_id, endpoint_id),
        foreign key (tenant_id, endpoint_id) references webhook_endpoints (tenant_id, id) on delete cascade,
        foreign key (tenant_id, fact_id) references business_facts (tenant_id, id)
      );
      create index webhook_deliveries_endpoint_idx on webhook_deliveries (tenant_id, endpoint_id, created_at desc, id desc);
      create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'PENDING';

      create table webhook_attempts (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        delivery_id uuid not null,
        attempted_at timestamptz not null,
        manual boolean not null default false,
        succeeded boolean not null,
        http_status integer,
        duration_ms integer not null check (duration_ms >= 0),
        error text,
        response_body text check (length(response_body) <= 1024),
        primary key (tenant_id, id),
        foreign key (tenant_id, delivery_id) references webhook_deliveries (tenant_id, id) on delete cascade
      );
      create index webhook_attempts_delivery_idx on webhook_attempts (tenant_id, delivery_id, attempted_at);

      create table webhook_cursors (
        tenant_id uuid not null primary key references tenants (id),
        last_xact_id xid8 not null default '0',
        last_seq bigint not null default 0,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(tenantTableSql('webhook_endpoints', { privileges: 'select, insert, update, delete' }));
    this.addSql(tenantTableSql('webhook_deliveries', { privileges: 'select, insert, update, delete' }));
    this.addSql(tenantTableSql('webhook_attempts', { privileges: 'select, insert, delete' }));
    // Not audited: secrets (never copied to the log) and the consumer's cursor (as `ledger_cursors`).
    for (const [table, privileges] of [
      ['webhook_secrets', 'select, insert, update, delete'],
      ['webhook_cursors', 'select, insert, update'],
    ] as const)
      this.addSql(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy tenant_isolation on ${table}
          using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
        grant ${privileges} on ${table} to ${APP_ROLE};`);

    this.addSql(`
      create function record_invoice_paid_fact() returns trigger language plpgsql as $$
      begin
        insert into business_facts (tenant_id, id, kind, subject_type, subject_id, occurred_on, payload, actor_id)
        values (new.tenant_id, gen_random_uuid(), 'invoice.paid', 'Invoice', new.id,
                coalesce(new.last_payment_on, (now() at time zone 'Europe/Paris')::date),
                jsonb_build_object('number', new.number, 'customerId', new.customer_id, 'totalGross', new.total_gross::text,
                                   'amountDue', new.amount_due::text, 'paidAmount', new.paid_amount::text,
                                   'creditedAmount', new.credited_amount::text, 'lastPaymentOn', new.last_payment_on::text),
                nullif(current_setting('app.actor_id', true), '')::uuid);
        return null;
      end $$;
      create trigger invoices_paid_fact after update on invoices for each row
        when (new.status = 'ISSUED' and new.type_code <> '381' and new.settlement_state = 'PAID'
              and old.settlement_state is distinct from 'PAID')
        execute function record_invoice_paid_fact();`);

    this.addSql(`
      create policy webhook_dispatch on business_facts for select to current_user using (true);
      create policy webhook_dispatch on webhook_endpoints for select to current_user using (true);
      create policy webhook_dispatch on webhook_cursors for select to current_user using (true);
      create policy webhook_dispatch on webhook_deliveries for select to current_user using (true);

      create function webhook_tenants_to_dispatch() returns table (id uuid)
        language sql volatile security definer set search_path = public as $$
          with horizon as (select ledger_posting_horizon() as xact_id)
          select t.id from tenants t left join webhook_cursors c on c.tenant_id = t.id
           where exists (select 1 from webhook_endpoints e where e.tenant_id = t.id and e.enabled)
             and exists (select 1 from business_facts f
                          where f.tenant_id = t.id
                            and (f.xact_id, f.seq) > (coalesce(c.last_xact_id, '0'::xid8), coalesce(c.last_seq, 0))
                            and f.xact_id < (select xact_id from horizon))
           order by t.id
        $$;
      revoke all on function webhook_tenants_to_dispatch() from public;
      grant execute on function webhook_tenants_to_dispatch() to ${APP_ROLE};

      create function webhook_deliveries_due(p_limit integer) returns table (tenant_id uuid, id uuid)
        language sql stable security definer set search_path = public as $$
          select d.tenant_id, d.id from webhook_deliveries d
            join webhook_endpoints e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
           where d.status = 'PENDING' and d.next_attempt_at <= now() and e.enabled
           order by d.next_attempt_at
           limit p_limit
        $$;
      revoke all on function webhook_deliveries_due(integer) from public;
      grant execute on function webhook_deliveries_due(integer) to ${APP_ROLE};`);
  }
}
