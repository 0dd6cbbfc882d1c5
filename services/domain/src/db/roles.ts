/** The role the services connect as: not the owner of any table, so row-level security always applies. */
export const APP_ROLE = 'relais_app';
