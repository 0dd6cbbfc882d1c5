import { NotFoundPage } from '@relais/session';
import { LoadingState } from '@relais/ui';
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import './i18n/register';
import { FinanceNavigation } from './layout/FinanceNavigation';
import { financePaths } from './routes';

/** Each page is its own chunk, downloaded when first opened (the dashboard's charts stay out of the others). */
const AccountingPage = lazy(() =>
  import('./features/accounting/components/AccountingPage').then((module) => ({ default: module.AccountingPage })),
);
const BankPage = lazy(() => import('./features/bank/components/BankPage').then((module) => ({ default: module.BankPage })));
const ChartOfAccountsPage = lazy(() =>
  import('./features/chart-of-accounts/components/ChartOfAccountsPage').then((module) => ({ default: module.ChartOfAccountsPage })),
);
const DashboardPage = lazy(() =>
  import('./features/dashboard/components/DashboardPage').then((module) => ({ default: module.DashboardPage })),
);
const CustomerStatementPage = lazy(() =>
  import('./features/customer-statement/components/CustomerStatementPage').then((module) => ({ default: module.CustomerStatementPage })),
);
const DunningPage = lazy(() => import('./features/dunning/components/DunningPage').then((module) => ({ default: module.DunningPage })));
const BatchPage = lazy(() => import('./features/direct-debit/components/BatchPage').then((module) => ({ default: module.BatchPage })));
const DirectDebitPage = lazy(() =>
  import('./features/direct-debit/components/DirectDebitPage').then((module) => ({ default: module.DirectDebitPage })),
);
const PaymentPage = lazy(() => import('./features/payment/components/PaymentPage').then((module) => ({ default: module.PaymentPage })));
const PaymentListPage = lazy(() =>
  import('./features/payments/components/PaymentListPage').then((module) => ({ default: module.PaymentListPage })),
);
const ProfitabilityPage = lazy(() =>
  import('./features/profitability/components/ProfitabilityPage').then((module) => ({ default: module.ProfitabilityPage })),
);
const PeriodsPage = lazy(() => import('./features/periods/components/PeriodsPage').then((module) => ({ default: module.PeriodsPage })));
const AgeingPage = lazy(() => import('./features/receivables/components/AgeingPage').then((module) => ({ default: module.AgeingPage })));
const ToCollectPage = lazy(() =>
  import('./features/receivables/components/ToCollectPage').then((module) => ({ default: module.ToCollectPage })),
);

function WithNavigation() {
  return (
    <>
      <FinanceNavigation />
      <Suspense fallback={<LoadingState />}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** The finance app, mounted by the shell under /finance/*; the accountant lands on "Encaissements". */
export default function FinanceApp() {
  return (
    <Routes>
      <Route index element={<Navigate to={financePaths.payments} replace />} />
      <Route element={<WithNavigation />}>
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="profitability" element={<ProfitabilityPage />} />
        <Route path="payments" element={<PaymentListPage />} />
        <Route path="payments/:paymentId" element={<PaymentPage />} />
        <Route path="bank" element={<BankPage />} />
        <Route path="dunning" element={<DunningPage />} />
        <Route path="direct-debit" element={<DirectDebitPage />} />
        <Route path="direct-debit/batches/:batchId" element={<BatchPage />} />
        <Route path="to-collect" element={<ToCollectPage />} />
        <Route path="ageing" element={<AgeingPage />} />
        <Route path="statements" element={<CustomerStatementPage />} />
        <Route path="chart-of-accounts" element={<ChartOfAccountsPage />} />
        <Route path="periods" element={<PeriodsPage />} />
        <Route path="accounting" element={<AccountingPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
