import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Invoices: drafts without a number, issued invoices with their legal number (per tenant, series
 * and year, from tenant_counters), their lines, VAT breakdown and the interventions they bill.
 * An issued invoice never changes: the database refuses it too (constraint invoice_issued_immutable).
 */
export class Migration20261123200000Billing extends Migration {
  override up(): void {
    this.addSql(`
      create table invoices (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        number text,
        series text not null default 'F' check (series ~ '^[A-Z]{1,4}$'),
        status text not null check (status in ('DRAFT', 'ISSUED')),
        customer_id uuid not null,
        issue_date date,
        due_date date,
        currency text not null default 'EUR' check (currency = 'EUR'),
        buyer jsonb,
        total_net numeric(14, 2) not null default 0,
        total_vat numeric(14, 2) not null default 0,
        total_gross numeric(14, 2) not null default 0,
        amount_due numeric(14, 2) not null default 0,
        notes text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        issued_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, series, number),
        constraint invoice_number_at_issue check (
          (status = 'DRAFT' and number is null and issued_at is null)
          or (status = 'ISSUED' and number is not null and issue_date is not null and due_date is not null
              and issued_at is not null and buyer is not null and due_date >= issue_date)),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred
      );
      create index invoices_customer_idx on invoices (tenant_id, customer_id);
      create index invoices_status_idx on invoices (tenant_id, status, created_at, id);
      create table invoice_lines (
        tenant_id uuid not null,
        id uuid not null unique,
        invoice_id uuid not null,
        position integer not null,
        kind text not null check (kind in ('LABOUR', 'TRAVEL', 'PART', 'OTHER')),
        description text not null,
        quantity numeric(12, 4) not null,
        unit text not null,
        unit_price numeric(14, 4) not null check (unit_price >= 0),
        discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
        vat_rate_code text not null,
        vat_category text not null,
        vat_rate numeric(5, 2) not null check (vat_rate >= 0 and vat_rate < 100),
        line_net numeric(14, 2) not null,
        covered_by_contract boolean not null default false,
        labour_type text,
        reason text,
        intervention_id uuid,
        primary key (tenant_id, id),
        unique (tenant_id, invoice_id, position),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) deferrable initially deferred
      );
      create index invoice_lines_intervention_idx on invoice_lines (tenant_id, intervention_id);
      create table invoice_vat_breakdown (
        tenant_id uuid not null,
        id uuid not null unique,
        invoice_id uuid not null,
        category text not null,
        rate numeric(5, 2) not null,
        basis numeric(14, 2) not null,
        tax numeric(14, 2) not null,
        exemption_reason text,
        primary key (tenant_id, id),
        unique (tenant_id, invoice_id, category, rate),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade deferrable initially deferred
      );
      create table invoice_interventions (
        tenant_id uuid not null,
        invoice_id uuid not null,
        intervention_id uuid not null,
        primary key (tenant_id, invoice_id, intervention_id),
        unique (tenant_id, intervention_id),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) deferrable initially deferred
      );`);

    // An issued invoice never changes, whoever tries: DRAFT -> ISSUED is the last update it gets.
    this.addSql(`
      create function invoice_issued_is_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.status = 'ISSUED' then
            raise exception 'an issued invoice cannot be deleted' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
          end if;
          return old;
        end if;
        if old.status = 'ISSUED' then
          raise exception 'an issued invoice never changes' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
        end if;
        if new.tenant_id is distinct from old.tenant_id or new.id is distinct from old.id or new.series is distinct from old.series then
          raise exception 'an invoice keeps its tenant, id and series' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
        end if;
        return new;
      end $$;
      create function invoice_part_is_frozen() returns trigger language plpgsql as $$
      declare
        v_status text;
      begin
        if tg_op <> 'INSERT' then
          select status into v_status from invoices where tenant_id = old.tenant_id and id = old.invoice_id;
          if v_status = 'ISSUED' then
            raise exception 'an issued invoice never changes' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
          end if;
        end if;
        if tg_op <> 'DELETE' then
          select status into v_status from invoices where tenant_id = new.tenant_id and id = new.invoice_id;
          if v_status = 'ISSUED' then
            raise exception 'an issued invoice never changes' using errcode = 'check_violation', constraint = 'invoice_issued_immutable';
          end if;
        end if;
        return coalesce(new, old);
      end $$;
      create trigger invoices_immutable before update or delete on invoices
        for each row execute function invoice_issued_is_immutable();
      create trigger invoice_lines_immutable before insert or update or delete on invoice_lines
        for each row execute function invoice_part_is_frozen();
      create trigger invoice_vat_breakdown_immutable before insert or update or delete on invoice_vat_breakdown
        for each row execute function invoice_part_is_frozen();
      create trigger invoice_interventions_immutable before insert or update or delete on invoice_interventions
        for each row execute function invoice_part_is_frozen();`);

    const all = 'select, insert, update, delete';
    this.addSql(tenantTableSql('invoices', { privileges: all }));
    this.addSql(tenantTableSql('invoice_lines', { privileges: all }));
    this.addSql(tenantTableSql('invoice_vat_breakdown', { privileges: all }));
    this.addSql(
      tenantTableSql('invoice_interventions', { privileges: 'select, insert, delete', keyColumns: ['invoice_id', 'intervention_id'] }),
    );
  }
}
