import { Tenant } from './platform/tenant.entity';
import { User } from './platform/user.entity';
import { ApiKey } from './platform/api-key.entity';
import { AuditEntry } from './platform/audit-entry.entity';
import { Customer } from './maintenance/customer.entity';
import { CustomerContact } from './maintenance/customer-contact.entity';
import { PortalSignInLink } from './maintenance/portal-sign-in-link.entity';
import { Site } from './maintenance/site.entity';
import { VatRate } from './billing/vat-rate.entity';
import { LedgerAccount } from './finance/ledger-account.entity';
import { CatalogItem } from './billing/catalog-item.entity';
import { JobRun } from './platform/job-run.entity';
import { Technician, TechnicianAbsence } from './maintenance/technician.entity';
import { Contract, ContractAmendment, ContractSite, MaintenancePlan } from './maintenance/contract.entity';
import { Equipment } from './maintenance/equipment.entity';
import { Intervention, InterventionPhoto, InterventionTechnician, LabourEntry, PartUsed } from './maintenance/intervention.entity';
import { Invoice, InvoiceIntervention, BillingExclusion, InvoiceLine, InvoiceVatBreakdown } from './billing/invoice.entity';
import { CreditAllocation, Payment, PaymentAllocation, PaymentRefund } from './finance/payments/payment.entity';
import { InvoiceWriteOff } from './finance/write-offs/write-off.entity';
import { BusinessFact } from './platform/business-fact.entity';
import { DirectDebitBatch, DirectDebitItem, SepaMandate } from './finance/direct-debit/direct-debit.entity';
import { BankAccount, BankMovement, BankStatement } from './finance/bank/bank.entity';
import { LedgerEntry, LedgerEntryLine, LedgerMapping } from './finance/ledger/ledger.entity';
import { AccountingPeriod, AccountingPeriodEvent, FiscalYear } from './finance/periods/period.entity';
import { AccountingExport } from './finance/exports/accounting-export.entity';
import { DunningRun, DunningSettings, InvoiceCollectionState, Reminder } from './finance/dunning/dunning.entity';
import { InvoiceArtefact } from './billing/documents/invoice-artefact.entity';
import { BillingBatch, BillingBatchItem } from './billing/bulk-invoicing/billing-batch.entity';
import { OutboxAttachment, OutboxMessage } from './mail/outbox.entity';
import { Quote, QuoteBillingLine, QuoteLine, QuotePublicLink, QuoteRevision } from './billing/quotes/quote.entity';
import { CustomerPriceList, PriceList, PriceListItem } from './billing/price-list.entity';
import {
  ContractBillingPeriod,
  ContractBillingRun,
  ContractBillingTerms,
  ContractFeeLine,
  ContractRenewalNotice,
  IndexSeries,
  IndexValue,
} from './billing/contracts/contract-billing.entity';
import { ProfitabilitySettings } from './finance/dashboard/profitability-settings.entity';

export const tenantOwnedEntities = [
  User,
  ApiKey,
  AuditEntry,
  JobRun,
  Customer,
  CustomerContact,
  Site,
  VatRate,
  LedgerAccount,
  CatalogItem,
  Technician,
  TechnicianAbsence,
  Contract,
  ContractSite,
  ContractAmendment,
  MaintenancePlan,
  Equipment,
  Intervention,
  InterventionTechnician,
  LabourEntry,
  PartUsed,
  InterventionPhoto,
  Invoice,
  InvoiceLine,
  InvoiceVatBreakdown,
  InvoiceIntervention,
  Payment,
  PaymentAllocation,
  PaymentRefund,
  CreditAllocation,
  InvoiceWriteOff,
  BusinessFact,
  SepaMandate,
  DirectDebitBatch,
  DirectDebitItem,
  BankAccount,
  BankStatement,
  BankMovement,
  FiscalYear,
  AccountingPeriod,
  AccountingPeriodEvent,
  DunningSettings,
  InvoiceCollectionState,
  DunningRun,
  Reminder,
  BillingExclusion,
  InvoiceArtefact,
  Quote,
  QuoteLine,
  QuoteRevision,
  QuotePublicLink,
  QuoteBillingLine,
  PriceList,
  PriceListItem,
  CustomerPriceList,
  OutboxMessage,
  OutboxAttachment,
  IndexSeries,
  IndexValue,
  ContractBillingTerms,
  ContractFeeLine,
  ContractBillingRun,
  ContractBillingPeriod,
  ContractRenewalNotice,
  BillingBatch,
  BillingBatchItem,
  ProfitabilitySettings,
  LedgerMapping,
  LedgerEntry,
  LedgerEntryLine,
  AccountingExport,
  PortalSignInLink,
];
export const entities = [Tenant, ...tenantOwnedEntities];
