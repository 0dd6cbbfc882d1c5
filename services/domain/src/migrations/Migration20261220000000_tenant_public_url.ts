import { Migration } from '@mikro-orm/migrations';

/**
 * The address customers reach the tenant's public pages at (issue 11): quote mails carry an
 * absolute link built on it. Null: the deployment's `PUBLIC_URL` (the gateway's public origin).
 */
export class Migration20261220000000TenantPublicUrl extends Migration {
  override up(): void {
    this.addSql(`
      alter table tenants add column public_url text
        constraint tenants_public_url_absolute check (public_url ~ '^https?://[^/?#\\s]+(/[^?#\\s]*)?$' and public_url !~ '/$');`);
  }

  override down(): void {
    this.addSql('alter table tenants drop column public_url;');
  }
}
