import type { EntityManager } from '@mikro-orm/postgresql';
import { Technician, TechnicianAbsence } from './technician.entity';
import { Errors, Validator, assertExpectedVersion } from '../shared/errors';
import { newId } from '../shared/ids';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';
import { definedOnly } from '../shared/objects';

export interface TechnicianInput {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  skills?: string[];
  color?: string;
  workDayStart?: string;
  workDayEnd?: string;
  workDays?: number[];
  active?: boolean;
  userId?: string | null;
  /** Loaded hourly cost, HT, a decimal string ("38.50"); null when unknown. */
  costRate?: string | null;
}

/**
 * The skills and certifications a technician may hold, as codes (the screens name them): refrigerant
 * handling (category 1 certificate), electrical clearance BR, fire safety systems, HVAC, gas.
 */
export const TECHNICIAN_SKILLS = ['CVC', 'ELEC_BR', 'FLUIDES_CAT1', 'GAZ', 'SSI'] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const COST_RATE = /^\d{1,6}(\.\d{1,2})?$/;

/** A valid cost rate as the column stores it ("41.5" → "41.50"), so the answer reads like a later read. */
function storedCostRate(costRate: string | null | undefined): string | null | undefined {
  if (costRate == null) return costRate;
  const [units = '0', cents = ''] = costRate.split('.');
  return `${Number(units)}.${cents.padEnd(2, '0')}`;
}

/** Throws VALIDATION_FAILED naming every refused field of a technician (name, hours, days, skills, cost…). */
export function validateTechnician(
  t: Required<Pick<TechnicianInput, 'fullName' | 'workDayStart' | 'workDayEnd' | 'workDays'>> & TechnicianInput,
): void {
  new Validator()
    .check(t.fullName.trim().length > 0, 'fullName', 'obligatoire', 'REQUIRED')
    .check(TIME.test(t.workDayStart), 'workDayStart', 'heure HH:MM')
    .check(TIME.test(t.workDayEnd) && t.workDayEnd > t.workDayStart, 'workDayEnd', 'heure HH:MM après le début de journée')
    .check(
      t.workDays.length > 0 && t.workDays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
      'workDays',
      'jours ISO de 1 (lundi) à 7',
    )
    .check(!t.color || /^#[0-9a-fA-F]{6}$/.test(t.color), 'color', 'couleur #RRGGBB')
    .check(!t.email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t.email), 'email', 'adresse e-mail invalide')
    .check(
      (t.skills ?? []).every((skill) => (TECHNICIAN_SKILLS as readonly string[]).includes(skill)),
      'skills',
      `habilitations connues : ${TECHNICIAN_SKILLS.join(', ')}`,
      'UNKNOWN_VALUE',
    )
    .check(new Set(t.skills ?? []).size === (t.skills ?? []).length, 'skills', 'habilitation en double')
    .check(t.costRate == null || COST_RATE.test(t.costRate), 'costRate', 'coût horaire en euros, de 0 à 999 999,99 (ex. 38.50)')
    .throwIfInvalid();
}

export async function createTechnician(
  em: EntityManager,
  tenantId: string,
  input: TechnicianInput & { fullName: string },
): Promise<Technician> {
  const fields = { workDayStart: '08:00', workDayEnd: '17:00', workDays: [1, 2, 3, 4, 5], skills: [], ...input };
  validateTechnician(fields);
  const technician = em.create(Technician, {
    id: newId(),
    tenantId,
    ...fields,
    fullName: fields.fullName.trim(),
    costRate: storedCostRate(fields.costRate),
  });
  await em.flush();
  return technician;
}

export async function getTechnician(em: EntityManager, id: string): Promise<Technician> {
  const technician = await em.findOne(Technician, { id });
  if (!technician) throw Errors.notFound('Technician', id);
  return technician;
}

export async function updateTechnician(
  em: EntityManager,
  id: string,
  input: TechnicianInput,
  expectedVersion?: number | null,
): Promise<Technician> {
  const technician = await getTechnician(em, id);
  assertExpectedVersion(technician, expectedVersion, 'Ce technicien a été modifié entre-temps ; rechargez la fiche');
  const changes = definedOnly(input);
  validateTechnician({ ...technician, ...changes } as never);
  em.assign(technician, 'costRate' in changes ? { ...changes, costRate: storedCostRate(changes.costRate) } : changes);
  await em.flush();
  return technician;
}

export async function addTechnicianAbsence(
  em: EntityManager,
  tenantId: string,
  input: { technicianId: string; startsAt: Date; endsAt: Date; reason: string },
): Promise<TechnicianAbsence> {
  new Validator()
    .check(input.endsAt > input.startsAt, 'endsAt', 'doit suivre le début')
    .check(input.reason.trim().length > 0, 'reason', 'obligatoire', 'REQUIRED')
    .throwIfInvalid();
  await getTechnician(em, input.technicianId);
  const absence = em.create(TechnicianAbsence, { id: newId(), tenantId, ...input, reason: input.reason.trim() });
  await em.flush();
  return absence;
}

/** Removes an absence (entered by mistake, or cancelled). NOT_FOUND when it is not the tenant's. */
export async function removeTechnicianAbsence(em: EntityManager, id: string): Promise<TechnicianAbsence> {
  const absence = await em.findOne(TechnicianAbsence, { id });
  if (!absence) throw Errors.notFound('TechnicianAbsence', id);
  em.remove(absence);
  await em.flush();
  return absence;
}

export function listTechnicians(em: EntityManager, args: PageArgs & { activeOnly?: boolean | null }) {
  return keysetPage(em, Technician, args.activeOnly === false ? {} : { active: true }, 'fullName', args);
}

export function techniciansByIds(em: EntityManager, ids: readonly string[]): Promise<Technician[]> {
  return em.find(Technician, { id: { $in: [...ids] } });
}

export function absencesOverlapping(
  em: EntityManager,
  technicianIds: readonly string[],
  from: Date,
  to: Date,
): Promise<TechnicianAbsence[]> {
  return em.find(
    TechnicianAbsence,
    { technicianId: { $in: [...technicianIds] }, startsAt: { $lt: to }, endsAt: { $gt: from } },
    { orderBy: { startsAt: 'asc' } },
  );
}

export function technicianForUser(em: EntityManager, userId: string): Promise<Technician | null> {
  return em.findOne(Technician, { userId });
}

export function techniciansForUsers(em: EntityManager, userIds: readonly string[]): Promise<Technician[]> {
  return em.find(Technician, { userId: { $in: [...userIds] } });
}
