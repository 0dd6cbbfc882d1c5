import type { EntityManager } from '@mikro-orm/postgresql';
import { closePeriod, listFiscalYears, openFiscalYear } from '../finance/periods/periods.service';
import { monthStart, lastDayOfMonth } from '../finance/periods/periods.rules';
import { User } from '../platform/user.entity';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';

/**
 * The demo company keeps calendar fiscal years from the year of its oldest business fact (the
 * contract runs replayed since the start of last year) to this one,
 * and its accountant has closed every month up to the month before last (with what was left in
 * them acknowledged): last month and this one stay open, where the demo and the tests that use the
 * demo tenant write. Run last, once every document of the demo is written.
 */
export async function seedPeriodsDemo(em: EntityManager, identity: Identity, options: { now?: Date } = {}): Promise<void> {
  const today = localDate(options.now ?? new Date());
  const accountant = await em.findOne(User, { role: 'accountant' });
  const closer: Identity = accountant
    ? { kind: 'user', tenantId: identity.tenantId, userId: accountant.id, role: 'accountant', email: accountant.email }
    : identity;
  const thisYear = Number(today.slice(0, 4));
  const [oldest] = await em.execute<{ day: string | null }[]>(`select min(occurred_on)::text as day from business_facts`);
  for (let year = Number((oldest?.day ?? today).slice(0, 4)); year <= thisYear; year += 1)
    await openFiscalYear(em, identity, { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
  const closedThrough = lastDayOfMonth(monthStart(today, -2));
  const periods = (await listFiscalYears(em)).flatMap((y) => y.periods).sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  for (const period of periods.filter((p) => p.endsOn <= closedThrough))
    await closePeriod(em, closer, period.id, { acknowledgeWarnings: true });
}
