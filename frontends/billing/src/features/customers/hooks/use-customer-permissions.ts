import { useSession } from '@relais/session';

/**
 * What the signed-in role may do on a customer's file, as the API decides it: the record and its
 * contacts with maintenance:write or billing:write, sites with maintenance:write; billing documents
 * with billing:read, the balance with finance:read.
 */
export function useCustomerPermissions() {
  const role = useSession()?.user.role;
  return {
    canEditCustomer: role === 'ADMIN' || role === 'PLANNER' || role === 'BILLING',
    canEditSites: role === 'ADMIN' || role === 'PLANNER',
    canReadBilling: role !== undefined && role !== 'TECHNICIAN',
    canReadBalance: role === 'ADMIN' || role === 'BILLING' || role === 'ACCOUNTANT',
  };
}
