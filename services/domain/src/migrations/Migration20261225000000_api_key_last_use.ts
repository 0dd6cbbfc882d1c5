import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';

/**
 * When an API key was last used (issue 12, admin screens): the gateway stamps it through a narrow
 * definer function (no tenant is known when a key is checked), at most once a minute per key; the
 * stamp alone is not a change to business data, so it does not reach the audit log.
 */
export class Migration20261225000000ApiKeyLastUse extends Migration {
  override up(): void {
    this.addSql(`
      create function touch_api_key(p_id uuid) returns void
        language sql volatile security definer set search_path = public as $$
          update api_keys set last_used_at = now()
           where id = p_id and (last_used_at is null or last_used_at < now() - interval '1 minute')
        $$;
      revoke all on function touch_api_key(uuid) from public;
      grant execute on function touch_api_key(uuid) to ${APP_ROLE};
      drop trigger api_keys_audit on api_keys;
      create trigger api_keys_audit after insert or delete on api_keys
        for each row execute function audit_row_change('tenant_id');
      create trigger api_keys_audit_update after update on api_keys
        for each row when ((to_jsonb(old) - 'last_used_at') is distinct from (to_jsonb(new) - 'last_used_at'))
        execute function audit_row_change('tenant_id');`);
  }

  override down(): void {
    this.addSql(`
      drop trigger api_keys_audit_update on api_keys;
      drop trigger api_keys_audit on api_keys;
      create trigger api_keys_audit after insert or update or delete on api_keys
        for each row execute function audit_row_change('tenant_id');
      drop function touch_api_key(uuid);`);
  }
}
