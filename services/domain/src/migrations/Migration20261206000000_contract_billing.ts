import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';
import { APP_ROLE } from '../db/roles';

/**
 * Contracts that bill their own fees: effective-dated billing terms with their fee lines and
 * price indexation, index series and their published values, billing runs, and the billed
 * periods whose key (contract, period start) makes every period billed exactly once. Invoice
 * lines carry the service period they bill (BT-134/BT-135), invoices the whole period
 * (BT-73/BT-74) and the contract. Contracts gain their renewal term, how the termination was
 * notified, and customers whether they are consumers (the renewal reminder of the Code de la
 * consommation, L215-1).
 */
export class Migration20261206000000ContractBilling extends Migration {
  override up(): void {
    this.addSql(`
      alter table contracts
        add column renewal_term_months integer not null default 12 check (renewal_term_months between 1 and 60),
        add column termination_notice_on date,
        add column termination_reason text,
        add constraint contract_terminated_after_start check (terminated_on is null or terminated_on >= starts_on);
      alter table customers add column is_consumer boolean not null default false;
      alter table tenants
        add column contract_billing_mode text not null default 'ISSUE' check (contract_billing_mode in ('ISSUE', 'DRAFT')),
        add column contract_billing_send boolean not null default true,
        add column renewal_notice_mode text not null default 'AUTO' check (renewal_notice_mode in ('AUTO', 'MANUAL')),
        add column renewal_notice_lead_days integer not null default 30 check (renewal_notice_lead_days between 0 and 180);

      create table index_series (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,29}$'),
        name text not null check (length(trim(name)) > 0),
        description text,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, code)
      );

      create table index_values (
        tenant_id uuid not null,
        series_id uuid not null,
        period date not null check (extract(day from period) = 1),
        value numeric(12, 4) not null check (value > 0),
        published_on date,
        source text not null default 'MANUAL' check (source in ('MANUAL', 'CSV')),
        recorded_by uuid,
        recorded_at timestamptz not null default now(),
        primary key (tenant_id, series_id, period),
        foreign key (tenant_id, series_id) references index_series (tenant_id, id) on delete cascade deferrable initially deferred
      );

      create table contract_billing_terms (
        tenant_id uuid not null,
        id uuid not null unique,
        contract_id uuid not null,
        effective_on date not null,
        rhythm text not null check (rhythm in ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
        timing text not null check (timing in ('ADVANCE', 'ARREARS')),
        anchor_date date not null,
        payment_method text not null default 'TRANSFER' check (payment_method in ('TRANSFER', 'DIRECT_DEBIT')),
        payment_terms_days integer check (payment_terms_days between 0 and 60),
        index_series_id uuid,
        index_fixed_part numeric(5, 4),
        index_variable_part numeric(5, 4),
        base_index_value numeric(12, 4) check (base_index_value > 0),
        base_index_period date check (extract(day from base_index_period) = 1),
        first_revision_on date,
        coefficient_floor numeric(7, 5) check (coefficient_floor > 0),
        coefficient_cap numeric(7, 5) check (coefficient_cap > 0),
        reason text,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, contract_id, effective_on),
        constraint contract_billing_indexation_complete check (
          (index_series_id is null and index_fixed_part is null and index_variable_part is null and base_index_value is null
            and base_index_period is null and first_revision_on is null and coefficient_floor is null and coefficient_cap is null)
          or (index_series_id is not null and index_fixed_part is not null and index_variable_part is not null
            and base_index_value is not null and base_index_period is not null and first_revision_on is not null
            and index_fixed_part + index_variable_part = 1 and index_fixed_part >= 0 and index_variable_part > 0)),
        constraint contract_billing_floor_below_cap check (coefficient_floor is null or coefficient_cap is null or coefficient_floor <= coefficient_cap),
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, index_series_id) references index_series (tenant_id, id) deferrable initially deferred
      );

      create table contract_fee_lines (
        tenant_id uuid not null,
        id uuid not null unique,
        terms_id uuid not null,
        position integer not null check (position >= 0),
        label text not null check (length(trim(label)) > 0),
        amount numeric(14, 2) not null check (amount >= 0),
        vat_rate_code text not null,
        site_id uuid,
        revenue_account text check (revenue_account ~ '^7[0-9]{1,9}$'),
        indexed boolean not null default true,
        primary key (tenant_id, id),
        unique (tenant_id, terms_id, position),
        foreign key (tenant_id, terms_id) references contract_billing_terms (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, site_id) references sites (tenant_id, id) deferrable initially deferred
      );

      create table contract_billing_runs (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        billing_date date not null,
        state text not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        mode text not null check (mode in ('ISSUE', 'DRAFT')),
        send boolean not null,
        excluded_line_ids jsonb not null default '[]',
        contracts_total integer not null default 0,
        contracts_done integer not null default 0,
        invoice_count integer not null default 0,
        total_net numeric(16, 2) not null default 0,
        total_gross numeric(16, 2) not null default 0,
        errors jsonb not null default '[]',
        attempts integer not null default 0,
        created_by uuid,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id)
      );
      create index contract_billing_runs_recent_idx on contract_billing_runs (tenant_id, created_at desc);

      create table contract_billing_periods (
        tenant_id uuid not null,
        contract_id uuid not null,
        period_start date not null,
        period_end date not null,
        invoice_id uuid not null,
        run_id uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, contract_id, period_start),
        check (period_end >= period_start),
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, run_id) references contract_billing_runs (tenant_id, id) deferrable initially deferred
      );
      create index contract_billing_periods_invoice_idx on contract_billing_periods (tenant_id, invoice_id);
      create index contract_billing_periods_run_idx on contract_billing_periods (tenant_id, run_id);

      create table contract_renewal_notices (
        tenant_id uuid not null,
        id uuid not null unique,
        contract_id uuid not null,
        term_end date not null,
        notice_deadline date not null,
        sent_to text[] not null,
        current_fee numeric(14, 2) not null,
        next_fee numeric(14, 2),
        outbox_message_id uuid,
        sent_by uuid,
        sent_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, contract_id, term_end),
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred
      );

      alter table invoices
        add column contract_id uuid,
        add column billing_period_start date,
        add column billing_period_end date,
        add constraint invoice_billing_period_ordered check (billing_period_end >= billing_period_start),
        add foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred;
      create index invoices_contract_idx on invoices (tenant_id, contract_id) where contract_id is not null;
      alter table invoice_lines drop constraint invoice_lines_kind_check,
        add constraint invoice_lines_kind_check check (kind in ('LABOUR', 'TRAVEL', 'PART', 'FEE', 'OTHER'));
      alter table quote_lines drop constraint quote_lines_kind_check,
        add constraint quote_lines_kind_check check (kind in ('LABOUR', 'TRAVEL', 'PART', 'FEE', 'OTHER'));
      alter table invoice_lines
        add column service_start date,
        add column service_end date,
        add column revenue_account text,
        add constraint invoice_line_service_period check ((service_start is null) = (service_end is null) and service_end >= service_start);`);

    this.addSql(tenantTableSql('index_series', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('index_values', { privileges: 'select, insert, update, delete', keyColumns: ['series_id', 'period'] }));
    this.addSql(tenantTableSql('contract_billing_terms', { privileges: 'select, insert, update, delete' }));
    this.addSql(tenantTableSql('contract_fee_lines', { privileges: 'select, insert, update, delete' }));
    this.addSql(tenantTableSql('contract_billing_runs', { privileges: 'select, insert, update' }));
    this.addSql(
      tenantTableSql('contract_billing_periods', { privileges: 'select, insert, delete', keyColumns: ['contract_id', 'period_start'] }),
    );
    this.addSql(tenantTableSql('contract_renewal_notices', { privileges: 'select, insert' }));

    // Jobs that run for no tenant (the daily renewal notices, the resumption of interrupted runs)
    // find their tenants through these owner functions, which read nothing else.
    this.addSql(`
      create policy renewal_notice_tenants on tenants for select to current_user using (true);
      create function renewal_notice_tenants() returns table (id uuid)
        language sql stable security definer set search_path = public as $$
          select t.id from tenants t where t.renewal_notice_mode = 'AUTO' order by t.id
        $$;
      revoke all on function renewal_notice_tenants() from public;
      grant execute on function renewal_notice_tenants() to ${APP_ROLE};
      create policy billing_runs_resume on contract_billing_runs for select to current_user using (true);
      create function contract_billing_runs_to_resume(p_stale_seconds integer)
        returns table (tenant_id uuid, id uuid, created_by uuid)
        language sql stable security definer set search_path = public as $$
          select r.tenant_id, r.id, r.created_by from contract_billing_runs r
           where r.state in ('QUEUED', 'RUNNING') and coalesce(r.heartbeat_at, r.created_at) < now() - make_interval(secs => p_stale_seconds)
           order by r.created_at
        $$;
      revoke all on function contract_billing_runs_to_resume(integer) from public;
      grant execute on function contract_billing_runs_to_resume(integer) to ${APP_ROLE};`);
  }
}
