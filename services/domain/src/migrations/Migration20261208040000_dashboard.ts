import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Dashboards and profitability. A technician gets a loaded cost rate per hour (salary, charges,
 * vehicle and tools spread over the hours worked), which costs the labour of the field reports; the
 * tenant's profitability settings say what one trip costs. The dashboards read issued invoices by
 * issue date (revenue by month, DSO, profitability), interventions by completion date and payments
 * reversed or refunded by their date: indexes for each, so a tenant with years of history reads only
 * the months asked for.
 */
export class Migration20261208040000Dashboard extends Migration {
  override up(): void {
    this.addSql(`
      alter table technicians add column cost_rate numeric(8, 2) check (cost_rate >= 0);

      create table profitability_settings (
        tenant_id uuid not null primary key references tenants (id),
        travel_cost_per_trip numeric(10, 2) check (travel_cost_per_trip >= 0),
        updated_by uuid,
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );

      create index invoices_issued_on_idx on invoices (tenant_id, issue_date)
        include (type_code, total_net, amount_due, credited_invoice_id)
        where status = 'ISSUED';
      create index interventions_completed_idx on interventions (tenant_id, completed_at)
        where completed_at is not null;
      create index payments_reversed_idx on payments (tenant_id, reversed_on) where reversed_on is not null;
      create index payment_refunds_refunded_idx on payment_refunds (tenant_id, refunded_on);`);

    this.addSql(tenantTableSql('profitability_settings', { keyColumns: ['tenant_id'] }));
  }
}
