import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';
import { APP_ROLE } from '../db/roles';

/**
 * Dunning (relances): the tenant's levels and late-interest rate, what the office knows of an
 * invoice's collection (disputed, payment promised until), dunning runs, and the reminders sent.
 * A reminder is unique per invoice and level, so a run replayed, resumed or run twice on the
 * same day never sends the same level twice.
 */
export class Migration20261207010000Dunning extends Migration {
  override up(): void {
    this.addSql(`
      create table dunning_settings (
        tenant_id uuid not null primary key references tenants (id),
        levels jsonb not null,
        late_interest_rate numeric(7, 4) not null check (late_interest_rate >= 0 and late_interest_rate <= 100),
        minimum_days_between integer not null check (minimum_days_between between 0 and 60),
        mode text not null check (mode in ('AUTO', 'PREVIEW')),
        updated_by uuid,
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );

      create table invoice_collection_states (
        tenant_id uuid not null references tenants (id),
        invoice_id uuid not null,
        disputed boolean not null default false,
        dispute_reason text,
        promise_until date,
        promise_note text,
        updated_by uuid,
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, invoice_id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
        check (not disputed or length(trim(dispute_reason)) > 0)
      );

      create table dunning_runs (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        run_on date not null,
        trigger text not null check (trigger in ('DAILY', 'MANUAL')),
        state text not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        excluded_invoice_ids jsonb not null default '[]',
        planned integer not null default 0,
        sent integer not null default 0,
        failed integer not null default 0,
        errors jsonb not null default '[]',
        created_by uuid,
        created_at timestamptz not null default now(),
        heartbeat_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id)
      );
      create unique index dunning_runs_daily_idx on dunning_runs (tenant_id, run_on) where trigger = 'DAILY';

      create table reminders (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        invoice_id uuid not null,
        customer_id uuid not null,
        run_id uuid,
        level_rank integer not null check (level_rank between 1 and 6),
        level_name text not null,
        channel text not null check (channel in ('EMAIL', 'LETTER')),
        formal_notice boolean not null,
        sent_on date not null,
        days_late integer not null,
        open_balance numeric(14, 2) not null,
        late_interest numeric(14, 2) not null default 0,
        indemnity numeric(14, 2) not null default 0,
        sent_to text[] not null default '{}',
        mail_message_id uuid,
        letter_pdf bytea,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, invoice_id, level_rank),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id),
        foreign key (tenant_id, run_id) references dunning_runs (tenant_id, id)
      );
      create index reminders_customer_idx on reminders (tenant_id, customer_id, sent_on);
      create index reminders_run_idx on reminders (tenant_id, run_id);`);

    this.addSql(tenantTableSql('dunning_settings', { keyColumns: ['tenant_id'] }));
    this.addSql(tenantTableSql('invoice_collection_states', { keyColumns: ['invoice_id'] }));
    this.addSql(tenantTableSql('dunning_runs'));
    this.addSql(tenantTableSql('reminders', { privileges: 'select, insert, update (mail_message_id, letter_pdf)' }));
    // The daily job and the resumption of interrupted runs find their tenants through these owner functions.
    this.addSql(`
      create policy dunning_daily_tenants on dunning_settings for select to current_user using (true);
      create function dunning_daily_tenants() returns table (id uuid)
        language sql stable security definer set search_path = public as $$
          select s.tenant_id from dunning_settings s where s.mode = 'AUTO' order by s.tenant_id
        $$;
      revoke all on function dunning_daily_tenants() from public;
      grant execute on function dunning_daily_tenants() to ${APP_ROLE};
      create policy dunning_runs_resume on dunning_runs for select to current_user using (true);
      create function dunning_runs_to_resume(p_stale_seconds integer) returns table (tenant_id uuid, id uuid)
        language sql stable security definer set search_path = public as $$
          select r.tenant_id, r.id from dunning_runs r
           where r.state in ('QUEUED', 'RUNNING') and coalesce(r.heartbeat_at, r.created_at) < now() - make_interval(secs => p_stale_seconds)
           order by r.created_at
        $$;
      revoke all on function dunning_runs_to_resume(integer) from public;
      grant execute on function dunning_runs_to_resume(integer) to ${APP_ROLE};`);
  }
}
