import type { DeviceOwner } from '../store/db';

/**
 * What signing in as `userId` does to the device's data:
 * - `keep`: it is the owner's own data;
 * - `adopt`: nothing is recorded yet (a new phone), the user becomes the owner;
 * - `clear`: another user's data with nothing left to send: it goes before this user's day loads;
 * - `othersWork`: another user's work not sent yet: never dropped silently, the user decides.
 */
export type OwnerDecision = 'keep' | 'adopt' | 'clear' | 'othersWork';

export function ownerDecision(owner: DeviceOwner | null, userId: string, unsent: number): OwnerDecision {
  if (!owner) return 'adopt';
  if (owner.id === userId) return 'keep';
  return unsent > 0 ? 'othersWork' : 'clear';
}
