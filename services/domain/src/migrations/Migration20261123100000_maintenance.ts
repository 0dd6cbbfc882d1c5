import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * The GMAO: catalog, technicians, contracts with rate cards and preventive plans, equipment,
 * interventions with their field reports, job runs. (pg-boss installs its own tables: see db/migrate.ts.)
 */
export class Migration20261123100000Maintenance extends Migration {
  override up(): void {
    this.addSql(`
      create table catalog_items (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        code text not null,
        label text not null,
        kind text not null check (kind in ('PART', 'SERVICE')),
        unit text not null default 'u',
        purchase_cost numeric(12, 2),
        sale_price numeric(12, 2) not null check (sale_price >= 0),
        vat_rate_code text not null default 'TVA20',
        tracked_by_serial boolean not null default false,
        active boolean not null default true,
        primary key (tenant_id, id),
        unique (tenant_id, code)
      );`);

    this.addSql(`
      create table technicians (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        user_id uuid,
        full_name text not null,
        email text,
        phone text,
        skills text[] not null default '{}',
        color text not null default '#228be6',
        work_day_start text not null default '08:00' check (work_day_start ~ '^[0-2][0-9]:[0-5][0-9]$'),
        work_day_end text not null default '17:00' check (work_day_end ~ '^[0-2][0-9]:[0-5][0-9]$'),
        work_days integer[] not null default '{1,2,3,4,5}',
        active boolean not null default true,
        version integer not null default 1,
        primary key (tenant_id, id),
        foreign key (tenant_id, user_id) references users (tenant_id, id)
      );
      create unique index technicians_user_idx on technicians (tenant_id, user_id) where user_id is not null;
      create table technician_absences (
        tenant_id uuid not null,
        id uuid not null unique,
        technician_id uuid not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        reason text not null,
        primary key (tenant_id, id),
        check (ends_at > starts_at),
        foreign key (tenant_id, technician_id) references technicians (tenant_id, id) deferrable initially deferred
      );
      create index technician_absences_period_idx on technician_absences (tenant_id, technician_id, starts_at);`);

    this.addSql(`
      create table contracts (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        reference text not null,
        title text not null,
        customer_id uuid not null,
        starts_on date not null,
        ends_on date not null,
        tacit_renewal boolean not null default true,
        notice_days integer not null default 90 check (notice_days between 0 and 365),
        terminated_on date,
        sla jsonb not null,
        rate_card jsonb not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, reference),
        check (ends_on > starts_on),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred
      );
      create index contracts_customer_idx on contracts (tenant_id, customer_id);
      create table contract_sites (
        tenant_id uuid not null,
        contract_id uuid not null,
        site_id uuid not null,
        primary key (tenant_id, contract_id, site_id),
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, site_id) references sites (tenant_id, id) deferrable initially deferred
      );
      create table contract_amendments (
        tenant_id uuid not null,
        id uuid not null unique,
        contract_id uuid not null,
        version integer not null,
        effective_on date not null,
        reason text not null,
        previous_terms jsonb not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, contract_id, version),
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred
      );
      create table maintenance_plans (
        tenant_id uuid not null,
        id uuid not null unique,
        contract_id uuid not null,
        equipment_category text not null,
        visits_per_year integer not null check (visits_per_year between 1 and 52),
        estimated_duration_minutes integer not null default 120 check (estimated_duration_minutes > 0),
        required_skills text[] not null default '{}',
        primary key (tenant_id, id),
        unique (tenant_id, contract_id, equipment_category),
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) on delete cascade deferrable initially deferred
      );`);

    this.addSql(`
      create table equipment (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        site_id uuid not null,
        customer_id uuid not null,
        parent_id uuid,
        contract_id uuid,
        name text not null,
        category text not null,
        brand text,
        model text,
        serial_number text,
        refrigerant_type text,
        refrigerant_charge_kg numeric(8, 2) check (refrigerant_charge_kg >= 0),
        installed_on date,
        warranty_ends_on date,
        status text not null default 'IN_SERVICE' check (status in ('IN_SERVICE', 'OUT_OF_SERVICE', 'DECOMMISSIONED')),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, site_id) references sites (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, parent_id) references equipment (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred
      );
      create index equipment_site_idx on equipment (tenant_id, site_id);
      create index equipment_contract_idx on equipment (tenant_id, contract_id);`);

    this.addSql(`
      create table interventions (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        number text not null,
        type text not null check (type in ('PREVENTIVE', 'CORRECTIVE', 'INSTALLATION', 'INSPECTION')),
        priority text not null check (priority in ('URGENT', 'HIGH', 'NORMAL', 'LOW')),
        status text not null check (status in ('REQUESTED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'INVOICED', 'CANCELLED')),
        title text not null,
        description text,
        customer_id uuid not null,
        site_id uuid not null,
        equipment_id uuid,
        contract_id uuid,
        required_skills text[] not null default '{}',
        estimated_duration_minutes integer not null default 120,
        source text not null default 'PLANNER',
        plan_key text,
        requested_at timestamptz not null default now(),
        due_by timestamptz,
        scheduled_start timestamptz,
        scheduled_end timestamptz,
        started_at timestamptz,
        completed_at timestamptz,
        closed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        travel_count integer not null default 0 check (travel_count >= 0),
        travel_zone text,
        observations text,
        signer_name text,
        signature_data_url text,
        signed_at timestamptz,
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, number),
        unique (tenant_id, plan_key),
        check ((scheduled_start is null) = (scheduled_end is null) and (scheduled_end is null or scheduled_end > scheduled_start)),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, site_id) references sites (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, equipment_id) references equipment (tenant_id, id) deferrable initially deferred,
        foreign key (tenant_id, contract_id) references contracts (tenant_id, id) deferrable initially deferred
      );
      create index interventions_status_idx on interventions (tenant_id, status, requested_at, id);
      create index interventions_schedule_idx on interventions (tenant_id, scheduled_start, id);
      create index interventions_equipment_idx on interventions (tenant_id, equipment_id);
      create index interventions_customer_idx on interventions (tenant_id, customer_id);
      create table intervention_technicians (
        tenant_id uuid not null,
        intervention_id uuid not null,
        technician_id uuid not null,
        primary key (tenant_id, intervention_id, technician_id),
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, technician_id) references technicians (tenant_id, id) deferrable initially deferred
      );
      create index intervention_technicians_tech_idx on intervention_technicians (tenant_id, technician_id);
      create table intervention_labour (
        tenant_id uuid not null,
        id uuid not null unique,
        intervention_id uuid not null,
        technician_id uuid not null,
        work_date date not null,
        hours numeric(5, 2) not null check (hours > 0 and hours <= 24),
        labour_type text not null check (labour_type in ('NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY')),
        position integer not null default 0,
        primary key (tenant_id, id),
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, technician_id) references technicians (tenant_id, id) deferrable initially deferred
      );
      create index intervention_labour_idx on intervention_labour (tenant_id, intervention_id);
      create table intervention_parts (
        tenant_id uuid not null,
        id uuid not null unique,
        intervention_id uuid not null,
        catalog_item_id uuid not null,
        quantity numeric(10, 2) not null check (quantity > 0),
        serial_number text,
        position integer not null default 0,
        primary key (tenant_id, id),
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) on delete cascade deferrable initially deferred,
        foreign key (tenant_id, catalog_item_id) references catalog_items (tenant_id, id) deferrable initially deferred
      );
      create index intervention_parts_idx on intervention_parts (tenant_id, intervention_id);
      create table intervention_photos (
        tenant_id uuid not null,
        id uuid not null unique,
        intervention_id uuid not null,
        caption text,
        data_url text not null check (length(data_url) <= 3000000),
        position integer not null default 0,
        primary key (tenant_id, id),
        foreign key (tenant_id, intervention_id) references interventions (tenant_id, id) on delete cascade deferrable initially deferred
      );
      create index intervention_photos_idx on intervention_photos (tenant_id, intervention_id);`);

    // A closed report never changes, whoever tries: the database refuses it too.
    this.addSql(`
      create function intervention_report_is_frozen() returns trigger language plpgsql as $$
      declare
        v_status text;
      begin
        select status into v_status from interventions
         where tenant_id = coalesce(new.tenant_id, old.tenant_id) and id = coalesce(new.intervention_id, old.intervention_id);
        if v_status in ('CLOSED', 'INVOICED') then
          raise exception 'the report of a closed intervention is frozen' using errcode = 'check_violation', constraint = 'report_frozen';
        end if;
        return coalesce(new, old);
      end $$;
      create function intervention_closed_is_frozen() returns trigger language plpgsql as $$
      begin
        if old.status in ('CLOSED', 'INVOICED') and (
             new.travel_count, new.travel_zone, new.observations, new.signer_name, new.signature_data_url, new.signed_at,
             new.customer_id, new.site_id, new.equipment_id, new.started_at, new.completed_at)
             is distinct from (
             old.travel_count, old.travel_zone, old.observations, old.signer_name, old.signature_data_url, old.signed_at,
             old.customer_id, old.site_id, old.equipment_id, old.started_at, old.completed_at) then
          raise exception 'the report of a closed intervention is frozen' using errcode = 'check_violation', constraint = 'report_frozen';
        end if;
        return new;
      end $$;
      create trigger interventions_frozen before update on interventions
        for each row execute function intervention_closed_is_frozen();
      create trigger intervention_labour_frozen before insert or update or delete on intervention_labour
        for each row execute function intervention_report_is_frozen();
      create trigger intervention_parts_frozen before insert or update or delete on intervention_parts
        for each row execute function intervention_report_is_frozen();
      create trigger intervention_photos_frozen before insert or update or delete on intervention_photos
        for each row execute function intervention_report_is_frozen();`);

    this.addSql(`
      create table job_runs (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        kind text not null,
        state text not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        params jsonb not null default '{}',
        progress integer not null default 0,
        total integer not null default 0,
        result text,
        error text,
        created_by uuid,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        primary key (tenant_id, id)
      );`);

    // The audit row id is the key columns named after the tenant column (id for most tables).
    this.addSql(`
      create or replace function audit_row_change() returns trigger language plpgsql as $$
      declare
        v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'password_hash' - 'secret_hash' end;
        v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'password_hash' - 'secret_hash' end;
        v_row jsonb := coalesce(v_new, v_old);
        v_changes jsonb;
        v_row_id text;
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
        if tg_nargs > 1 then
          select string_agg(v_row ->> tg_argv[i], ':' order by i) into v_row_id from generate_series(1, tg_nargs - 1) i;
        else
          v_row_id := v_row ->> 'id';
        end if;
        insert into audit_log (tenant_id, actor_kind, actor_id, request_id, operation, table_name, row_id, action, changes)
        values (
          (v_row ->> tg_argv[0])::uuid,
          coalesce(nullif(current_setting('app.actor_kind', true), ''), 'system'),
          nullif(current_setting('app.actor_id', true), '')::uuid,
          nullif(current_setting('app.request_id', true), ''),
          nullif(current_setting('app.operation', true), ''),
          tg_table_name,
          v_row_id,
          lower(tg_op),
          v_changes
        );
        return null;
      end $$;`);

    const compositeKeys: Record<string, string[]> = {
      contract_sites: ['contract_id', 'site_id'],
      intervention_technicians: ['intervention_id', 'technician_id'],
    };
    const canDelete = [
      'technician_absences',
      'contract_sites',
      'intervention_technicians',
      'intervention_labour',
      'intervention_parts',
      'intervention_photos',
      'maintenance_plans',
    ];
    for (const table of [
      'catalog_items',
      'technicians',
      'technician_absences',
      'contracts',
      'contract_sites',
      'contract_amendments',
      'maintenance_plans',
      'equipment',
      'interventions',
      'intervention_technicians',
      'intervention_labour',
      'intervention_parts',
      'intervention_photos',
      'job_runs',
    ]) {
      this.addSql(
        tenantTableSql(table, {
          privileges: canDelete.includes(table) ? 'select, insert, update, delete' : 'select, insert, update',
          keyColumns: compositeKeys[table],
        }),
      );
    }
  }
}
