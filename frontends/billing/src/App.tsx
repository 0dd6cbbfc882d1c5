import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { BillablePage } from './features/billable/components/BillablePage';
import { CustomerListPage } from './features/customers/components/CustomerListPage';
import { CustomerPage } from './features/customers/components/CustomerPage';
import { InvoiceListPage } from './features/invoices/components/InvoiceListPage';
import { InvoicePage } from './features/invoices/components/InvoicePage';
import './i18n/register';
import { BillingNavigation } from './layout/BillingNavigation';
import { billingPaths } from './routes';

function WithNavigation({ children }: { children: ReactNode }) {
  return (
    <>
      <BillingNavigation />
      {children}
    </>
  );
}

/** The billing app, mounted by the shell under /facturation/*; the clerk lands on "À facturer". */
export default function BillingApp() {
  return (
    <Routes>
      <Route index element={<Navigate to={billingPaths.billable} replace />} />
      <Route path="a-facturer" element={<WithNavigation children={<BillablePage />} />} />
      <Route path="factures" element={<WithNavigation children={<InvoiceListPage />} />} />
      <Route path="factures/:invoiceId" element={<WithNavigation children={<InvoicePage />} />} />
      <Route path="clients" element={<WithNavigation children={<CustomerListPage />} />} />
      <Route path="clients/:customerId" element={<WithNavigation children={<CustomerPage />} />} />
    </Routes>
  );
}
