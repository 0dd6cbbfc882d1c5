import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  VISIT_REPORT_LINK_KEY_PURPOSE,
  addCustomerContact,
  createEquipment,
  inTenantScope,
  Intervention,
  signPortalSessionToken,
  signVisitReportLink,
  visitReportPath,
  type Identity,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../support/database';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import {
  createMaintenanceWorld,
  interventionThrough,
  simpleReport,
  TINY_PNG_DATA_URL,
  type MaintenanceWorld,
} from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

const apiOrigin = new URL(inject('gatewayUrl')).origin;
const download = (url: string) => fetch(new URL(url, apiOrigin));

const SITES = `query { portalSites { id name city equipment { id name category siteName } } }`;
const EQUIPMENT = `query($id: ID!) { portalEquipment(id: $id) {
  id name brand serialNumber siteName
  visits { id reference kind status date workDone technicians signedBy reportPdfUrl } } }`;
const REPORT = `mutation($input: PortalBreakdownInput!) { portalReportBreakdown(input: $input) {
  id reference siteName equipmentName description status scheduledFor photoCount } }`;
const REQUESTS = `query { portalRequests { id reference description status photoCount } }`;
const OFFICE_REQUESTS = `query($customerId: ID) { interventions(first: 100, filter: { status: [REQUESTED], customerId: $customerId }) {
  edges { node { id number title description source requestedBy requestPhotoCount customer { id } equipment { id } } } } }`;

interface Visit {
  id: string;
  reference: string;
  kind: string;
  status: string;
  date: string;
  workDone: string | null;
  technicians: string[];
  signedBy: string | null;
  reportPdfUrl: string | null;
}
type OfficeRequest = {
  id: string;
  title: string;
  description: string | null;
  source: string;
  requestedBy: string | null;
  requestPhotoCount: number;
  customer: { id: string };
  equipment: { id: string } | null;
};

