import { NotFoundPage, RequirePermission, useCan } from '@relais/session';
import { LoadingState } from '@relais/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import './i18n/register';
import { BillingNavigation } from './layout/BillingNavigation';
import { billingPaths } from './routes';

/** Each page is its own chunk, downloaded when first opened (PDF previews and editors stay out of the lists). */
const BillablePage = lazy(() => import('./features/billable/components/BillablePage').then((module) => ({ default: module.BillablePage })));
const CatalogItemPage = lazy(() =>
  import('./features/catalog/components/CatalogItemPage').then((module) => ({ default: module.CatalogItemPage })),
);
const CatalogListPage = lazy(() =>
  import('./features/catalog/components/CatalogListPage').then((module) => ({ default: module.CatalogListPage })),
);
const NewCatalogItemPage = lazy(() =>
  import('./features/catalog/components/NewCatalogItemPage').then((module) => ({ default: module.NewCatalogItemPage })),
);
const ContractBillingPage = lazy(() =>
  import('./features/contract-billing/components/ContractBillingPage').then((module) => ({ default: module.ContractBillingPage })),
);
const ContractListPage = lazy(() =>
  import('./features/contracts/components/ContractListPage').then((module) => ({ default: module.ContractListPage })),
);
const ContractPage = lazy(() =>
  import('./features/contracts/components/ContractPage').then((module) => ({ default: module.ContractPage })),
);
const CustomerListPage = lazy(() =>
  import('./features/customers/components/CustomerListPage').then((module) => ({ default: module.CustomerListPage })),
);
const CustomerPage = lazy(() =>
  import('./features/customers/components/CustomerPage').then((module) => ({ default: module.CustomerPage })),
);
const NewCustomerPage = lazy(() =>
  import('./features/customers/components/NewCustomerPage').then((module) => ({ default: module.NewCustomerPage })),
);
const IndicesPage = lazy(() => import('./features/indices/components/IndicesPage').then((module) => ({ default: module.IndicesPage })));
const InvoicePage = lazy(() => import('./features/invoice/components/InvoicePage').then((module) => ({ default: module.InvoicePage })));
const CreditNoteListPage = lazy(() =>
  import('./features/invoices/components/CreditNoteListPage').then((module) => ({ default: module.CreditNoteListPage })),
);
const InvoiceListPage = lazy(() =>
  import('./features/invoices/components/InvoiceListPage').then((module) => ({ default: module.InvoiceListPage })),
);
const NewInvoicePage = lazy(() =>
  import('./features/new-invoice/components/NewInvoicePage').then((module) => ({ default: module.NewInvoicePage })),
);
const NewPriceListPage = lazy(() =>
  import('./features/price-lists/components/NewPriceListPage').then((module) => ({ default: module.NewPriceListPage })),
);
const PriceListPage = lazy(() =>
  import('./features/price-lists/components/PriceListPage').then((module) => ({ default: module.PriceListPage })),
);
const PriceListsPage = lazy(() =>
  import('./features/price-lists/components/PriceListsPage').then((module) => ({ default: module.PriceListsPage })),
);
const InvoicingSettingsPage = lazy(() =>
  import('./features/invoicing-settings/components/InvoicingSettingsPage').then((module) => ({ default: module.InvoicingSettingsPage })),
);
const NewQuotePage = lazy(() => import('./features/quotes/components/NewQuotePage').then((module) => ({ default: module.NewQuotePage })));
const QuoteListPage = lazy(() =>
  import('./features/quotes/components/QuoteListPage').then((module) => ({ default: module.QuoteListPage })),
);
const QuotePage = lazy(() => import('./features/quotes/components/QuotePage').then((module) => ({ default: module.QuotePage })));

function WithNavigation({ children }: { children: ReactNode }) {
  return (
    <>
      <BillingNavigation />
      <Suspense fallback={<LoadingState />}>{children}</Suspense>
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
      <Route path="catalogue" element={<WithNavigation children={<CatalogListPage />} />} />
      <Route path="catalogue/nouveau" element={<WithNavigation children={<WritePage page={<NewCatalogItemPage />} />} />} />
      <Route path="catalogue/:catalogItemId" element={<WithNavigation children={<CatalogItemPage />} />} />
      <Route path="tarifs" element={<WithNavigation children={<PriceListsPage />} />} />
      <Route path="tarifs/nouveau" element={<WithNavigation children={<WritePage page={<NewPriceListPage />} />} />} />
      <Route path="tarifs/:priceListId" element={<WithNavigation children={<PriceListPage />} />} />
      <Route
        path="parametres"
        element={<WithNavigation children={<RequirePermission permission="platform:admin" children={<InvoicingSettingsPage />} />} />}
      />
      <Route path="*" element={<WithNavigation children={<NotFoundPage />} />} />
    </Routes>
  );
}
