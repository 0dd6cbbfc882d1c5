import { NotFoundPage } from '@relais/session';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { AccountingPage } from './features/accounting/components/AccountingPage';
import { BankPage } from './features/bank/components/BankPage';
import { ChartOfAccountsPage } from './features/chart-of-accounts/components/ChartOfAccountsPage';
import { DashboardPage } from './features/dashboard/components/DashboardPage';
import { CustomerStatementPage } from './features/customer-statement/components/CustomerStatementPage';
import { DunningPage } from './features/dunning/components/DunningPage';
import { BatchPage } from './features/direct-debit/components/BatchPage';
import { DirectDebitPage } from './features/direct-debit/components/DirectDebitPage';
import { PaymentPage } from './features/payment/components/PaymentPage';
import { PaymentListPage } from './features/payments/components/PaymentListPage';
import { ProfitabilityPage } from './features/profitability/components/ProfitabilityPage';
import { PeriodsPage } from './features/periods/components/PeriodsPage';
import { AgeingPage } from './features/receivables/components/AgeingPage';
import { ToCollectPage } from './features/receivables/components/ToCollectPage';
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
