import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import { inTenantScope } from '../db/tenant-scope';
import { Tenant } from '../platform/tenant.entity';
import { User } from '../platform/user.entity';
import { hashPassword } from '../platform/password';
import { createCustomer } from '../maintenance/customer.service';
import { createSite } from '../maintenance/site.service';
import { frenchVatNumber } from '../maintenance/customer.rules';
import { VatRate } from '../billing/vat-rate.entity';
import { LedgerAccount } from '../finance/ledger-account.entity';
import type { Role } from '../shared/identity';
import { newId } from '../shared/ids';
import { seedMaintenanceDemo } from './maintenance-demo';
import { seedBillingDemo } from './billing-demo';
import { seedContractBillingDemo } from './contract-billing-demo';
import { seedDirectDebitDemo } from './direct-debit-demo';
import { seedCollectionsDemo, type DemoFile } from './collections-demo';
import { seedDashboardDemo } from './dashboard-demo';
import { seedPeriodsDemo } from './periods-demo';
import { postAllPendingFacts } from '../finance/ledger/posting';
import { composeCreditorId } from '../finance/sepa/creditor-identifier';
import { CITIES, companyName, personName, pick, randomSiren, seededRandom, siretFor, streetAddress } from './french-data';

export const DEMO_PASSWORD = 'relais-demo';

export const DEMO_TENANTS = {
  climouest: { slug: 'climouest', name: 'Clim’Ouest Maintenance', domain: 'demo.relais.fr' },
  autre: { slug: 'autre', name: 'Autre Entreprise Services', domain: 'autre.relais.fr' },
} as const;

const DEMO_USERS: { local: string; fullName: string; role: Role }[] = [
  { local: 'admin', fullName: 'Anne Le Bihan', role: 'admin' },
  { local: 'planning', fullName: 'Paul Guillou', role: 'planner' },
  { local: 'facturation', fullName: 'Françoise Méheut', role: 'billing' },
  { local: 'compta', fullName: 'Christophe Daniel', role: 'accountant' },
  { local: 'technicien', fullName: 'Théo Le Floch', role: 'technician' },
];

/** The French VAT rates (CGI art. 278 and following) with their EN 16931 category codes. */
export const FRENCH_VAT_RATES = [
  { code: 'TVA20', label: 'TVA 20 %', rate: '20.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA10', label: 'TVA 10 % (travaux de rénovation)', rate: '10.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA5_5', label: 'TVA 5,5 % (rénovation énergétique)', rate: '5.50', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA2_1', label: 'TVA 2,1 %', rate: '2.10', categoryCode: 'S', exemptionReason: null },
  { code: 'EXO', label: 'Exonéré', rate: '0.00', categoryCode: 'E', exemptionReason: 'Exonération de TVA, article 261 du CGI' },
  {
    code: 'AUTOLIQ',
    label: 'Autoliquidation (sous-traitance BTP)',
    rate: '0.00',
    categoryCode: 'AE',
    exemptionReason: 'Autoliquidation, article 283-2 nonies du CGI',
  },
] as const;

const LEDGER_ACCOUNTS = [
  { number: '411000', label: 'Clients', kind: 'receivable' },
  { number: '706000', label: 'Prestations de services', kind: 'revenue' },
  { number: '707000', label: 'Ventes de marchandises', kind: 'revenue' },
  { number: '445710', label: 'TVA collectée', kind: 'vat_collected' },
  { number: '512000', label: 'Banque', kind: 'bank' },
  { number: '401000', label: 'Fournisseurs', kind: 'other' },
  { number: '411700', label: 'Clients – retenues de garantie', kind: 'receivable' },
  { number: '419100', label: 'Clients – avances et acomptes reçus sur commandes', kind: 'receivable' },
  { number: '445711', label: 'TVA collectée 20 %', kind: 'vat_collected' },
  { number: '445712', label: 'TVA collectée 10 %', kind: 'vat_collected' },
  { number: '445713', label: 'TVA collectée 5,5 %', kind: 'vat_collected' },
  { number: '445714', label: 'TVA collectée 2,1 %', kind: 'vat_collected' },
  { number: '471000', label: 'Compte d’attente', kind: 'other' },
  { number: '580000', label: 'Virements internes', kind: 'other' },
  { number: '627000', label: 'Services bancaires et assimilés', kind: 'other' },
  { number: '706100', label: 'Prestations de services – contrats de maintenance', kind: 'revenue' },
  { number: '706200', label: 'Prestations de services – astreintes', kind: 'revenue' },
  { number: '706300', label: 'Prestations de services – télésurveillance', kind: 'revenue' },
  { number: '708500', label: 'Ports et frais accessoires facturés', kind: 'revenue' },
  { number: '709000', label: 'Rabais, remises et ristournes accordés', kind: 'revenue' },
  { number: '487000', label: 'Produits constatés d’avance', kind: 'other' },
  { number: '654000', label: 'Pertes sur créances irrécouvrables', kind: 'other' },
  { number: '658000', label: 'Charges diverses de gestion courante', kind: 'other' },
] as const;

/** Valid French IBANs (RIB key and IBAN check digits computed) of the demo companies' banks. */
const DEMO_BANK_ACCOUNTS = [
  { iban: 'FR7610278360000002045678945', bic: 'CMCIFR2A' },
  { iban: 'FR7630004008230001012345669', bic: 'BNPAFRPP' },
] as const;

export interface TenantSeed {
  slug: string;
  name: string;
  domain: string;
  customers: number;
  seed: number;
  users?: typeof DEMO_USERS;
}

/** Creates a tenant with its reference data (VAT rates, ledger accounts) and its users. */
export async function provisionTenant(em: EntityManager, tenantId: string, seed: TenantSeed): Promise<void> {
  const random = seededRandom(seed.seed);
  const siren = randomSiren(random);
  em.create(Tenant, {
    id: tenantId,
    name: seed.name,
    slug: seed.slug,
    legalName: `${seed.name} SAS`,
    siren,
    siret: siretFor(siren, 1),
    vatNumber: frenchVatNumber(siren),
    addressLine1: '12 rue de la Galissonnière',
    postalCode: '44000',
    city: 'Nantes',
    legalForm: 'SAS',
    shareCapital: seed.seed % 2 === 1 ? '50000.00' : '10000.00',
    rcsCity: 'Nantes',
    ...DEMO_BANK_ACCOUNTS[seed.seed % DEMO_BANK_ACCOUNTS.length]!,
    // The ICS its bank assigned it (valid check digits): FR72ZZZ123456 for the first demo company.
    sepaCreditorId: composeCreditorId('FR', String(123455 + (seed.seed % 1000))),
    billingEmail: `facturation@${seed.domain}`,
    phone: '02 40 12 34 56',
    latePenaltyRate: null,
    vatOnDebits: seed.seed % 2 === 0,
  });
  await em.flush();
  for (const rate of FRENCH_VAT_RATES) em.create(VatRate, { id: newId(), tenantId, ...rate });
  for (const account of LEDGER_ACCOUNTS) em.create(LedgerAccount, { id: newId(), tenantId, ...account });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of seed.users ?? DEMO_USERS.filter((u) => u.role === 'admin')) {
    em.create(User, {
      id: newId(),
      tenantId,
      email: `${user.local}@${seed.domain}`,
      fullName: user.fullName,
      role: user.role,
      passwordHash,
    });
  }
  await em.flush();
}

