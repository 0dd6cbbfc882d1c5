import { Navigate, Outlet, Route, Routes } from 'react-router';
import { BankPage } from './features/bank/components/BankPage';
import { ChartOfAccountsPage } from './features/chart-of-accounts/components/ChartOfAccountsPage';
import { DunningPage } from './features/dunning/components/DunningPage';
import { PaymentPage } from './features/payment/components/PaymentPage';
import { PaymentListPage } from './features/payments/components/PaymentListPage';
import './i18n/register';
import { FinanceNavigation } from './layout/FinanceNavigation';
import { financePaths } from './routes';

function WithNavigation() {
  return (
    <>
      <FinanceNavigation />
      <Outlet />
    </>
  );
}

/** The finance app, mounted by the shell under /finance/*; the accountant lands on "Encaissements". */
export default function FinanceApp() {
  return (
    <Routes>
      <Route index element={<Navigate to={financePaths.payments} replace />} />
      <Route element={<WithNavigation />}>
        <Route path="payments" element={<PaymentListPage />} />
        <Route path="payments/:paymentId" element={<PaymentPage />} />
        <Route path="bank" element={<BankPage />} />
        <Route path="dunning" element={<DunningPage />} />
        <Route path="chart-of-accounts" element={<ChartOfAccountsPage />} />
      </Route>
    </Routes>
  );
}
