import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';

/**
 * Idempotency keys and rate-limit counters of the gateway (issue 12, docs/api.md "Idempotency keys"
 * and "Rate limits"). The gateway knows the caller's tenant but opens no tenant transaction, so, as
 * for `auth_api_key`, the application role reaches these tables only through narrow definer
 * functions that take the tenant and the caller from the gateway's authenticated identity; it holds
 * no privilege on the tables themselves (row-level security is on, with no policy, as a second lock).
 * Neither table is business data: nothing here reaches the audit log.
 */
export class Migration20261223000000GatewayIdempotencyRateLimits extends Migration {
  override up(): void {
    this.addSql(`
      create table gateway_idempotency_keys (
        tenant_id uuid not null references tenants (id),
        caller text not null,
        idempotency_key text not null,
        request_hash text not null,
        answer_status integer,
        answer_content_type text,
        answer_body text,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null default now() + interval '24 hours',
        primary key (tenant_id, caller, idempotency_key)
      );
      create index gateway_idempotency_keys_expiry on gateway_idempotency_keys (tenant_id, expires_at);
      alter table gateway_idempotency_keys enable row level security;

      create table gateway_rate_usage (
        caller text primary key,
        tenant_id uuid not null references tenants (id),
        window_start timestamptz not null,
        used integer not null
      );
      alter table gateway_rate_usage enable row level security;`);

    this.addSql(`
      create function idempotency_begin(p_tenant uuid, p_caller text, p_key text, p_hash text)
        returns table (outcome text, answer_status integer, answer_content_type text, answer_body text)
        language plpgsql volatile security definer set search_path = public as $$
        declare
          stored gateway_idempotency_keys;
        begin
          delete from gateway_idempotency_keys k where k.tenant_id = p_tenant and k.expires_at < now();
          -- A request still marked running after 15 minutes died with its gateway: its key is free again.
          delete from gateway_idempotency_keys k
           where k.tenant_id = p_tenant and k.caller = p_caller and k.idempotency_key = p_key
             and k.answer_status is null and k.created_at < now() - interval '15 minutes';
          insert into gateway_idempotency_keys (tenant_id, caller, idempotency_key, request_hash)
            values (p_tenant, p_caller, p_key, p_hash) on conflict do nothing;
          if found then
            return query select 'started'::text, null::integer, null::text, null::text;
            return;
          end if;
          select * into stored from gateway_idempotency_keys k
           where k.tenant_id = p_tenant and k.caller = p_caller and k.idempotency_key = p_key;
          if stored.request_hash is null or stored.answer_status is null and stored.request_hash = p_hash then
            return query select 'in_use'::text, null::integer, null::text, null::text;
          elsif stored.request_hash <> p_hash then
            return query select 'reused'::text, null::integer, null::text, null::text;
          else
            return query select 'replay'::text, stored.answer_status, stored.answer_content_type, stored.answer_body;
          end if;
        end $$;

      create function idempotency_complete(p_tenant uuid, p_caller text, p_key text, p_status integer, p_content_type text, p_body text)
        returns void language sql volatile security definer set search_path = public as $$
          update gateway_idempotency_keys
             set answer_status = p_status, answer_content_type = p_content_type, answer_body = p_body
           where tenant_id = p_tenant and caller = p_caller and idempotency_key = p_key and answer_status is null
        $$;

      create function idempotency_release(p_tenant uuid, p_caller text, p_key text)
        returns void language sql volatile security definer set search_path = public as $$
          delete from gateway_idempotency_keys
           where tenant_id = p_tenant and caller = p_caller and idempotency_key = p_key and answer_status is null
        $$;

      create function rate_limit_consume(p_tenant uuid, p_caller text, p_cost integer, p_limit integer)
        returns table (allowed boolean, used integer, reset_seconds integer)
        language plpgsql volatile security definer set search_path = public as $$
        declare
          window_now timestamptz := date_trunc('minute', now());
          total integer;
          seconds_left integer := greatest(1, ceil(extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - clock_timestamp())))::integer);
        begin
          insert into gateway_rate_usage as u (caller, tenant_id, window_start, used) values (p_caller, p_tenant, window_now, 0)
            on conflict (caller) do update set window_start = excluded.window_start, used = 0 where u.window_start < excluded.window_start;
          update gateway_rate_usage u set used = u.used + p_cost
           where u.caller = p_caller and u.used + p_cost <= p_limit
           returning u.used into total;
          if found then
            return query select true, total, seconds_left;
            return;
          end if;
          select u.used into total from gateway_rate_usage u where u.caller = p_caller;
          return query select false, total, seconds_left;
        end $$;

      revoke all on function idempotency_begin(uuid, text, text, text) from public;
      revoke all on function idempotency_complete(uuid, text, text, integer, text, text) from public;
      revoke all on function idempotency_release(uuid, text, text) from public;
      revoke all on function rate_limit_consume(uuid, text, integer, integer) from public;
      grant execute on function idempotency_begin(uuid, text, text, text), idempotency_complete(uuid, text, text, integer, text, text),
        idempotency_release(uuid, text, text), rate_limit_consume(uuid, text, integer, integer) to ${APP_ROLE};`);
  }

  override down(): void {
    this.addSql(`
      drop function rate_limit_consume(uuid, text, integer, integer);
      drop function idempotency_release(uuid, text, text);
      drop function idempotency_complete(uuid, text, text, integer, text, text);
      drop function idempotency_begin(uuid, text, text, text);
      drop table gateway_rate_usage;
      drop table gateway_idempotency_keys;`);
  }
}
