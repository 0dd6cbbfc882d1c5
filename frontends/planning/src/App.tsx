import { NotFoundPage, RequirePermission, useCan } from '@relais/session';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AmendContractPage } from './features/contracts/components/AmendContractPage';
import { ContractListPage } from './features/contracts/components/ContractListPage';
import { NewContractPage } from './features/contracts/components/NewContractPage';
import { ContractPage } from './features/contracts/components/ContractPage';
import { CustomerSitesPage } from './features/customer-sites/components/CustomerSitesPage';
import { DispatchBoardPage } from './features/dispatch-board/components/DispatchBoardPage';
import { EquipmentListPage } from './features/equipment/components/EquipmentListPage';
import { EquipmentPage } from './features/equipment/components/EquipmentPage';
import { EditEquipmentPage } from './features/equipment/components/EditEquipmentPage';
import { NewEquipmentPage } from './features/equipment/components/NewEquipmentPage';
import { InterventionListPage } from './features/interventions/components/InterventionListPage';
import { InterventionPage } from './features/interventions/components/InterventionPage';
import { MyDayJobPage } from './features/my-day/components/MyDayJobPage';
import { MyDayPage } from './features/my-day/components/MyDayPage';
import { NewRequestPage } from './features/new-request/components/NewRequestPage';
import { TechniciansPage } from './features/technicians/components/TechniciansPage';
import './i18n/register';
import { PlanningNavigation } from './layout/PlanningNavigation';
import { planningPaths } from './routes';
import { NotificationsProvider } from './shared/notifications';

/** The office's pages (board, interventions, master data): a technician has only "Ma journée". */
function OfficePage({ children }: { children: ReactNode }) {
  return (
    <RequirePermission permission="maintenance:office">
      <PlanningNavigation />
      {children}
    </RequirePermission>
  );
}

/** The planning app, mounted by the shell under /planning/*; technicians land on "Ma journée". */
export default function PlanningApp() {
  const office = useCan('maintenance:office');
  return (
    <NotificationsProvider>
      <Routes>
        <Route index element={office ? <OfficePage children={<DispatchBoardPage />} /> : <Navigate to={planningPaths.myDay} replace />} />
        <Route path="ma-journee" element={<MyDayPage />} />
        <Route path="ma-journee/:interventionId" element={<MyDayJobPage />} />
        <Route path="interventions" element={<OfficePage children={<InterventionListPage />} />} />
        <Route path="interventions/:interventionId" element={<OfficePage children={<InterventionPage />} />} />
        <Route path="nouvelle-demande" element={<OfficePage children={<NewRequestPage />} />} />
        <Route path="equipements" element={<OfficePage children={<EquipmentListPage />} />} />
        <Route path="equipements/nouveau" element={<OfficePage children={<NewEquipmentPage />} />} />
        <Route path="equipements/:equipmentId" element={<OfficePage children={<EquipmentPage />} />} />
        <Route path="equipements/:equipmentId/modifier" element={<OfficePage children={<EditEquipmentPage />} />} />
        <Route path="contrats" element={<OfficePage children={<ContractListPage />} />} />
        <Route path="contrats/nouveau" element={<OfficePage children={<NewContractPage />} />} />
        <Route path="contrats/:contractId" element={<OfficePage children={<ContractPage />} />} />
        <Route path="contrats/:contractId/avenant" element={<OfficePage children={<AmendContractPage />} />} />
        <Route path="sites" element={<OfficePage children={<CustomerSitesPage />} />} />
        <Route path="techniciens" element={<OfficePage children={<TechniciansPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </NotificationsProvider>
  );
}
