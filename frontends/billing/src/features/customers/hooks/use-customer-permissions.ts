import { useCan } from '@relais/session';

/**
 * What the signed-in user may do on a customer's file, as the API decides it: the record and its
 * contacts with maintenance:write or billing:write, sites with maintenance:write; billing documents
 * with billing:read, the balance with finance:read.
 */
export function useCustomerPermissions() {
  const maintenanceWrite = useCan('maintenance:write');
  const billingWrite = useCan('billing:write');
  return {
    canEditCustomer: maintenanceWrite || billingWrite,
    canEditSites: maintenanceWrite,
    canReadBilling: useCan('billing:read'),
    canReadBalance: useCan('finance:read'),
  };
}
