import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';
import { tenantTableSql } from './tenant-table';

/**
 * Fiscal years and their monthly accounting periods. Once a period is closed nothing dated in it
 * is added or changes, and the database enforces it as it enforces issued invoices' immutability:
 *
 * - `accounting_locks` keeps, per tenant, the last day nothing may be dated on or before
 *   (`closed_through`): the end of the last closed period, or the day before the first fiscal
 *   year. Periods close in order and reopen from the last one (a trigger checks it), so closed
 *   periods are always a prefix and one date says it all. Only the period triggers write it.
 * - `assert_period_open(tenant_id, date)` compares a date with it and raises a check violation
 *   named `period_closed` (or `no_fiscal_year`), whose DETAIL is JSON ({ period, date }). It takes
 *   the tenant's period lock in shared mode first: closing takes it exclusively, so a write dated in
 *   the month cannot commit after the month was closed (the lock is held to the end of the
 *   transaction, repeated calls cost a lookup in the backend's own lock table).
 * - Row triggers call it with the date of what the row records: an invoice or credit note when it is
 *   issued (its issue date), a payment (received, reversed), a payment allocation, a refund, a
 *   credit allocation, a bank movement's reconciliation (its booking date, the date of the payment
 *   or booking it produces). Settlement columns following later events (paid, credited amounts), a
 *   release of an allocation (dated today), drafts and reminders are not accounting dates.
 * - `reject_in_closed_period('<date column>')` is the generic row trigger for tables that are all
 *   accounting (the ledger): inserts, updates and deletes of rows dated in a closed period refused;
 *   `reject_in_closed_period_of('<parent table>', '<key column>', '<parent date column>')` the same
 *   for rows dated by their parent (an entry's lines).
 */
