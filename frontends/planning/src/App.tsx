import { NotFoundPage, RequirePermission, useCan } from '@relais/session';
import { LoadingState } from '@relais/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import './i18n/register';
import { PlanningNavigation } from './layout/PlanningNavigation';
import { planningPaths } from './routes';
import { NotificationsProvider } from './shared/notifications';

/** Each page is its own chunk, downloaded when first opened (the board's drag and drop stays out of the other pages). */
const AmendContractPage = lazy(() =>
  import('./features/contracts/components/AmendContractPage').then((module) => ({ default: module.AmendContractPage })),
);
const ContractListPage = lazy(() =>
  import('./features/contracts/components/ContractListPage').then((module) => ({ default: module.ContractListPage })),
);
const NewContractPage = lazy(() =>
  import('./features/contracts/components/NewContractPage').then((module) => ({ default: module.NewContractPage })),
);
const ContractPage = lazy(() =>
  import('./features/contracts/components/ContractPage').then((module) => ({ default: module.ContractPage })),
);
const CustomerSitesPage = lazy(() =>
  import('./features/customer-sites/components/CustomerSitesPage').then((module) => ({ default: module.CustomerSitesPage })),
);
const DispatchBoardPage = lazy(() =>
  import('./features/dispatch-board/components/DispatchBoardPage').then((module) => ({ default: module.DispatchBoardPage })),
);
const EquipmentListPage = lazy(() =>
  import('./features/equipment/components/EquipmentListPage').then((module) => ({ default: module.EquipmentListPage })),
);
const EquipmentPage = lazy(() =>
  import('./features/equipment/components/EquipmentPage').then((module) => ({ default: module.EquipmentPage })),
);
const EditEquipmentPage = lazy(() =>
  import('./features/equipment/components/EditEquipmentPage').then((module) => ({ default: module.EditEquipmentPage })),
);
const NewEquipmentPage = lazy(() =>
  import('./features/equipment/components/NewEquipmentPage').then((module) => ({ default: module.NewEquipmentPage })),
);
const InterventionListPage = lazy(() =>
  import('./features/interventions/components/InterventionListPage').then((module) => ({ default: module.InterventionListPage })),
);
const InterventionPage = lazy(() =>
  import('./features/interventions/components/InterventionPage').then((module) => ({ default: module.InterventionPage })),
);
const MyDayJobPage = lazy(() => import('./features/my-day/components/MyDayJobPage').then((module) => ({ default: module.MyDayJobPage })));
const MyDayPage = lazy(() => import('./features/my-day/components/MyDayPage').then((module) => ({ default: module.MyDayPage })));
const NewRequestPage = lazy(() =>
  import('./features/new-request/components/NewRequestPage').then((module) => ({ default: module.NewRequestPage })),
);
const TechniciansPage = lazy(() =>
  import('./features/technicians/components/TechniciansPage').then((module) => ({ default: module.TechniciansPage })),
);
const NewTechnicianPage = lazy(() =>
  import('./features/technicians/components/NewTechnicianPage').then((module) => ({ default: module.NewTechnicianPage })),
);
const EditTechnicianPage = lazy(() =>
  import('./features/technicians/components/EditTechnicianPage').then((module) => ({ default: module.EditTechnicianPage })),
);

/** The office's pages (board, interventions, master data): a technician has only "Ma journée". */
function OfficePage({ children }: { children: ReactNode }) {
  return (
    <RequirePermission permission="maintenance:office">
      <PlanningNavigation />
      <Suspense fallback={<LoadingState />}>{children}</Suspense>
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
        <Route path="techniciens/nouveau" element={<OfficePage children={<NewTechnicianPage />} />} />
        <Route path="techniciens/:technicianId" element={<OfficePage children={<EditTechnicianPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </NotificationsProvider>
  );
}
