import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';
import { tenantTableSql } from './tenant-table';

/**
 * Quotes (devis): drafts, sent with a number D-YYYY-NNNNN and a public acceptance link, revised
 * (the sent version is kept as a snapshot), accepted or refused by the office or by the customer
 * on the public page (name, signature, IP, user agent). An accepted quote never changes (the
 * database refuses it too, constraint quote_accepted_immutable); it is billed by invoices that
 * point at it (invoices.quote_id), and what each invoice billed of each line is kept in
 * quote_billing_lines so nothing is ever billed twice.
 *
 * The public link's token lives in quote_public_links, whose row-level security is enabled but
 * not forced (like users and api_keys): the application role sees only its tenant's rows, and
 * the SECURITY DEFINER function quote_by_public_token() finds the tenant of a token before any
 * tenant is known. The token is stored as is (256 random bits) because the office must be able
 * to show and resend the link; it opens one quote and nothing else.
 */
export class Migration20261124030000Quotes extends Migration {
  override up(): void {
    this.addSql(`
      create table quotes (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        number text,
        revision integer not null default 1 check (revision >= 1),
        customer_id uuid not null,
        site_id uuid,
        intervention_id uuid,
        title text not null check (length(trim(title)) > 0),
        status text not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REFUSED', 'CANCELLED')),
        valid_until date not null,
        global_discount_percent numeric(5, 2) not null default 0 check (global_discount_percent between 0 and 100),
        notes text,
        currency text not null default 'EUR' check (currency = 'EUR'),
        lines_total numeric(14, 2) not null default 0,
        discount_total numeric(14, 2) not null default 0,
        total_net numeric(14, 2) not null default 0,
        total_vat numeric(14, 2) not null default 0,
        total_gross numeric(14, 2) not null default 0,
        sent_at timestamptz,
        accepted_at timestamptz,
        refused_at timestamptz,
        decided_by_kind text check (decided_by_kind in ('OFFICE', 'CUSTOMER')),
        decided_by uuid,
        signer_name text,
        signature text,
        acceptance_ip text,
        acceptance_user_agent text,
        refusal_reason text,
        created_by uuid,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, number),
        constraint quote_number_when_sent check (status in ('DRAFT', 'CANCELLED') or (number is not null and sent_at is not null)),
        constraint quote_acceptance_recorded check (status <> 'ACCEPTED' or (accepted_at is not null and decided_by_kind is not null)),
        constraint quote_refusal_recorded check (status <> 'REFUSED' or (refused_at is not null and decided_by_kind is not null)),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, site_id) references sites (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) deferrable initially deferred
      );
      create index quotes_status_idx on quotes (tenant_id, status, created_at, id);
      create index quotes_customer_idx on quotes (tenant_id, customer_id);
      create index quotes_intervention_idx on quotes (tenant_id, intervention_id) where intervention_id is not null;

      create table quote_lines (
        tenant_id uuid not null,
        id uuid not null unique,
        quote_id uuid not null,
        position integer not null,
        section text,
        optional boolean not null default false,
        selected boolean not null default true,
        kind text not null check (kind in ('LABOUR', 'TRAVEL', 'PART', 'OTHER')),
        description text not null,
        quantity numeric(12, 4) not null check (quantity > 0),
        unit text not null,
        unit_price numeric(14, 4) not null check (unit_price >= 0),
        discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
        vat_rate_code text not null,
        line_net numeric(14, 2) not null,
        primary key (tenant_id, id),
        unique (tenant_id, quote_id, position),
        constraint quote_line_selected_unless_optional check (optional or selected),
        foreign key (tenant_id, quote_id) references quotes (tenant_id, id) on delete cascade deferrable initially deferred
      );

      create table quote_revisions (
        tenant_id uuid not null,
        id uuid not null unique,
        quote_id uuid not null,
        revision integer not null,
        snapshot jsonb not null,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, quote_id, revision),
        foreign key (tenant_id, quote_id) references quotes (tenant_id, id) deferrable initially deferred
      );

      create table quote_public_links (
        tenant_id uuid not null references tenants (id),
        quote_id uuid not null,
        token text not null unique check (length(token) >= 32),
        created_at timestamptz not null default now(),
        primary key (tenant_id, quote_id),
        foreign key (tenant_id, quote_id) references quotes (tenant_id, id) deferrable initially deferred
      );

      create table quote_billing_lines (
        tenant_id uuid not null,
        id uuid not null unique,
        quote_id uuid not null,
        quote_line_id uuid not null,
        invoice_id uuid not null,
        cumulative_percent numeric(5, 2) not null check (cumulative_percent > 0 and cumulative_percent <= 100),
        net numeric(14, 2) not null check (net >= 0),
        primary key (tenant_id, id),
        unique (tenant_id, invoice_id, quote_line_id),
        foreign key (tenant_id, quote_id) references quotes (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, quote_line_id) references quote_lines (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade deferrable initially deferred
      );
      create index quote_billing_lines_quote_idx on quote_billing_lines (tenant_id, quote_id);

      alter table invoices
        add foreign key (tenant_id, quote_id) references quotes (tenant_id, id) deferrable initially deferred;
      create index invoices_quote_idx on invoices (tenant_id, quote_id) where quote_id is not null;`);

    // An accepted quote is the contract with the customer: nothing about it changes afterwards.
    this.addSql(`
      create function quote_accepted_is_immutable() returns trigger language plpgsql as $$
      begin
        if old.status = 'ACCEPTED' then
          raise exception 'an accepted quote never changes' using errcode = 'check_violation', constraint = 'quote_accepted_immutable';
        end if;
        if tg_op = 'DELETE' then
          return old;
        end if;
        if new.tenant_id is distinct from old.tenant_id or new.id is distinct from old.id then
          raise exception 'a quote keeps its tenant and id' using errcode = 'check_violation', constraint = 'quote_accepted_immutable';
        end if;
        return new;
      end $$;
      create function quote_part_is_frozen() returns trigger language plpgsql as $$
      declare
        v_status text;
      begin
        if tg_op <> 'INSERT' then
          select status into v_status from quotes where tenant_id = old.tenant_id and id = old.quote_id;
          if v_status = 'ACCEPTED' then
            raise exception 'an accepted quote never changes' using errcode = 'check_violation', constraint = 'quote_accepted_immutable';
          end if;
        end if;
        if tg_op <> 'DELETE' then
          select status into v_status from quotes where tenant_id = new.tenant_id and id = new.quote_id;
          if v_status = 'ACCEPTED' then
            raise exception 'an accepted quote never changes' using errcode = 'check_violation', constraint = 'quote_accepted_immutable';
          end if;
        end if;
        return coalesce(new, old);
      end $$;
      create trigger quotes_immutable before update or delete on quotes
        for each row execute function quote_accepted_is_immutable();
      create trigger quote_lines_immutable before insert or update or delete on quote_lines
        for each row execute function quote_part_is_frozen();`);

    this.addSql(tenantTableSql('quotes', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('quote_lines', { privileges: 'select, insert, update, delete' }));
    this.addSql(tenantTableSql('quote_revisions', { privileges: 'select, insert' }));
    this.addSql(tenantTableSql('quote_billing_lines', { privileges: 'select, insert, delete' }));

    this.addSql(`
      create trigger quote_public_links_audit after insert or update or delete on quote_public_links
        for each row execute function audit_row_change('tenant_id', 'quote_id');
      alter table quote_public_links enable row level security;
      create policy tenant_isolation on quote_public_links
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
      grant select, insert on quote_public_links to ${APP_ROLE};
      create function quote_by_public_token(p_token text) returns table (tenant_id uuid, quote_id uuid)
        language sql stable security definer set search_path = public as $$
          select tenant_id, quote_id from quote_public_links where token = p_token
        $$;
      revoke all on function quote_by_public_token(text) from public;
      grant execute on function quote_by_public_token(text) to ${APP_ROLE};`);
  }
}
