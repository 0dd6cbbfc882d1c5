import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * The technician's offline app (/terrain/, frontends/field) as the browser tests drive it: the
 * gateway calls that set up a job, and a phone signed in to the app.
 */
export const fieldPassword = 'relais-demo';
export const phone = { width: 390, height: 844 };

export async function api<T>(gatewayUrl: string, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function signInApi(gatewayUrl: string, email: string, password = fieldPassword): Promise<string> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: password },
    }),
  });
  return ((await response.json()) as { data: { login: { token: string } } }).data.login.token;
}

export interface ServerJob {
  id: string;
  scheduledStart: string | null;
  number: string;
  status: string;
  version: number;
  cancelReason: string | null;
  report: {
    signerName: string | null;
    signatureDataUrl: string | null;
    travelCount: number;
    labour: { hours: string }[];
    parts: { serialNumber: string | null }[];
    photos: { url: string }[];
  };
}

const jobQuery = `query($id: ID!) { intervention(id: $id) { id number status version cancelReason scheduledStart
  report { signerName signatureDataUrl travelCount labour { hours } parts { serialNumber } photos { url } } } }`;

/** Today in Paris, YYYY-MM-DD. */
export const todayInParis = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** Jobs the planner creates and schedules on a covered equipment, read back as the office sees them. */
export async function fieldJobs(gatewayUrl: string, plannerToken: string) {
  const { contracts } = await api<{
    contracts: { edges: { node: { status: string; customer: { id: string }; equipment: { id: string; site: { id: string } }[] } }[] };
  }>(gatewayUrl, '{ contracts(first: 50) { edges { node { status customer { id } equipment { id site { id } } } } } }', {}, plannerToken);
  const covered = contracts.edges.map((edge) => edge.node).find((node) => node.status === 'ACTIVE' && node.equipment.length > 0)!;
  const equipment = { id: covered.equipment[0]!.id, siteId: covered.equipment[0]!.site.id, customerId: covered.customer.id };

  const serverJob = async (id: string) => (await api<{ intervention: ServerJob }>(gatewayUrl, jobQuery, { id }, plannerToken)).intervention;

  /** A job of our own on the technician's day (UTC hours that are the same day in Paris all year). */
  async function scheduledJob(title: string, startHourUtc: number, technicianId: string): Promise<ServerJob & { title: string }> {
    const created = await api<{ createInterventionRequest: { id: string; version: number } }>(
      gatewayUrl,
      'mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id version } }',
      {
        input: {
          customerId: equipment.customerId,
          siteId: equipment.siteId,
          equipmentId: equipment.id,
          title,
          priority: 'HIGH',
          type: 'CORRECTIVE',
        },
      },
      plannerToken,
    );
    const day = todayInParis();
    const hour = (h: number) => `${day}T${String(h).padStart(2, '0')}:00:00Z`;
    await api(
      gatewayUrl,
      'mutation($id: ID!, $v: Int!, $s: DateTime!, $e: DateTime!, $t: [ID!]!) { scheduleIntervention(id: $id, expectedVersion: $v, start: $s, end: $e, technicianIds: $t) { id } }',
      {
        id: created.createInterventionRequest.id,
        v: created.createInterventionRequest.version,
        s: hour(startHourUtc),
        e: hour(startHourUtc + 1),
        t: [technicianId],
      },
      plannerToken,
    );
    return { ...(await serverJob(created.createInterventionRequest.id)), title };
  }

  return { equipment, serverJob, scheduledJob };
}

/** Signs in on the app's sign-in page and waits for the first synchronisation. */
export async function signInOnPhone(page: Page, email: string, password = fieldPassword): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The phone, signed in to the field app online, its day loaded and its service worker ready. */
export async function openFieldApp(
  browser: Browser,
  appUrl: string,
  email = 'technicien@demo.relais.fr',
  password = fieldPassword,
): Promise<{ context: BrowserContext; page: Page; scriptBytes: () => number }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: phone, serviceWorkers: 'allow' });
  const page = await context.newPage();
  // The JavaScript bodies as they crossed the network (compressed), for the 200 KB budget.
  const scripts: number[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') void request.sizes().then((sizes) => scripts.push(sizes.responseBodySize));
  });
  await page.goto(appUrl);
  await signInOnPhone(page, email, password);
  await page.getByText(/Dernière synchro/).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  return { context, page, scriptBytes: () => scripts.reduce((sum, bytes) => sum + bytes, 0) };
}

/** What the status bar says is waiting to be sent. */
export const pendingOnPhone = (page: Page) => page.getByTestId('pending-count').textContent();
