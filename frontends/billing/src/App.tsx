import { Navigate, Route, Routes } from 'react-router';
import { CustomerListPage } from './features/customers/components/CustomerListPage';
import { CustomerPage } from './features/customers/components/CustomerPage';
import './i18n/register';
import { billingPaths } from './routes';

/** The billing app, mounted by the shell under /facturation/*. */
export default function BillingApp() {
  return (
    <Routes>
      <Route index element={<Navigate to={billingPaths.customers} replace />} />
      <Route path="clients" element={<CustomerListPage />} />
      <Route path="clients/:customerId" element={<CustomerPage />} />
    </Routes>
  );
}
