import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Customer price lists (tarifs): a named list of unit prices for catalog items, assigned to
 * customers (at most one list per customer). Billing prices parts and the labour/travel list-rate
 * items of an assigned, active list at its prices instead of the catalog sale prices.
 */
export class Migration20261124040000PriceLists extends Migration {
  override up(): void {
    this.addSql(`
      create table price_lists (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        name text not null check (length(trim(name)) > 0),
        notes text,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, name)
      );

      create table price_list_items (
        tenant_id uuid not null,
        id uuid not null unique,
        price_list_id uuid not null,
        catalog_item_id uuid not null,
        unit_price numeric(14, 4) not null check (unit_price >= 0),
        primary key (tenant_id, id),
        unique (tenant_id, price_list_id, catalog_item_id),
        foreign key (tenant_id, price_list_id) references price_lists (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, catalog_item_id) references catalog_items (tenant_id, id) deferrable initially deferred
      );

      create table customer_price_lists (
        tenant_id uuid not null references tenants (id),
        customer_id uuid not null,
        price_list_id uuid not null,
        primary key (tenant_id, customer_id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, price_list_id) references price_lists (tenant_id, id) deferrable initially deferred
      );
      create index customer_price_lists_list_idx on customer_price_lists (tenant_id, price_list_id);`);

    this.addSql(tenantTableSql('price_lists', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('price_list_items', { privileges: 'select, insert, update, delete' }));
    this.addSql(tenantTableSql('customer_price_lists', { privileges: 'select, insert, update, delete', keyColumns: ['customer_id'] }));
  }
}
