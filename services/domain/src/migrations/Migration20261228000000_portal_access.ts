import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';

/**
 * The tenant tables whose rows belong to one customer through their own `customer_id` column
 * (read from the migrated schema's information_schema when this migration was written). A portal
 * caller's transaction sets `app.customer_id`; the restrictive policy below then hides and refuses
 * every row of another customer. Tables whose rows belong to a customer only through a parent
 * (invoice_lines, quote_lines, intervention_photos, payment_allocations...) are not listed: the
 * portal reaches them through their parent (docs/portal.md, "What a portal caller can reach").
 */
export const CUSTOMER_SCOPED_TABLES = [
  'billing_batch_items',
  'contracts',
  'customer_contacts',
  'customer_price_lists',
  'direct_debit_items',
  'equipment',
  'interventions',
  'invoice_write_offs',
  'invoices',
  'ledger_entries',
  'payments',
  'portal_sign_in_links',
  'quotes',
  'reminders',
  'sepa_mandates',
  'sites',
] as const;

/** The policy's expression as this migration wrote it (a later migration rewrites it, and restores it on the way down). */
export const customerScope = (column: string) => `(app_current_customer() is null or ${column} = app_current_customer())`;

/**
 * The customer portal (docs/portal.md):
 * - `app_current_customer()` and a RESTRICTIVE policy `customer_scope` on `customers` (by id) and on
 *   every table of CUSTOMER_SCOPED_TABLES: tenant isolation is unchanged, and a portal caller sees
 *   and writes only its own customer's rows;
 * - `tenants.portal_primary_color`, the portal's colour (#rrggbb);
 * - `portal_sign_in_links`: one-time sign-in links, stored by the SHA-256 of their token. Like
 *   quote_public_links, its row-level security is enabled but not forced, so the definer functions
 *   below find a link before any tenant is known;
 * - definer functions for what happens before a tenant is known: the contacts of a tenant (by slug)
 *   with an e-mail, consuming a link, the gateway's check of a portal session, the portal's branding.
 */