/** A text as pdfkit may write it in the document's information dictionary: as it is, or UTF-16BE (after a BOM) when not ASCII. */
const pdfInfoText = (text: string) => [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le').swap16()];

/**
 * A customer's contact on the portal, through the real gateway: sees exactly their customer's sites,
 * equipment and visits, downloads the signed visit report, reports a breakdown the planner finds in
 * « À planifier »; another customer's or tenant's records are not found and nothing is written.
 */
describe('customer portal: maintenance data of a contact’s customer', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let other: TestTenant;
  let w: MaintenanceWorld;
  let officeToken: string;
  let tokenA: string;
  let tokenB: string;
  let identityA: Identity;
  const ids = {} as Record<
    'equipmentA' | 'storeEquipmentA' | 'equipmentB' | 'otherTenantEquipment' | 'contactA' | 'contactB' | 'visitA' | 'visitB',
    string
  >;
  const asA = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, tokenA);
  const interventionCount = (customerId: string) =>
    inTenantScope(orm, tenant.identity, { requestId: 'test' }, (em) => em.count(Intervention, { customerId }));

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('portal-maintenance');
    other = await createTestTenant('portal-maintenance-other');
    w = await createMaintenanceWorld(orm, tenant, ['FIL-G4-592']);
    const otherWorld = await createMaintenanceWorld(orm, other, []);
    const scope = <T>(t: TestTenant, work: Parameters<typeof inTenantScope<T>>[3]) =>
      inTenantScope(orm, t.identity, { requestId: 'test' }, work);
    await scope(tenant, async (em) => {
      const equipment = (siteId: string, name: string, serialNumber: string) =>
        createEquipment(em, tenant.tenantId, { siteId, name, category: 'AIR_CONDITIONING', brand: 'Daikin', serialNumber });
      ids.equipmentA = (await equipment(w.siteId, 'Climatiseur salle serveur', 'DK-2291')).id;
      ids.storeEquipmentA = (await equipment(w.otherSiteId, 'Rideau d’air', 'DK-3310')).id;
      ids.equipmentB = (await equipment(w.otherCustomerSiteId, 'Chambre froide', 'DK-0042')).id;
      ids.contactA = (await addCustomerContact(em, w.customerId, { fullName: 'Claire Ducos', email: 'claire@ducs.example' })).id;
      ids.contactB = (await addCustomerContact(em, w.otherCustomerId, { fullName: 'Yann Morvan', email: 'yann@morvan.example' })).id;
    });
    ids.otherTenantEquipment = (
      await scope(other, (em) =>
        createEquipment(em, other.tenantId, { siteId: otherWorld.siteId, name: 'Pompe à chaleur', category: 'HEAT_PUMP' }),
      )
    ).id;
    const report = simpleReport(
      w,
      '1.5',
      [{ catalogItemId: w.items['FIL-G4-592']!, quantity: '2' }],
      'Filtres remplacés, pression contrôlée',
    );
    ids.visitA = (await interventionThrough(orm, tenant, w, { equipmentId: ids.equipmentA, type: 'PREVENTIVE', report })).id;
    ids.visitB = (
      await interventionThrough(orm, tenant, w, {
        customerId: w.otherCustomerId,
        siteId: w.otherCustomerSiteId,
        equipmentId: ids.equipmentB,
        report: { ...report, signerName: 'Yann Morvan' },
      })
    ).id;
    const secret = inject('sessionSecret');
    identityA = {
      kind: 'customer',
      tenantId: tenant.tenantId,
      customerId: w.customerId,
      contactId: ids.contactA,
      email: 'claire@ducs.example',
    };
    tokenA = (await signPortalSessionToken({ ...identityA, contactId: ids.contactA }, secret)).token;
    tokenB = (
      await signPortalSessionToken(
        { tenantId: tenant.tenantId, customerId: w.otherCustomerId, contactId: ids.contactB, email: 'yann@morvan.example' },
        secret,
      )
    ).token;
    officeToken = await login(tenant.adminEmail);
  }, 240_000);

  it('shows the contact exactly their customer’s sites and equipment', async () => {
    const { portalSites } = must(
      await asA<{ portalSites: { name: string; equipment: { id: string; name: string; siteName: string }[] }[] }>(SITES),
    );
    expect(portalSites.map((s) => [s.name, s.equipment.map((e) => `${e.name} @ ${e.siteName}`)])).toEqual([
      ['Entrepôt', ['Rideau d’air @ Entrepôt']],
      ['Siège', ['Climatiseur salle serveur @ Siège']],
    ]);
    const { portalSites: sitesB } = must(await gql<{ portalSites: { name: string }[] }>(SITES, {}, tokenB));
    expect(sitesB.map((s) => s.name)).toEqual(['Boutique']);
  });

  it('lists an equipment’s visits with first names, the work done and the signer', async () => {
    const { portalEquipment } = must(
      await asA<{ portalEquipment: { siteName: string; serialNumber: string; visits: Visit[] } }>(EQUIPMENT, { id: ids.equipmentA }),
    );
    expect(portalEquipment.siteName).toBe('Siège');
    expect(portalEquipment.serialNumber).toBe('DK-2291');
    expect(portalEquipment.visits).toHaveLength(1);
    const [visit] = portalEquipment.visits;
    expect(visit).toMatchObject({
      id: ids.visitA,
      kind: 'PREVENTIVE',
      status: 'DONE',
      workDone: 'Filtres remplacés, pression contrôlée',
      technicians: ['Théo'],
      signedBy: 'M. Roy',
    });
    expect(visit!.reference).toMatch(/^I-\d{4}-\d{5}$/);
    expect(visit!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(visit!.reportPdfUrl).toMatch(new RegExp(`^/documents/interventions/${ids.visitA}/rapport-I-\\d{4}-\\d{5}\\.pdf\\?token=`));
  });

  it('answers null for another customer’s equipment and another tenant’s', async () => {
    for (const id of [ids.equipmentB, ids.otherTenantEquipment]) {
      const response = await asA<{ portalEquipment: unknown }>(EQUIPMENT, { id });
      expect(response.errors).toBeUndefined();
      expect(response.data?.portalEquipment).toBeNull();
    }
  });

  it('downloads the signed visit report as a PDF naming the signer; another customer’s report is refused', async () => {
    const { portalEquipment } = must(await asA<{ portalEquipment: { visits: Visit[] } }>(EQUIPMENT, { id: ids.equipmentA }));
    const response = await download(portalEquipment.visits[0]!.reportPdfUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/filename="rapport-I-\d{4}-\d{5}\.pdf"/);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfoText('signé par M. Roy').some((needle) => pdf.includes(needle))).toBe(true);

    // B's own link works for B, and its token does not open A's report under A's path.
    const { portalEquipment: equipmentB } = must(
      await gql<{ portalEquipment: { visits: Visit[] } }>(EQUIPMENT, { id: ids.equipmentB }, tokenB),
    );
    const linkB = equipmentB.visits[0]!.reportPdfUrl!;
    expect((await download(linkB)).status).toBe(200);
    const tokenOfB = new URL(linkB, apiOrigin).searchParams.get('token')!;
    const crossed = await download(`/documents/interventions/${ids.visitA}/rapport.pdf?token=${encodeURIComponent(tokenOfB)}`);
    expect(crossed.status).toBe(401);
    expect(((await crossed.json()) as { code: string }).code).toBe('DOCUMENT_LINK_INVALID');

    // Even a genuinely signed link naming B's job for A's contact finds nothing: the read is confined to A's customer.
    const key = new Uint8Array(createHmac('sha256', inject('internalSecret')).update(VISIT_REPORT_LINK_KEY_PURPOSE).digest());
    const forged = visitReportPath({ id: ids.visitB, number: 'x' }, await signVisitReportLink(ids.visitB, identityA, key));
    const refused = await download(forged);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('gives the office the same report from the intervention', async () => {
    const { intervention } = must(
      await gql<{ intervention: { reportPdfUrl: string | null } }>(
        `query($id: ID!) { intervention(id: $id) { reportPdfUrl } }`,
        { id: ids.visitA },
        officeToken,
      ),
    );
    const response = await download(intervention.reportPdfUrl!);
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('refuses a breakdown on another customer’s equipment or site as not found, and writes nothing', async () => {
    const before = await interventionCount(w.otherCustomerId);
    for (const input of [
      { equipmentId: ids.equipmentB, description: 'La chambre froide ne refroidit plus' },
      { siteId: w.otherCustomerSiteId, description: 'Panne générale' },
      { equipmentId: ids.otherTenantEquipment, description: 'Panne' },
    ]) {
      const response = await asA(REPORT, { input });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
    expect(await interventionCount(w.otherCustomerId)).toBe(before);
  });

  it('refuses a GIF, a photo over 2 MB or a missing description with the field, and writes nothing', async () => {
    const before = await interventionCount(w.customerId);
    const cases: [Record<string, unknown>, string][] = [
      [{ photos: [{ dataUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }] }, 'photos[0].dataUrl'],
      [{ photos: [{ dataUrl: `data:image/jpeg;base64,${'A'.repeat(2_800_100)}` }] }, 'photos[0].dataUrl'],
      [{ description: '   ' }, 'description'],
    ];
    for (const [change, field] of cases) {
      const response = await asA(REPORT, { input: { equipmentId: ids.equipmentA, description: 'Fuite d’eau', ...change } });
      expect(errorCodes(response)).toEqual(['VALIDATION_FAILED']);
      const fields = response.errors![0]!.extensions!.fields as { field: string }[];
      expect(fields.map((f) => f.field)).toContain(field);
    }
    expect(await interventionCount(w.customerId)).toBe(before);
  });

  it('creates a request the planner sees in « À planifier » with its description, the contact and its photos', async () => {
    const description = 'Le climatiseur de la salle serveur goutte\nUne flaque sous l’unité intérieure depuis ce matin';
    const { portalReportBreakdown: request } = must(
      await asA<{ portalReportBreakdown: Record<string, unknown> & { id: string } }>(REPORT, {
        input: { equipmentId: ids.equipmentA, description, photos: [{ dataUrl: TINY_PNG_DATA_URL, caption: 'La flaque' }] },
      }),
    );
    expect(request).toMatchObject({
      siteName: 'Siège',
      equipmentName: 'Climatiseur salle serveur',
      description,
      status: 'RECEIVED',
      scheduledFor: null,
      photoCount: 1,
    });
    const { portalRequests } = must(await asA<{ portalRequests: { id: string; status: string; photoCount: number }[] }>(REQUESTS));
    expect(portalRequests.map((r) => [r.id, r.status, r.photoCount])).toEqual([[request.id, 'RECEIVED', 1]]);
    const { portalRequests: ofB } = must(await gql<{ portalRequests: unknown[] }>(REQUESTS, {}, tokenB));
    expect(ofB).toEqual([]);

    const { interventions } = must(
      await gql<{ interventions: { edges: { node: OfficeRequest }[] } }>(OFFICE_REQUESTS, { customerId: w.customerId }, officeToken),
    );
    const seen = interventions.edges.map((e) => e.node).find((n) => n.id === request.id);
    expect(seen).toEqual({
      id: request.id,
      number: request.reference,
      title: 'Le climatiseur de la salle serveur goutte',
      description,
      source: 'PORTAL',
      requestedBy: 'Claire Ducos',
      requestPhotoCount: 1,
      customer: { id: w.customerId },
      equipment: { id: ids.equipmentA },
    });
    const now = new Date();
    const { dispatchBoard } = must(
      await gql<{ dispatchBoard: { unscheduled: { id: string; requestedBy: string | null }[] } }>(
        `query($from: DateTime!, $to: DateTime!) { dispatchBoard(from: $from, to: $to) { unscheduled { id requestedBy } } }`,
        { from: now.toISOString(), to: new Date(now.getTime() + 7 * 24 * 3600_000).toISOString() },
        officeToken,
      ),
    );
    expect(dispatchBoard.unscheduled).toContainEqual({ id: request.id, requestedBy: 'Claire Ducos' });
  });

  it('keeps the portal’s fields to contacts and the office’s to the office', async () => {
    expect(errorCodes(await gql(SITES, {}, officeToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(REQUESTS, {}, officeToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await asA(`query { interventions(first: 1) { edges { node { id } } } }`))).toEqual(['FORBIDDEN']);
  });
});
