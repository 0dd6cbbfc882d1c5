import { Migration } from '@mikro-orm/migrations';

/**
 * Master data screens (issue 11, part 6): customers, contacts, sites and equipment written from
 * the back-office, each with its history.
 *
 * - Contacts have roles: billing (the existing `is_billing_contact`), on-site and signatory; and a
 *   version, so two people editing the same contact cannot overwrite each other.
 * - Sites have a version and `updated_at`, and the customer's attestation for the reduced VAT rate
 *   on works in a dwelling completed more than two years ago (CGI art. 279-0 bis): whether the site
 *   is such a dwelling, and the date the attestation was signed. An attestation without the
 *   dwelling is refused by the database too.
 * - A customer's history reads the audit log of its contacts, sites and equipment: their rows are
 *   found by the customer named in their creation and deletion entries (an update entry holds only
 *   the changed columns), through a partial index on that key.
 */
export class Migration20261216000000MasterData extends Migration {
  override up(): void {
    this.addSql(`
      alter table customer_contacts
        add column is_site_contact boolean not null default false,
        add column is_signatory boolean not null default false,
        add column version integer not null default 1;

      alter table sites
        add column dwelling_over_two_years boolean not null default false,
        add column reduced_vat_attested_on date,
        add column version integer not null default 1,
        add column updated_at timestamptz not null default now(),
        add constraint sites_attestation_needs_dwelling check (reduced_vat_attested_on is null or dwelling_over_two_years);

      create index audit_log_customer_parts_idx on audit_log (tenant_id, (changes ->> 'customer_id'), id)
        where table_name in ('customer_contacts', 'sites', 'equipment') and action in ('insert', 'delete');`);
  }
}
