/** Absolute paths of the planning app, valid inside the shell and when the app runs alone. */
export const planningPaths = {
  board: '/planning',
  interventions: '/planning/interventions',
  intervention: (id: string) => `/planning/interventions/${encodeURIComponent(id)}`,
  newRequest: '/planning/nouvelle-demande',
  equipmentList: '/planning/equipements',
  equipment: (id: string) => `/planning/equipements/${encodeURIComponent(id)}`,
  newEquipment: '/planning/equipements/nouveau',
  editEquipment: (id: string) => `/planning/equipements/${encodeURIComponent(id)}/modifier`,
  contracts: '/planning/contrats',
  newContract: '/planning/contrats/nouveau',
  contract: (id: string) => `/planning/contrats/${encodeURIComponent(id)}`,
  amendContract: (id: string) => `/planning/contrats/${encodeURIComponent(id)}/avenant`,
  sites: '/planning/sites',
  technicians: '/planning/techniciens',
  newTechnician: '/planning/techniciens/nouveau',
  technician: (id: string) => `/planning/techniciens/${encodeURIComponent(id)}`,
  myDay: '/planning/ma-journee',
  myDayJob: (id: string) => `/planning/ma-journee/${encodeURIComponent(id)}`,
};

/**
 * A contract's page in the billing app (its fees, schedule, renewal): another app of the
 * back-office, mounted by the shell, so reached by a plain link (a page load) rather than through
 * this app's routes.
 */
export const billingContractPath = (id: string) => `/facturation/contrats/${encodeURIComponent(id)}`;

/** A customer's file in the billing app (its sites, contacts, documents), reached by a plain link too. */
export const billingCustomerPath = (id: string) => `/facturation/clients/${encodeURIComponent(id)}`;

/** An invoice (or its draft) in the billing app, reached by a plain link too. */
export const billingInvoicePath = (id: string) => `/facturation/factures/${encodeURIComponent(id)}`;
