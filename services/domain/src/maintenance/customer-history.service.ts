import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerContact } from './customer-contact.entity';
import { historyEntries, type AuditRow, type HistoryEntry } from './customer-history.rules';
import { getCustomer } from './customer.service';
import { Equipment } from './equipment.entity';
import { Site } from './site.entity';

/**
 * The latest `limit` changes to the customer, its contacts (removed ones included), its sites and
 * their equipment, newest first. The rows of contacts, sites and equipment are found by the customer
 * their creation or deletion names (audit_log_customer_parts_idx), then all their changes by row.
 */
export async function customerHistory(em: EntityManager, customerId: string, limit: number): Promise<HistoryEntry[]> {
  const customer = await getCustomer(em, customerId);
  const [rows, contacts, sites, equipment] = await Promise.all([
    em.getConnection().execute<(Omit<AuditRow, 'at'> & { at: Date | string })[]>(
      `with parts as (
         select distinct table_name, row_id from audit_log
          where tenant_id = ? and table_name in ('customer_contacts', 'sites', 'equipment') and action in ('insert', 'delete')
            and changes ->> 'customer_id' = ?
       ), changes as (
         select * from audit_log where tenant_id = ? and table_name = 'customers' and row_id = ?
         union all
         select a.* from parts p join audit_log a on a.tenant_id = ? and a.table_name = p.table_name and a.row_id = p.row_id
       )
       select a.id::text as "id", a.at as "at", a.table_name as "tableName", a.row_id as "rowId", a.action as "action",
              a.changes as "changes", u.full_name as "userName", k.name as "apiKeyName"
         from changes a
         left join users u on a.actor_kind = 'user' and u.id = a.actor_id
         left join api_keys k on a.actor_kind = 'api_key' and k.id = a.actor_id
        order by a.id desc
        limit ?`,
      [customer.tenantId, customerId, customer.tenantId, customerId, customer.tenantId, limit],
      'all',
      em.getTransactionContext(),
    ),
    em.find(CustomerContact, { customerId }, { fields: ['id', 'fullName'] }),
    em.find(Site, { customerId }, { fields: ['id', 'name'] }),
    em.find(Equipment, { customerId }, { fields: ['id', 'name'] }),
  ]);
  const labels = new Map<string, string>([
    [customer.id, customer.name],
    ...contacts.map((c) => [c.id, c.fullName] as [string, string]),
    ...sites.map((s) => [s.id, s.name] as [string, string]),
    ...equipment.map((e) => [e.id, e.name] as [string, string]),
  ]);
  return historyEntries(
    rows.map((row) => ({ ...row, at: new Date(row.at) })),
    labels,
  );
}
