import { Route, Routes } from 'react-router';
import { CustomerSitesPage } from './features/customer-sites/components/CustomerSitesPage';
import './i18n/register';

/** The planning app, mounted by the shell under /planning/*. */
export default function PlanningApp() {
  return (
    <Routes>
      <Route index element={<CustomerSitesPage />} />
    </Routes>
  );
}
