import { Route, Routes } from 'react-router';
import { ChartOfAccountsPage } from './features/chart-of-accounts/components/ChartOfAccountsPage';
import './i18n/register';

/** The finance app, mounted by the shell under /finance/*. */
export default function FinanceApp() {
  return (
    <Routes>
      <Route index element={<ChartOfAccountsPage />} />
    </Routes>
  );
}
