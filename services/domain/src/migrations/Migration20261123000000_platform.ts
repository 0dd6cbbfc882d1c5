import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';

/**
 * Tenancy, accounts, audit log and the first business tables.
 *
 * Every tenant-owned table has `tenant_id` first in its primary key, composite foreign keys that
 * keep references inside one tenant, and a row-level security policy bound to the transaction's
 * `app.tenant_id` setting (FORCE, so even the owner obeys it). `users` and `api_keys` are only
 * ENABLEd: the two SECURITY DEFINER authentication functions must read them before a tenant is known.
 */
export class Migration20261123000000Platform extends Migration {
  override up(): void {
    this.addSql(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
          create role ${APP_ROLE} nologin;
        end if;
      end $$;`);

    this.addSql(`
      create function app_current_tenant() returns uuid language sql stable as $$
        select nullif(current_setting('app.tenant_id', true), '')::uuid
      $$;`);

    this.addSql(`
      create table tenants (
        id uuid primary key,
        name text not null,
        slug text not null unique,
        legal_name text not null,
        siren text,
        siret text,
        vat_number text,
        address_line1 text,
        postal_code text,
        city text,
        country text not null default 'FR',
        timezone text not null default 'Europe/Paris',
        locale text not null default 'fr-FR',
        created_at timestamptz not null default now()
      );`);

    this.addSql(`
      create table users (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        email text not null,
        full_name text not null,
        role text not null check (role in ('admin', 'planner', 'technician', 'billing', 'accountant')),
        password_hash text not null,
        active boolean not null default true,
        last_login_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id)
      );
      create unique index users_email_key on users (lower(email));`);

    this.addSql(`
      create table api_keys (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        name text not null,
        prefix text not null unique,
        secret_hash text not null,
        scopes text[] not null,
        created_by uuid,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        primary key (tenant_id, id)
      );`);

    this.addSql(`
      create table audit_log (
        tenant_id uuid not null references tenants (id),
        id bigint generated always as identity,
        at timestamptz not null default now(),
        actor_kind text not null,
        actor_id uuid,
        request_id text,
        operation text,
        table_name text not null,
        row_id text not null,
        action text not null check (action in ('insert', 'update', 'delete')),
        changes jsonb not null,
        primary key (tenant_id, id)
      );
      create index audit_log_row_idx on audit_log (tenant_id, table_name, row_id, id);`);

    this.addSql(`
      create table tenant_counters (
        tenant_id uuid not null references tenants (id),
        name text not null,
        value bigint not null,
        primary key (tenant_id, name)
      );`);

    this.addSql(`
      create table customers (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        code text not null,
        name text not null,
        siren text check (siren ~ '^[0-9]{9}$'),
        siret text check (siret ~ '^[0-9]{14}$'),
        vat_number text,
        email text,
        phone text,
        billing_address_line1 text not null,
        billing_address_line2 text,
        billing_postal_code text not null,
        billing_city text not null,
        billing_country text not null default 'FR',
        payment_terms_days integer not null default 30 check (payment_terms_days between 0 and 60),
        payment_terms_kind text not null default 'NET' check (payment_terms_kind in ('NET', 'END_OF_MONTH')),
        notes text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, code)
      );
      create index customers_name_idx on customers (tenant_id, name, id);`);

    this.addSql(`
      create table customer_contacts (
        tenant_id uuid not null,
        id uuid not null unique,
        customer_id uuid not null,
        full_name text not null,
        job_title text,
        email text,
        phone text,
        is_billing_contact boolean not null default false,
        position integer not null default 0,
        primary key (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade deferrable initially deferred
      );
      create index customer_contacts_customer_idx on customer_contacts (tenant_id, customer_id);`);

    this.addSql(`
      create table sites (
        tenant_id uuid not null,
        id uuid not null unique,
        customer_id uuid not null,
        name text not null,
        address_line1 text not null,
        postal_code text not null,
        city text not null,
        country text not null default 'FR',
        access_notes text,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred
      );
      create index sites_customer_idx on sites (tenant_id, customer_id);`);

    this.addSql(`
      create table vat_rates (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        code text not null,
        label text not null,
        rate numeric(5, 2) not null check (rate >= 0 and rate < 100),
        category_code text not null,
        exemption_reason text,
        active boolean not null default true,
        primary key (tenant_id, id),
        unique (tenant_id, code)
      );`);

    this.addSql(`
      create table ledger_accounts (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        number text not null,
        label text not null,
        kind text not null,
        primary key (tenant_id, id),
        unique (tenant_id, number)
      );`);

    // Audit: one generic row trigger; secrets never reach the log.
    this.addSql(`
      create function audit_row_change() returns trigger language plpgsql as $$
      declare
        v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'password_hash' - 'secret_hash' end;
        v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'password_hash' - 'secret_hash' end;
        v_row jsonb := coalesce(v_new, v_old);
        v_changes jsonb;
        v_actor text := nullif(current_setting('app.actor_id', true), '');
      begin
        if tg_op = 'UPDATE' then
          select coalesce(jsonb_object_agg(n.key, jsonb_build_object('from', v_old -> n.key, 'to', n.value)), '{}'::jsonb)
            into v_changes
            from jsonb_each(v_new) n
           where (v_old -> n.key) is distinct from n.value;
          if v_changes = '{}'::jsonb then
            return null;
          end if;
        else
          v_changes := v_row;
        end if;
        insert into audit_log (tenant_id, actor_kind, actor_id, request_id, operation, table_name, row_id, action, changes)
        values (
          (v_row ->> tg_argv[0])::uuid,
          coalesce(nullif(current_setting('app.actor_kind', true), ''), 'system'),
          v_actor::uuid,
          nullif(current_setting('app.request_id', true), ''),
          nullif(current_setting('app.operation', true), ''),
          tg_table_name,
          v_row ->> 'id',
          lower(tg_op),
          v_changes
        );
        return null;
      end $$;`);

    this.addSql(`
      create function audit_log_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function audit_log_is_append_only();`);

    const tenantOwned = ['users', 'api_keys', 'customers', 'customer_contacts', 'sites', 'vat_rates', 'ledger_accounts', 'tenant_counters'];
    // Counters are not business data: the rows they number are audited instead.
    for (const table of tenantOwned.filter((t) => t !== 'tenant_counters')) {
      this.addSql(`create trigger ${table}_audit after insert or update or delete on ${table}
        for each row execute function audit_row_change('tenant_id');`);
    }
    this.addSql(`create trigger tenants_audit after insert or update or delete on tenants
      for each row execute function audit_row_change('id');`);

    // Row-level security.
    this.addSql(`alter table tenants enable row level security; alter table tenants force row level security;
      create policy tenant_isolation on tenants using (id = app_current_tenant()) with check (id = app_current_tenant());`);
    for (const table of [...tenantOwned, 'audit_log']) {
      const force = table === 'users' || table === 'api_keys' ? '' : `alter table ${table} force row level security;`;
      this.addSql(`alter table ${table} enable row level security; ${force}
        create policy tenant_isolation on ${table}
          using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());`);
    }

    // Authentication lookups happen before the tenant is known: two narrow definer functions.
    this.addSql(`
      create function auth_user_by_email(p_email text)
        returns table (id uuid, tenant_id uuid, email text, role text, password_hash text, active boolean)
        language sql stable security definer set search_path = public as $$
          select id, tenant_id, email, role, password_hash, active from users where lower(email) = lower(p_email)
        $$;
      create function auth_api_key(p_prefix text)
        returns table (id uuid, tenant_id uuid, secret_hash text, scopes text[], expires_at timestamptz, revoked_at timestamptz)
        language sql stable security definer set search_path = public as $$
          select id, tenant_id, secret_hash, scopes, expires_at, revoked_at from api_keys where prefix = p_prefix
        $$;
      revoke all on function auth_user_by_email(text) from public;
      revoke all on function auth_api_key(text) from public;`);

    this.addSql(`
      grant usage on schema public to ${APP_ROLE};
      grant execute on function app_current_tenant(), auth_user_by_email(text), auth_api_key(text) to ${APP_ROLE};
      grant select, update on tenants to ${APP_ROLE};
      grant select, insert, update on users, api_keys, customers, customer_contacts, sites, vat_rates, ledger_accounts, tenant_counters to ${APP_ROLE};
      grant delete on customer_contacts to ${APP_ROLE};
      grant select, insert on audit_log to ${APP_ROLE};`);
  }
}
