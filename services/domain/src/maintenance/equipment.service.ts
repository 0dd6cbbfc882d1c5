import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import Decimal from 'decimal.js';
import { Equipment, EQUIPMENT_CATEGORIES, EQUIPMENT_STATUSES } from './equipment.entity';
import { Contract } from './contract.entity';
import { Site } from './site.entity';
import { INTERVENTION_STATUS_LABELS, type InterventionStatus } from './intervention.rules';
import { Errors, Validator, assertExpectedVersion } from '../shared/errors';
import { newId } from '../shared/ids';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';
import { isLocalDate } from '../shared/time';
import { containsPattern } from '../shared/search';
import { definedOnly } from '../shared/objects';

export interface EquipmentInput {
  siteId?: string;
  parentId?: string | null;
  contractId?: string | null;
  name?: string;
  category?: string;
  brand?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  refrigerantType?: string | null;
  refrigerantChargeKg?: string | null;
  installedOn?: string | null;
  warrantyEndsOn?: string | null;
  status?: string;
}

async function validateEquipment(
  em: EntityManager,
  e: EquipmentInput & { siteId: string; name: string; category: string },
  selfId?: string,
): Promise<Site> {
  const v = new Validator()
    .check((e.name ?? '').trim().length > 0, 'name', 'obligatoire', 'REQUIRED')
    .check((EQUIPMENT_CATEGORIES as readonly string[]).includes(e.category), 'category', 'catégorie inconnue')
    .check(!e.status || (EQUIPMENT_STATUSES as readonly string[]).includes(e.status), 'status', 'état inconnu')
    .check(!e.installedOn || isLocalDate(e.installedOn), 'installedOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!e.warrantyEndsOn || isLocalDate(e.warrantyEndsOn), 'warrantyEndsOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(
      !e.refrigerantChargeKg || /^\d{1,6}(\.\d{1,2})?$/.test(e.refrigerantChargeKg),
      'refrigerantChargeKg',
      'masse en kg, deux décimales au plus',
    )
    .check(!e.refrigerantChargeKg || Boolean(e.refrigerantType), 'refrigerantType', 'fluide requis avec une charge')
    .check(!e.parentId || e.parentId !== selfId, 'parentId', 'un équipement ne peut être son propre parent');
  const site = await em.findOne(Site, { id: e.siteId });
  v.check(Boolean(site), 'siteId', 'site introuvable');
  if (e.parentId) {
    const parent = await em.findOne(Equipment, { id: e.parentId });
    v.check(Boolean(parent) && parent!.siteId === e.siteId, 'parentId', 'équipement parent introuvable sur ce site');
  }
  if (e.contractId && site) {
    const contract = await em.findOne(Contract, { id: e.contractId });
    v.check(Boolean(contract) && contract!.customerId === site.customerId, 'contractId', 'contrat introuvable pour ce client');
  }
  v.throwIfInvalid();
  return site!;
}

export async function createEquipment(
  em: EntityManager,
  tenantId: string,
  input: EquipmentInput & { siteId: string; name: string; category: string },
): Promise<Equipment> {
  const site = await validateEquipment(em, input);
  const equipment = em.create(Equipment, {
    id: newId(),
    tenantId,
    siteId: input.siteId,
    customerId: site.customerId,
    parentId: input.parentId ?? null,
    contractId: input.contractId ?? null,
    name: input.name.trim(),
    category: input.category as Equipment['category'],
    brand: input.brand ?? null,
    model: input.model ?? null,
    serialNumber: input.serialNumber ?? null,
    refrigerantType: input.refrigerantType ?? null,
    refrigerantChargeKg: input.refrigerantChargeKg ? new Decimal(input.refrigerantChargeKg).toFixed(2) : null,
    installedOn: input.installedOn ?? null,
    warrantyEndsOn: input.warrantyEndsOn ?? null,
    status: (input.status as Equipment['status']) ?? 'IN_SERVICE',
  });
  await em.flush();
  return equipment;
}

export async function getEquipment(em: EntityManager, id: string): Promise<Equipment> {
  const equipment = await em.findOne(Equipment, { id });
  if (!equipment) throw Errors.notFound('Equipment', id);
  return equipment;
}

export async function updateEquipment(
  em: EntityManager,
  id: string,
  input: EquipmentInput,
  expectedVersion?: number | null,
): Promise<Equipment> {
  const equipment = await getEquipment(em, id);
  assertExpectedVersion(equipment, expectedVersion, 'Cet équipement a été modifié entre-temps ; rechargez la fiche');
  const changes = definedOnly(input);
  const merged = { ...equipment, ...changes } as EquipmentInput & { siteId: string; name: string; category: string };
  const site = await validateEquipment(em, merged, id);
  em.assign(equipment, { ...changes, customerId: site.customerId } as never);
  await em.flush();
  return equipment;
}

export function listEquipment(
  em: EntityManager,
  args: PageArgs & { siteId?: string | null; customerId?: string | null; search?: string | null },
) {
  const where: FilterQuery<Equipment>[] = [];
  if (args.siteId) where.push({ siteId: args.siteId });
  if (args.customerId) where.push({ customerId: args.customerId });
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    where.push({
      $or: [{ name: { $ilike: like } }, { serialNumber: { $ilike: like } }, { brand: { $ilike: like } }, { model: { $ilike: like } }],
    });
  }
  return keysetPage(em, Equipment, where.length ? { $and: where } : {}, 'name', args);
}

