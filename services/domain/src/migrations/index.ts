import { Migration20261123000000Platform } from './Migration20261123000000_platform';
import { Migration20261123100000Maintenance } from './Migration20261123100000_maintenance';
import { Migration20261123200000Billing } from './Migration20261123200000_billing';
import { Migration20261124000000InvoiceSettlement } from './Migration20261124000000_invoice_settlement';
import { Migration20261124010000BillingIdentity } from './Migration20261124010000_billing_identity';
import { Migration20261124020000Outbox } from './Migration20261124020000_outbox';
import { Migration20261124030000Quotes } from './Migration20261124030000_quotes';
import { Migration20261124040000PriceLists } from './Migration20261124040000_price_lists';
import { Migration20261206000000ContractBilling } from './Migration20261206000000_contract_billing';
import { Migration20261207000000Payments } from './Migration20261207000000_payments';
import { Migration20261207010000Dunning } from './Migration20261207010000_dunning';
import { Migration20261207020000DirectDebit } from './Migration20261207020000_direct_debit';
import { Migration20261207040000Bank } from './Migration20261207040000_bank';
import { Migration20261207030000Receivables } from './Migration20261207030000_receivables';
import { Migration20261208030000Periods } from './Migration20261208030000_periods';
import { Migration20261208000000BankDirectDebit } from './Migration20261208000000_bank_direct_debit';
import { Migration20261208020000Ledger } from './Migration20261208020000_ledger';
import { Migration20261208040000Dashboard } from './Migration20261208040000_dashboard';
import { Migration20261209010000LedgerNumbering } from './Migration20261209010000_ledger_numbering';
import { Migration20261212000000DeferredRevenue } from './Migration20261212000000_deferred_revenue';
import { Migration20261216000000MasterData } from './Migration20261216000000_master_data';
import { Migration20261217000000BulkInvoicing } from './Migration20261217000000_bulk_invoicing';

/** Every migration, in order. New migrations are appended here (the list is explicit so any runtime can load it). */
export const migrations = [
  { name: 'Migration20261123000000_platform', class: Migration20261123000000Platform },
  { name: 'Migration20261123100000_maintenance', class: Migration20261123100000Maintenance },
  { name: 'Migration20261123200000_billing', class: Migration20261123200000Billing },
  { name: 'Migration20261124000000_invoice_settlement', class: Migration20261124000000InvoiceSettlement },
  { name: 'Migration20261124010000_billing_identity', class: Migration20261124010000BillingIdentity },
  { name: 'Migration20261124020000_outbox', class: Migration20261124020000Outbox },
  { name: 'Migration20261124030000_quotes', class: Migration20261124030000Quotes },
  { name: 'Migration20261124040000_price_lists', class: Migration20261124040000PriceLists },
  { name: 'Migration20261206000000_contract_billing', class: Migration20261206000000ContractBilling },
  { name: 'Migration20261207000000_payments', class: Migration20261207000000Payments },
  { name: 'Migration20261207010000_dunning', class: Migration20261207010000Dunning },
  { name: 'Migration20261207020000_direct_debit', class: Migration20261207020000DirectDebit },
  { name: 'Migration20261207040000_bank', class: Migration20261207040000Bank },
  { name: 'Migration20261207030000_receivables', class: Migration20261207030000Receivables },
  { name: 'Migration20261208000000_bank_direct_debit', class: Migration20261208000000BankDirectDebit },
  { name: 'Migration20261208020000_ledger', class: Migration20261208020000Ledger },
  { name: 'Migration20261208030000_periods', class: Migration20261208030000Periods },
  { name: 'Migration20261208040000_dashboard', class: Migration20261208040000Dashboard },
  { name: 'Migration20261209010000_ledger_numbering', class: Migration20261209010000LedgerNumbering },
  { name: 'Migration20261212000000_deferred_revenue', class: Migration20261212000000DeferredRevenue },
  { name: 'Migration20261216000000_master_data', class: Migration20261216000000MasterData },
  { name: 'Migration20261217000000_bulk_invoicing', class: Migration20261217000000BulkInvoicing },
];
