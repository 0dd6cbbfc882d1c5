import { APP_ROLE } from '../db/roles';

/**
 * The statements every tenant-owned table gets (`keyColumns` name the row in the audit log, `id`
 * unless the key is composite): the audit trigger, row-level security bound to
 * `app.tenant_id` (forced, so even the owner obeys) and the application role's privileges.
 */
export function tenantTableSql(table: string, options: { privileges?: string; keyColumns?: string[] } = {}): string {
  const privileges = options.privileges ?? 'select, insert, update';
  const keys = (options.keyColumns ?? ['id']).map((c) => `'${c}'`).join(', ');
  return `
    create trigger ${table}_audit after insert or update or delete on ${table}
      for each row execute function audit_row_change('tenant_id', ${keys});
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy tenant_isolation on ${table}
      using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
    grant ${privileges} on ${table} to ${APP_ROLE};`;
}