export const equipmentByIds = (em: EntityManager, ids: readonly string[]) => em.find(Equipment, { id: { $in: [...ids] } });
export const equipmentByParentIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(Equipment, { parentId: { $in: [...ids] } }, { orderBy: { name: 'asc' } });
export const equipmentBySiteIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(Equipment, { siteId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
export const equipmentByContractIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(Equipment, { contractId: { $in: [...ids] } }, { orderBy: { name: 'asc' } });

export interface EquipmentEvent {
  at: Date;
  kind: 'INTERVENTION' | 'PART_REPLACED' | 'OBSERVATION';
  interventionId: string;
  summary: string;
}

/** The equipment's life: its interventions, the parts replaced and the observations, newest first. */
export async function equipmentHistory(em: EntityManager, equipmentId: string, limit: number): Promise<EquipmentEvent[]> {
  const rows = await em
    .getConnection()
    .execute<{ at: Date; kind: EquipmentEvent['kind']; intervention_id: string; summary: string; status: InterventionStatus | null }[]>(
      `select * from (
       select coalesce(i.completed_at, i.scheduled_start, i.requested_at) as at, 'INTERVENTION' as kind, i.id as intervention_id,
              i.number || ' · ' || i.title as summary, i.status
         from interventions i where i.equipment_id = ?
       union all
       select coalesce(i.completed_at, i.started_at, i.requested_at), 'PART_REPLACED', i.id,
              trim_scale(p.quantity)::text || ' × ' || c.label || coalesce(' (n° ' || p.serial_number || ')', ''), null
         from intervention_parts p
         join interventions i on i.tenant_id = p.tenant_id and i.id = p.intervention_id
         join catalog_items c on c.tenant_id = p.tenant_id and c.id = p.catalog_item_id
        where i.equipment_id = ?
       union all
       select coalesce(i.completed_at, i.requested_at), 'OBSERVATION', i.id, i.observations, null
         from interventions i where i.equipment_id = ? and i.observations is not null
     ) events order by at desc, kind limit ?`,
      [equipmentId, equipmentId, equipmentId, limit],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((r) => ({
    at: new Date(r.at),
    kind: r.kind,
    interventionId: r.intervention_id,
    summary: r.status ? `${r.summary} (${INTERVENTION_STATUS_LABELS[r.status]})` : r.summary,
  }));
}