async function seedCustomers(em: EntityManager, tenantId: string, count: number, seed: number): Promise<void> {
  const random = seededRandom(seed * 7919);
  for (let i = 0; i < count; i += 1) {
    const place = pick(random, CITIES);
    const siren = randomSiren(random);
    const customer = await createCustomer(em, tenantId, {
      name: companyName(random),
      siren,
      siret: siretFor(siren, 1 + Math.floor(random() * 30)),
      vatNumber: frenchVatNumber(siren),
      email: `contact${i + 1}@client-${seed}.example.fr`,
      phone: `02 40 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
      billingAddressLine1: streetAddress(random),
      billingPostalCode: place.postalCode,
      billingCity: place.city,
      paymentTermsDays: pick(random, [30, 30, 45, 60]),
      paymentTermsKind: 'NET',
      contacts: [
        { fullName: personName(random), jobTitle: 'Responsable technique', email: `technique${i + 1}@client-${seed}.example.fr` },
        {
          fullName: personName(random),
          jobTitle: 'Comptabilité fournisseurs',
          email: `compta${i + 1}@client-${seed}.example.fr`,
          isBillingContact: true,
        },
      ],
    });
    const siteCount = 1 + Math.floor(random() * 4);
    for (let s = 0; s < siteCount; s += 1) {
      const sitePlace = pick(random, CITIES);
      await createSite(em, tenantId, {
        customerId: customer.id,
        name: s === 0 ? 'Siège' : `Site ${sitePlace.city} ${s}`,
        addressLine1: streetAddress(random),
        postalCode: sitePlace.postalCode,
        city: sitePlace.city,
        accessNotes: random() < 0.4 ? 'Badge à l’accueil, chaufferie au sous-sol' : null,
      });
    }
  }
}

async function seedTenant(orm: Orm, seed: TenantSeed, options: { maintenance?: boolean } = {}): Promise<DemoFile[]> {
  const tenantId = newId();
  const system = { kind: 'user' as const, tenantId, userId: tenantId, role: 'admin' as const, email: 'seed@relais' };
  return inTenantScope(orm, system, { requestId: 'seed', operation: 'seed' }, async (em) => {
    await provisionTenant(em, tenantId, seed);
    await seedCustomers(em, tenantId, seed.customers, seed.seed);
    if (options.maintenance) {
      await seedMaintenanceDemo(em, system, { seed: seed.seed });
      const contractBilling = await seedContractBillingDemo(em, system, { seed: seed.seed });
      // Mandates before any invoice is issued: the direct debit invoices name theirs.
      await seedDirectDebitDemo(em, system);
      await seedBillingDemo(em, system, { seed: seed.seed, beforeIssuing: (at) => contractBilling.runsUntil(at) });
      await contractBilling.finish();
      await seedDashboardDemo(em, system, { seed: seed.seed });
      const files = await seedCollectionsDemo(em, system);
      // The ledger books what the demo wrote before its accountant closes the past months.
      await postAllPendingFacts(em, tenantId);
      await seedPeriodsDemo(em, system);
      return files;
    }
    return [];
  });
}

/**
 * Loads the demo tenants once; a database that already has them is left as it is. Returns the
 * files the demo offers the user to import (a bank statement), or null when nothing was loaded.
 */
export async function seedDemo(orm: Orm): Promise<DemoFile[] | null> {
  const [existing] = await orm.em
    .getConnection()
    .execute<{ count: string }[]>(`select count(*) from tenants where slug = ?`, [DEMO_TENANTS.climouest.slug]);
  if (Number(existing!.count) > 0) return null;
  const files = await seedTenant(orm, { ...DEMO_TENANTS.climouest, customers: 60, seed: 1, users: DEMO_USERS }, { maintenance: true });
  await seedTenant(orm, { ...DEMO_TENANTS.autre, customers: 8, seed: 2 });
  return files;
}
