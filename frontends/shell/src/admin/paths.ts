/** Absolute paths of the administration section of the shell. */
export const adminPaths = {
  root: '/administration',
  users: '/administration/utilisateurs',
  apiKeys: '/administration/cles-api',
  audit: '/administration/journal',
  /** The audit log of one record. */
  auditOf: (tableName: string, rowId: string) =>
    `/administration/journal?table=${encodeURIComponent(tableName)}&id=${encodeURIComponent(rowId)}`,
  webhooks: '/administration/webhooks',
  webhookDeliveries: (id: string) => `/administration/webhooks/${encodeURIComponent(id)}`,
};
