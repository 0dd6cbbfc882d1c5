import { NotFoundPage, RequirePermission, useCan } from '@relais/session';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { BillablePage } from './features/billable/components/BillablePage';
import { ContractBillingPage } from './features/contract-billing/components/ContractBillingPage';
import { ContractListPage } from './features/contracts/components/ContractListPage';
import { ContractPage } from './features/contracts/components/ContractPage';
import { CustomerListPage } from './features/customers/components/CustomerListPage';
import { CustomerPage } from './features/customers/components/CustomerPage';
import { NewCustomerPage } from './features/customers/components/NewCustomerPage';
import { IndicesPage } from './features/indices/components/IndicesPage';
import { InvoicePage } from './features/invoice/components/InvoicePage';
import { CreditNoteListPage } from './features/invoices/components/CreditNoteListPage';
import { InvoiceListPage } from './features/invoices/components/InvoiceListPage';
import { NewInvoicePage } from './features/new-invoice/components/NewInvoicePage';
import { NewQuotePage } from './features/quotes/components/NewQuotePage';
import { QuoteListPage } from './features/quotes/components/QuoteListPage';
import { QuotePage } from './features/quotes/components/QuotePage';
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

/** A page that creates a document or a record: for those who may write billing data. */
const WritePage = ({ page }: { page: ReactNode }) => <RequirePermission permission="billing:write">{page}</RequirePermission>;

/** The billing app, mounted by the shell under /facturation/*; the clerk lands on "À facturer". */
export default function BillingApp() {
  const canWrite = useCan('billing:write');
  return (
    <Routes>
      <Route index element={<Navigate to={canWrite ? billingPaths.billable : billingPaths.invoices} replace />} />
      <Route path="a-facturer" element={<WithNavigation children={<WritePage page={<BillablePage />} />} />} />
      <Route path="devis" element={<WithNavigation children={<QuoteListPage />} />} />
      <Route path="devis/nouveau" element={<WithNavigation children={<WritePage page={<NewQuotePage />} />} />} />
      <Route path="devis/:quoteId" element={<WithNavigation children={<QuotePage />} />} />
      <Route path="factures" element={<WithNavigation children={<InvoiceListPage />} />} />
      <Route path="factures/nouvelle" element={<WithNavigation children={<WritePage page={<NewInvoicePage />} />} />} />
      <Route path="factures/:invoiceId" element={<WithNavigation children={<InvoicePage />} />} />
      <Route path="avoirs" element={<WithNavigation children={<CreditNoteListPage />} />} />
      <Route path="avoirs/:invoiceId" element={<WithNavigation children={<InvoicePage />} />} />
      <Route path="clients" element={<WithNavigation children={<CustomerListPage />} />} />
      <Route
        path="clients/nouveau"
        element={
          <WithNavigation
            children={<RequirePermission permission={['maintenance:write', 'billing:write']} children={<NewCustomerPage />} />}
          />
        }
      />
      <Route path="clients/:customerId" element={<WithNavigation children={<CustomerPage />} />} />
      <Route path="contrats" element={<WithNavigation children={<ContractListPage />} />} />
      <Route path="contrats/facturation" element={<WithNavigation children={<ContractBillingPage />} />} />
      <Route path="contrats/:contractId" element={<WithNavigation children={<ContractPage />} />} />
      <Route path="indices" element={<WithNavigation children={<IndicesPage />} />} />
      <Route path="*" element={<WithNavigation children={<NotFoundPage />} />} />
    </Routes>
  );
}
