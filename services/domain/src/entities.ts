import { Tenant } from './platform/tenant.entity';
import { User } from './platform/user.entity';
import { ApiKey } from './platform/api-key.entity';
import { AuditEntry } from './platform/audit-entry.entity';
import { Customer } from './maintenance/customer.entity';
import { CustomerContact } from './maintenance/customer-contact.entity';
import { Site } from './maintenance/site.entity';
import { VatRate } from './billing/vat-rate.entity';
import { LedgerAccount } from './finance/ledger-account.entity';

export const tenantOwnedEntities = [User, ApiKey, AuditEntry, Customer, CustomerContact, Site, VatRate, LedgerAccount];
export const entities = [Tenant, ...tenantOwnedEntities];
