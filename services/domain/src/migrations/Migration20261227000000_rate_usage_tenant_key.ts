import { Migration } from '@mikro-orm/migrations';

/**
 * The gateway's rate-limit counters are keyed by tenant too (issue 13, docs/scaling.md): the last
 * tenant table whose key lacked `tenant_id`, so that each tenant's counters can live on the node
 * of its other rows once the database is distributed by `tenant_id`. A caller (`user:<id>`,
 * `api_key:<id>`) belongs to one tenant, so the new key holds exactly the rows the old one did;
 * `rate_limit_consume` finds the counter by tenant and caller.
 */
export class Migration20261227000000RateUsageTenantKey extends Migration {
  override up(): void {
    this.addSql(`
      alter table gateway_rate_usage drop constraint gateway_rate_usage_pkey;
      alter table gateway_rate_usage add primary key (tenant_id, caller);`);
    this.addSql(consumeFunction('(tenant_id, caller)', 'u.tenant_id = p_tenant and u.caller = p_caller'));
  }

  override down(): void {
    this.addSql(`
      alter table gateway_rate_usage drop constraint gateway_rate_usage_pkey;
      alter table gateway_rate_usage add primary key (caller);`);
    this.addSql(consumeFunction('(caller)', 'u.caller = p_caller'));
  }
}

/** rate_limit_consume as in Migration20261223000000, with the counter found by `conflict` and `match`. */
function consumeFunction(conflict: string, match: string): string {
  return `
    create or replace function rate_limit_consume(p_tenant uuid, p_caller text, p_cost integer, p_limit integer)
      returns table (allowed boolean, used integer, reset_seconds integer)
      language plpgsql volatile security definer set search_path = public as $$
      declare
        window_now timestamptz := date_trunc('minute', now());
        total integer;
        seconds_left integer := greatest(1, ceil(extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - clock_timestamp())))::integer);
      begin
        insert into gateway_rate_usage as u (caller, tenant_id, window_start, used) values (p_caller, p_tenant, window_now, 0)
          on conflict ${conflict} do update set window_start = excluded.window_start, used = 0 where u.window_start < excluded.window_start;
        update gateway_rate_usage u set used = u.used + p_cost
         where ${match} and u.used + p_cost <= p_limit
         returning u.used into total;
        if found then
          return query select true, total, seconds_left;
          return;
        end if;
        select u.used into total from gateway_rate_usage u where ${match};
        return query select false, total, seconds_left;
      end $$;`;
}
