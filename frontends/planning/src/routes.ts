/** Absolute paths of the planning app, valid inside the shell and when the app runs alone. */
export const planningPaths = {
  board: '/planning',
  interventions: '/planning/interventions',
  intervention: (id: string) => `/planning/interventions/${encodeURIComponent(id)}`,
  newRequest: '/planning/nouvelle-demande',
  equipmentList: '/planning/equipements',
  equipment: (id: string) => `/planning/equipements/${encodeURIComponent(id)}`,
  contracts: '/planning/contrats',
  contract: (id: string) => `/planning/contrats/${encodeURIComponent(id)}`,
  sites: '/planning/sites',
  myDay: '/planning/ma-journee',
  myDayJob: (id: string) => `/planning/ma-journee/${encodeURIComponent(id)}`,
};
