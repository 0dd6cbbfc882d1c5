import { MAX_PHOTO_DATA_URL, MAX_SIGNATURE_DATA_URL } from '@relais/domain';
import { startMailPublisher, type SubgraphDefinition } from '@relais/subgraph-kit';
import { CustomerResolver, resolveCustomerReference } from './customers/customer.resolver';
import { SiteResolver, resolveSiteReference } from './sites/site.resolver';
import { TechnicianResolver, resolveTechnicianReference } from './technicians/technician.resolver';
import { UserTechnician, UserTechnicianResolver } from './technicians/user-technician.resolver';
import { EquipmentEventResolver, EquipmentResolver, resolveEquipmentReference } from './equipment/equipment.resolver';
import { ContractResolver, resolveContractReference } from './contracts/contract.resolver';
import { InterventionResolver, resolveInterventionReference } from './interventions/intervention.resolver';
import { InterventionReportResolver, LabourEntryResolver, PartUsedResolver } from './interventions/report.resolver';
import { InterventionClosingResolver } from './interventions/intervention-closing.resolver';
import { InterventionRequestResolver } from './interventions/intervention-request.resolver';
import { CatalogResolver, resolveCatalogItemReference } from './catalog/catalog.resolver';
import { JobRunResolver } from './jobs/job-run.resolver';
import { startJobWorker } from './jobs/job-queue';
import { PortalEquipmentResolver, PortalMaintenanceResolver, PortalVisitResolver } from './portal/portal-maintenance.resolver';
import { visitReportRoute } from './portal/visit-report.route';
import { PortalAccessResolver } from './portal/portal-access.resolver';

export const maintenanceSubgraph: SubgraphDefinition = {
  name: 'maintenance',
  resolvers: [
    CustomerResolver,
    SiteResolver,
    TechnicianResolver,
    EquipmentResolver,
    EquipmentEventResolver,
    ContractResolver,
    InterventionResolver,
    InterventionClosingResolver,
    InterventionRequestResolver,
    InterventionReportResolver,
    LabourEntryResolver,
    PartUsedResolver,
    CatalogResolver,
    JobRunResolver,
    UserTechnicianResolver,
    PortalMaintenanceResolver,
    PortalEquipmentResolver,
    PortalVisitResolver,
    PortalAccessResolver,
  ],
  orphanedTypes: [UserTechnician],
  references: {
    Customer: resolveCustomerReference,
    Site: resolveSiteReference,
    Technician: resolveTechnicianReference,
    Equipment: resolveEquipmentReference,
    Contract: resolveContractReference,
    Intervention: resolveInterventionReference,
    CatalogItem: resolveCatalogItemReference,
    User: (reference: { id: string }) => reference,
  },
  inputLimits: {
    'PhotoInput.dataUrl': MAX_PHOTO_DATA_URL,
    'InterventionReportInput.signatureDataUrl': MAX_SIGNATURE_DATA_URL,
    'PortalPhotoInput.dataUrl': MAX_PHOTO_DATA_URL,
  },
  httpRoutes: [visitReportRoute],
  // Portal sign-in links are mailed from here at once (mail-publisher.ts); portal sessions are signed with the session secret.
  onStart: async (resources) => {
    const stops = [await startJobWorker(resources), await startMailPublisher(resources)];
    return async () => {
      for (const stop of stops) await stop();
    };
  },
  requiredEnv: ['SESSION_SECRET'],
};
