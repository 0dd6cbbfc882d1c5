import {
  amendmentsByContractIds,
  assignmentsByInterventionIds,
  catalogItemsByIds,
  contractSitesByContractIds,
  contractsByIds,
  equipmentByContractIds,
  equipmentByIds,
  equipmentByParentIds,
  labourByInterventionIds,
  partsByInterventionIds,
  photosByInterventionIds,
  plansByContractIds,
  techniciansByIds,
  type CatalogItem,
  type Contract,
  type ContractAmendment,
  type ContractSite,
  type Equipment,
  type InterventionPhoto,
  type InterventionTechnician,
  type LabourEntry,
  type MaintenancePlan,
  type PartUsed,
  type Technician,
  Site,
} from '@relais/domain';
import { groupLoaderFor, loaderFor, type RequestContext } from '@relais/subgraph-kit';

/** Every per-request loader of the maintenance subgraph, one SQL statement per batch. */
export const loaders = {
  technician: (ctx: RequestContext) => loaderFor<Technician>(ctx, 'technicianById', techniciansByIds, (t) => t.id),
  equipment: (ctx: RequestContext) => loaderFor<Equipment>(ctx, 'equipmentById', equipmentByIds, (e) => e.id),
  contract: (ctx: RequestContext) => loaderFor<Contract>(ctx, 'contractById', contractsByIds, (c) => c.id),
  catalogItem: (ctx: RequestContext) => loaderFor<CatalogItem>(ctx, 'catalogItemById', catalogItemsByIds, (c) => c.id),
  site: (ctx: RequestContext) =>
    loaderFor<Site>(
      ctx,
      'siteById',
      (em, ids) => em.find(Site, { id: { $in: [...ids] } }),
      (s) => s.id,
    ),
  assignments: (ctx: RequestContext) =>
    groupLoaderFor<InterventionTechnician>(ctx, 'assignmentsByIntervention', assignmentsByInterventionIds, (a) => a.interventionId),
  labour: (ctx: RequestContext) =>
    groupLoaderFor<LabourEntry>(ctx, 'labourByIntervention', labourByInterventionIds, (l) => l.interventionId),
  parts: (ctx: RequestContext) => groupLoaderFor<PartUsed>(ctx, 'partsByIntervention', partsByInterventionIds, (p) => p.interventionId),
  photos: (ctx: RequestContext) =>
    groupLoaderFor<InterventionPhoto>(ctx, 'photosByIntervention', photosByInterventionIds, (p) => p.interventionId),
  children: (ctx: RequestContext) => groupLoaderFor<Equipment>(ctx, 'equipmentByParent', equipmentByParentIds, (e) => e.parentId!),
  contractEquipment: (ctx: RequestContext) =>
    groupLoaderFor<Equipment>(ctx, 'equipmentByContract', equipmentByContractIds, (e) => e.contractId!),
  contractSites: (ctx: RequestContext) =>
    groupLoaderFor<ContractSite>(ctx, 'sitesByContract', contractSitesByContractIds, (s) => s.contractId),
  plans: (ctx: RequestContext) => groupLoaderFor<MaintenancePlan>(ctx, 'plansByContract', plansByContractIds, (p) => p.contractId),
  amendments: (ctx: RequestContext) =>
    groupLoaderFor<ContractAmendment>(ctx, 'amendmentsByContract', amendmentsByContractIds, (a) => a.contractId),
};