export class Migration20261208030000Periods extends Migration {
  override up(): void {
    this.addSql(`
      create table fiscal_years (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        starts_on date not null,
        ends_on date not null,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, starts_on),
        constraint fiscal_year_whole_months check (
          extract(day from starts_on) = 1 and ends_on = (date_trunc('month', ends_on) + interval '1 month' - interval '1 day')::date),
        constraint fiscal_year_length check (ends_on > starts_on and ends_on < (starts_on + interval '24 months')::date)
      );

      create table accounting_periods (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        fiscal_year_id uuid not null,
        starts_on date not null,
        ends_on date not null,
        state text not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
        closed_at timestamptz,
        closed_by uuid,
        closed_by_name text,
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, starts_on),
        foreign key (tenant_id, fiscal_year_id) references fiscal_years (tenant_id, id) deferrable initially deferred,
        constraint accounting_period_closed_when check ((state = 'CLOSED') = (closed_at is not null)),
        check (ends_on >= starts_on)
      );
      create index accounting_periods_year_idx on accounting_periods (tenant_id, fiscal_year_id, starts_on);

      create table accounting_period_events (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        period_id uuid not null,
        action text not null check (action in ('CLOSED', 'REOPENED')),
        reason text check (length(reason) <= 500),
        acknowledged jsonb not null default '[]',
        actor_id uuid,
        actor_name text not null,
        at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, period_id) references accounting_periods (tenant_id, id) deferrable initially deferred,
        constraint accounting_period_reopen_reason check (action <> 'REOPENED' or length(trim(reason)) > 0)
      );
      create index accounting_period_events_period_idx on accounting_period_events (tenant_id, period_id, at);

      create table accounting_locks (
        tenant_id uuid not null references tenants (id),
        closed_through date not null,
        primary key (tenant_id)
      );`);

    // Years follow each other without gap nor overlap; periods keep their dates, are created open,
    // close in order and reopen from the last closed one.
    this.addSql(`
      create function fiscal_year_follows_previous() returns trigger language plpgsql as $$
      declare
        v_last date;
      begin
        select max(ends_on) into v_last from fiscal_years where tenant_id = new.tenant_id;
        if v_last is not null and new.starts_on <> v_last + 1 then
          raise exception 'a fiscal year starts the day after the previous one ends (%)', v_last
            using errcode = 'check_violation', constraint = 'fiscal_year_contiguous';
        end if;
        return new;
      end $$;
      create trigger fiscal_years_contiguous before insert on fiscal_years
        for each row execute function fiscal_year_follows_previous();

      create function accounting_period_in_order() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if new.state <> 'OPEN' then
            raise exception 'a period is created open' using errcode = 'check_violation', constraint = 'period_not_in_order';
          end if;
          return new;
        end if;
        if (new.tenant_id, new.id, new.fiscal_year_id, new.starts_on, new.ends_on)
           is distinct from (old.tenant_id, old.id, old.fiscal_year_id, old.starts_on, old.ends_on) then
          raise exception 'a period keeps its dates' using errcode = 'check_violation', constraint = 'period_not_in_order';
        end if;
        if new.state = 'CLOSED' and old.state = 'OPEN' and exists (
             select 1 from accounting_periods where tenant_id = new.tenant_id and starts_on < new.starts_on and state = 'OPEN') then
          raise exception 'periods close in order' using errcode = 'check_violation', constraint = 'period_not_in_order';
        end if;
        if new.state = 'OPEN' and old.state = 'CLOSED' and exists (
             select 1 from accounting_periods where tenant_id = new.tenant_id and starts_on > new.starts_on and state = 'CLOSED') then
          raise exception 'only the last closed period reopens' using errcode = 'check_violation', constraint = 'period_not_in_order';
        end if;
        return new;
      end $$;
      create trigger accounting_periods_in_order before insert or update on accounting_periods
        for each row execute function accounting_period_in_order();

      -- The application role reads the lock, never writes it: this owner function keeps it.
      create function accounting_lock_refresh() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        insert into accounting_locks (tenant_id, closed_through)
          select new.tenant_id, coalesce(max(ends_on) filter (where state = 'CLOSED'), min(starts_on) - 1)
            from accounting_periods where tenant_id = new.tenant_id
        on conflict (tenant_id) do update set closed_through = excluded.closed_through;
        return null;
      end $$;
      revoke all on function accounting_lock_refresh() from public;
      create trigger accounting_periods_lock after insert or update of state on accounting_periods
        for each row execute function accounting_lock_refresh();`);

    // The guard, and the row triggers of the tables that carry business dates.
    this.addSql(`
      create function accounting_period_lock_key(p_tenant uuid) returns bigint language sql immutable as $$
        select hashtextextended('accounting-periods:' || p_tenant::text, 0)
      $$;

      create function assert_period_open(p_tenant uuid, p_date date) returns void language plpgsql as $$
      declare
        v_through date;
        v_period date;
      begin
        if p_date is null then
          return;
        end if;
        perform pg_advisory_xact_lock_shared(accounting_period_lock_key(p_tenant));
        select closed_through into v_through from accounting_locks where tenant_id = p_tenant;
        if v_through is null or p_date > v_through then
          return;
        end if;
        select starts_on into v_period from accounting_periods where tenant_id = p_tenant and p_date between starts_on and ends_on;
        if v_period is null then
          raise exception 'no fiscal year covers %', p_date
            using errcode = 'check_violation', constraint = 'no_fiscal_year',
                  detail = json_build_object('date', p_date,
                    'firstFiscalYearStart', (select min(starts_on) from accounting_periods where tenant_id = p_tenant))::text;
        end if;
        raise exception 'period % is closed: nothing may be dated %', to_char(v_period, 'YYYY-MM'), p_date
          using errcode = 'check_violation', constraint = 'period_closed',
                detail = json_build_object('period', to_char(v_period, 'YYYY-MM'), 'date', p_date)::text;
      end $$;

      create function reject_in_closed_period() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          perform assert_period_open(old.tenant_id, (to_jsonb(old) ->> tg_argv[0])::date);
        end if;
        if tg_op <> 'DELETE' then
          perform assert_period_open(new.tenant_id, (to_jsonb(new) ->> tg_argv[0])::date);
        end if;
        return coalesce(new, old);
      end $$;

      -- For rows dated by their parent (an entry's lines): the parent's date, read through the key.
      create function reject_in_closed_period_of() returns trigger language plpgsql as $$
      declare
        v_row jsonb;
        v_date date;
      begin
        foreach v_row in array array_remove(array[
            case when tg_op <> 'INSERT' then to_jsonb(old) end, case when tg_op <> 'DELETE' then to_jsonb(new) end], null) loop
          execute format('select %I from %I where tenant_id = $1 and id = $2', tg_argv[2], tg_argv[0])
            into v_date using (v_row ->> 'tenant_id')::uuid, (v_row ->> tg_argv[1])::uuid;
          perform assert_period_open((v_row ->> 'tenant_id')::uuid, v_date);
        end loop;
        return coalesce(new, old);
      end $$;

      create function invoice_issue_in_open_period() returns trigger language plpgsql as $$
      begin
        if new.status = 'ISSUED' and (tg_op = 'INSERT' or old.status <> 'ISSUED') then
          perform assert_period_open(new.tenant_id, new.issue_date);
        end if;
        return new;
      end $$;
      create trigger invoices_period_open before insert or update of status on invoices
        for each row execute function invoice_issue_in_open_period();

      create function payment_in_open_period() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform assert_period_open(new.tenant_id, new.received_on);
          perform assert_period_open(new.tenant_id, new.reversed_on);
          return new;
        end if;
        if (new.received_on, new.amount, new.customer_id, new.method)
           is distinct from (old.received_on, old.amount, old.customer_id, old.method) then
          perform assert_period_open(old.tenant_id, old.received_on);
          perform assert_period_open(new.tenant_id, new.received_on);
        end if;
        if new.reversed_on is distinct from old.reversed_on then
          perform assert_period_open(old.tenant_id, old.reversed_on);
          perform assert_period_open(new.tenant_id, new.reversed_on);
        end if;
        return new;
      end $$;
      create trigger payments_period_open before insert or update of received_on, amount, customer_id, method, reversed_on on payments
        for each row execute function payment_in_open_period();

      create function payment_allocation_in_open_period() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          perform assert_period_open(old.tenant_id, old.allocated_on);
        end if;
        perform assert_period_open(new.tenant_id, new.allocated_on);
        return new;
      end $$;
      create trigger payment_allocations_period_open before insert or update of payment_id, invoice_id, amount, allocated_on
        on payment_allocations for each row execute function payment_allocation_in_open_period();

      create trigger payment_refunds_period_open before insert or update or delete on payment_refunds
        for each row execute function reject_in_closed_period('refunded_on');
      create trigger credit_allocations_period_open before insert or update or delete on credit_allocations
        for each row execute function reject_in_closed_period('allocated_on');

      create function bank_movement_in_open_period() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if new.status in ('MATCHED', 'BOOKED') then
            perform assert_period_open(new.tenant_id, new.booking_date);
          end if;
          return new;
        end if;
        if (old.status in ('MATCHED', 'BOOKED') or new.status in ('MATCHED', 'BOOKED'))
           and (new.status, new.payment_id, new.booked_as, new.booking_date, new.amount)
               is distinct from (old.status, old.payment_id, old.booked_as, old.booking_date, old.amount) then
          perform assert_period_open(old.tenant_id, old.booking_date);
          perform assert_period_open(new.tenant_id, new.booking_date);
        end if;
        return new;
      end $$;
      create trigger bank_movements_period_open before insert or update of status, payment_id, booked_as, booking_date, amount
        on bank_movements for each row execute function bank_movement_in_open_period();

      -- The ledger (migration 20261208020000): an entry dated in a closed month is neither posted, changed nor deleted.
      -- Its lines need no trigger of their own: the ledger refuses lines added to an existing entry and any update,
      -- and a rebuild deleting a closed month's lines fails on their entry, rolling the whole rebuild back.
      create trigger ledger_entries_period_open before insert or update or delete on ledger_entries
        for each row execute function reject_in_closed_period('entry_date');`);

    this.addSql(tenantTableSql('fiscal_years', { privileges: 'select, insert' }));
    this.addSql(tenantTableSql('accounting_periods', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('accounting_period_events', { privileges: 'select, insert' }));
    // Derived from the periods (audited there): no audit trigger of its own, read-only for the application.
    this.addSql(`
      alter table accounting_locks enable row level security;
      alter table accounting_locks force row level security;
      create policy tenant_isolation on accounting_locks
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
      grant select on accounting_locks to ${APP_ROLE};`);
  }
}
