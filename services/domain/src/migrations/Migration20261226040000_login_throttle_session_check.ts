import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';

/**
 * Issue 12 hardening (docs/api.md, "Sign-in"):
 * - failed sign-ins counted per e-mail and per client address, in PostgreSQL so that every gateway
 *   replica shares them. An attempt is charged before it runs (so that concurrent guesses cannot pass
 *   the limit together) and given back when it did not fail on its credentials; a success also
 *   clears its e-mail's counter. The gateway knows no tenant at sign-in: as for the rate limits, the
 *   application role reaches the table only through definer functions.
 * - a session token is honoured only while its user is active, with the user's current role: the
 *   gateway reads both through `auth_session_user` (a narrow definer function, like `auth_api_key`).
 */
export class Migration20261226040000LoginThrottleSessionCheck extends Migration {
  override up(): void {
    this.addSql(`
      create table gateway_login_failures (
        subject text primary key,
        window_start timestamptz not null,
        failures integer not null
      );
      alter table gateway_login_failures enable row level security;`);

    this.addSql(`
      create function login_attempt_begin(p_subjects text[], p_limits integer[], p_window_seconds integer)
        returns table (allowed boolean, retry_after_seconds integer)
        language plpgsql volatile security definer set search_path = public as $$
        declare
          blocked_until timestamptz;
        begin
          -- A window starts at a subject's first failure and lasts p_window_seconds; past it, the count starts over.
          insert into gateway_login_failures as f (subject, window_start, failures)
            select s, now(), 0 from unnest(p_subjects) as s
            on conflict (subject) do update set window_start = now(), failures = 0
             where f.window_start + make_interval(secs => p_window_seconds) <= now();
          -- Rows locked in a fixed order: two attempts on the same subjects queue instead of deadlocking.
          perform 1 from gateway_login_failures f where f.subject = any (p_subjects) order by f.subject for update;
          select max(f.window_start + make_interval(secs => p_window_seconds)) into blocked_until
            from gateway_login_failures f
            join unnest(p_subjects, p_limits) as l(subject, max_failures) on l.subject = f.subject
           where f.failures >= l.max_failures;
          if blocked_until is not null then
            return query select false, greatest(1, ceil(extract(epoch from blocked_until - clock_timestamp())))::integer;
            return;
          end if;
          update gateway_login_failures f set failures = f.failures + 1 where f.subject = any (p_subjects);
          return query select true, 0;
        end $$;

      create function login_attempt_end(p_subjects text[], p_outcome text)
        returns void language plpgsql volatile security definer set search_path = public as $$
        begin
          if p_outcome = 'failure' then
            return;
          end if;
          -- Not a failed guess: the attempt charged by login_attempt_begin is given back.
          update gateway_login_failures f set failures = greatest(0, f.failures - 1) where f.subject = any (p_subjects);
          if p_outcome = 'success' then
            delete from gateway_login_failures f where f.subject = any (p_subjects) and f.subject like 'email:%';
          end if;
        end $$;

      create function auth_session_user(p_tenant uuid, p_id uuid)
        returns table (active boolean, role text)
        language sql stable security definer set search_path = public as $$
          select u.active, u.role from users u where u.tenant_id = p_tenant and u.id = p_id
        $$;

      revoke all on function login_attempt_begin(text[], integer[], integer) from public;
      revoke all on function login_attempt_end(text[], text) from public;
      revoke all on function auth_session_user(uuid, uuid) from public;
      grant execute on function login_attempt_begin(text[], integer[], integer), login_attempt_end(text[], text),
        auth_session_user(uuid, uuid) to ${APP_ROLE};`);
  }

  override down(): void {
    this.addSql(`
      drop function auth_session_user(uuid, uuid);
      drop function login_attempt_end(text[], text);
      drop function login_attempt_begin(text[], integer[], integer);
      drop table gateway_login_failures;`);
  }
}
