import type { Session } from '../api/session';
import { ownerDecision, type OwnerDecision } from '../sync/owner-rules';
import { db, type DeviceOwner } from './db';

/** The device's owner as recorded when they signed in (null on a new phone). */
export async function deviceOwner(): Promise<DeviceOwner | null> {
  const record = await db.meta.get('owner');
  return record?.key === 'owner' ? record.value : null;
}

/** What the owner has not sent: queued commands, and reports being typed. */
async function unsentCount(): Promise<number> {
  return (await db.commands.count()) + (await db.drafts.count());
}

export interface OwnerCheck {
  decision: OwnerDecision;
  previous: DeviceOwner | null;
  unsent: number;
}

const ownerOf = (user: Session['user']): DeviceOwner => ({ id: user.id, email: user.email, fullName: user.fullName });

/** Everything the device holds of its owner: jobs, queue, reports being typed (and their photos), catalog, sync marks. */
async function clearDevice(): Promise<void> {
  await Promise.all([db.jobs.clear(), db.commands.clear(), db.drafts.clear(), db.catalog.clear(), db.meta.clear()]);
}

/**
 * Run when a user is signed in, before anything of the device is shown: keeps the owner's data, takes a
 * new phone, clears another user's data that has nothing left to send; another user's unsent work stays
 * (`othersWork`) until someone decides. One transaction: nothing can be queued between the count and the clearing.
 */
export function settleOwner(user: Session['user']): Promise<OwnerCheck> {
  return db.transaction('rw', [db.jobs, db.commands, db.drafts, db.catalog, db.meta], async () => {
    const previous = await deviceOwner();
    const unsent = await unsentCount();
    const decision = ownerDecision(previous, user.id, unsent);
    if (decision === 'clear') await clearDevice();
    if (decision === 'adopt' || decision === 'clear') await db.meta.put({ key: 'owner', value: ownerOf(user) });
    return { decision, previous, unsent };
  });
}

/** The signed-in user chose to drop the previous owner's unsent work (after confirming): the device becomes theirs. */
export function abandonPreviousOwnerWork(user: Session['user']): Promise<void> {
  return db.transaction('rw', [db.jobs, db.commands, db.drafts, db.catalog, db.meta], async () => {
    await clearDevice();
    await db.meta.put({ key: 'owner', value: ownerOf(user) });
  });
}
