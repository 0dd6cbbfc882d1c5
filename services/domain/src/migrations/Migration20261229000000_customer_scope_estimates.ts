import { Migration } from '@mikro-orm/migrations';
import { CUSTOMER_SCOPED_TABLES, customerScope as previousScope } from './Migration20261228000000_portal_access';

/**
 * The customer scope (docs/portal.md) written so that PostgreSQL estimates it. As
 * `app_current_customer() is null or customer_id = app_current_customer()` the planner, which
 * cannot know the setting when it plans, gave the OR half a percent of the rows: the back-office's
 * lists, where the setting is empty and every row passes, were planned for 50 rows out of 10,000
 * (the customers list sorted the whole table instead of reading its first page from the
 * (tenant_id, name) index: 10 ms of PostgreSQL instead of 4.5). The same rows pass as before: a
 * portal caller's own, no other customer's, none without a customer (`coalesce` turns the null of
 * a row with no customer into false, and an empty setting into true).
 */
const customerScope = (column: string) => `(coalesce(${column} = app_current_customer(), app_current_customer() is null))`;

const scopes = [['customers', 'id'] as const, ...CUSTOMER_SCOPED_TABLES.map((table) => [table, 'customer_id'] as const)];

export class Migration20261229000000CustomerScopeEstimates extends Migration {
  override up(): void {
    for (const [table, column] of scopes)
      this.addSql(`alter policy customer_scope on ${table} using ${customerScope(column)} with check ${customerScope(column)};`);
  }

  override down(): void {
    for (const [table, column] of scopes)
      this.addSql(`alter policy customer_scope on ${table} using ${previousScope(column)} with check ${previousScope(column)};`);
  }
}