export class Migration20261228000000PortalAccess extends Migration {
  override up(): void {
    this.addSql(`
      create function app_current_customer() returns uuid language sql stable as $$
        select nullif(current_setting('app.customer_id', true), '')::uuid
      $$;
      grant execute on function app_current_customer() to ${APP_ROLE};

      alter table tenants add column portal_primary_color text not null default '#1c7ed6'
        check (portal_primary_color ~ '^#[0-9a-fA-F]{6}$');

      create table portal_sign_in_links (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        contact_id uuid not null,
        customer_id uuid not null,
        email text not null,
        token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, contact_id) references customer_contacts (tenant_id, id) on delete cascade,
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
      );
      create index portal_sign_in_links_contact_idx on portal_sign_in_links (tenant_id, contact_id);
      create trigger portal_sign_in_links_audit after insert or update or delete on portal_sign_in_links
        for each row execute function audit_row_change('tenant_id', 'id');
      alter table portal_sign_in_links enable row level security;
      create policy tenant_isolation on portal_sign_in_links
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
      grant select, insert on portal_sign_in_links to ${APP_ROLE};`);

    this.addSql(`create policy customer_scope on customers as restrictive for all
      using ${customerScope('id')} with check ${customerScope('id')};`);
    for (const table of CUSTOMER_SCOPED_TABLES)
      this.addSql(`create policy customer_scope on ${table} as restrictive for all
        using ${customerScope('customer_id')} with check ${customerScope('customer_id')};`);

    // The definer functions read forced tables as their owner (who is not necessarily a superuser); tenants already
    // has such a policy (renewal_notice_tenants).
    this.addSql(`
      create policy portal_definer on customer_contacts for select to current_user using (true);
      create policy portal_definer on customers for select to current_user using (true);

      create function portal_contacts_by_email(p_slug text, p_email text)
        returns table (tenant_id uuid, tenant_name text, contact_id uuid, contact_name text, customer_id uuid, customer_name text, email text)
        language sql stable security definer set search_path = public as $$
          select t.id, t.name, c.id, c.full_name, cu.id, cu.name, c.email
            from tenants t
            join customer_contacts c on c.tenant_id = t.id
            join customers cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
           where t.slug = p_slug and c.email is not null and lower(trim(c.email)) = lower(trim(p_email))
           order by cu.name, c.full_name, c.id
        $$;

      -- Marks an unused, unexpired link used and says whose it is; nothing when it is not (the caller answers
      -- PORTAL_LINK_INVALID, and nothing has changed). The row is locked first: of two concurrent uses, the second
      -- finds it used. The contact's e-mail must still be the one the link was mailed to. The audit row names the contact.
      create function portal_consume_sign_in_link(p_token_hash text, p_request_id text)
        returns table (tenant_id uuid, contact_id uuid, customer_id uuid, email text)
        language plpgsql volatile security definer set search_path = public as $$
        declare
          v_link portal_sign_in_links%rowtype;
        begin
          select l.* into v_link from portal_sign_in_links l
            join customer_contacts c on c.tenant_id = l.tenant_id and c.id = l.contact_id and c.customer_id = l.customer_id
           where l.token_hash = p_token_hash and l.used_at is null and l.expires_at > now()
             and lower(trim(c.email)) = lower(trim(l.email))
           for update of l;
          if not found then
            return;
          end if;
          perform set_config('app.tenant_id', v_link.tenant_id::text, true),
                  set_config('app.actor_kind', 'customer', true),
                  set_config('app.actor_id', v_link.contact_id::text, true),
                  set_config('app.request_id', coalesce(p_request_id, ''), true),
                  set_config('app.operation', 'signInWithPortalLink', true);
          update portal_sign_in_links l set used_at = now() where l.tenant_id = v_link.tenant_id and l.id = v_link.id;
          return query select v_link.tenant_id, v_link.contact_id, v_link.customer_id, trim(v_link.email);
        end $$;

      -- The gateway's check of a portal session on each request: the contact as it stands now (no row: removed).
      create function portal_session_contact(p_tenant uuid, p_contact uuid)
        returns table (customer_id uuid, email text)
        language sql stable security definer set search_path = public as $$
          select c.customer_id, c.email from customer_contacts c where c.tenant_id = p_tenant and c.id = p_contact
        $$;

      -- What the portal's sign-in page shows of a company before anyone signs in.
      create function portal_branding(p_slug text)
        returns table (tenant_id uuid, name text, primary_color text, has_logo boolean)
        language sql stable security definer set search_path = public as $$
          select t.id, t.name, t.portal_primary_color, t.logo_image is not null from tenants t where t.slug = p_slug
        $$;
      create function portal_logo(p_slug text) returns bytea
        language sql stable security definer set search_path = public as $$
          select t.logo_image from tenants t where t.slug = p_slug
        $$;

      revoke all on function portal_contacts_by_email(text, text) from public;
      revoke all on function portal_consume_sign_in_link(text, text) from public;
      revoke all on function portal_session_contact(uuid, uuid) from public;
      revoke all on function portal_branding(text) from public;
      revoke all on function portal_logo(text) from public;
      grant execute on function portal_contacts_by_email(text, text), portal_consume_sign_in_link(text, text),
        portal_session_contact(uuid, uuid), portal_branding(text), portal_logo(text) to ${APP_ROLE};`);
  }

  override down(): void {
    this.addSql(`
      drop function portal_logo(text);
      drop function portal_branding(text);
      drop function portal_session_contact(uuid, uuid);
      drop function portal_consume_sign_in_link(text, text);
      drop function portal_contacts_by_email(text, text);
      drop policy portal_definer on customers;
      drop policy portal_definer on customer_contacts;
      drop policy customer_scope on customers;`);
    for (const table of CUSTOMER_SCOPED_TABLES.filter((t) => t !== 'portal_sign_in_links'))
      this.addSql(`drop policy customer_scope on ${table};`);
    this.addSql(`
      drop table portal_sign_in_links;
      alter table tenants drop column portal_primary_color;
      drop function app_current_customer();`);
  }
}
