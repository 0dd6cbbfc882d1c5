import type { Path } from 'react-hook-form';
import { apiDecimal, editableDecimal } from '@relais/ui';
import type { EquipmentCategory, EquipmentDetailQuery, EquipmentInput, EquipmentStatus } from '../../../gql/graphql';

export const equipmentStatuses: readonly EquipmentStatus[] = ['IN_SERVICE', 'OUT_OF_SERVICE', 'DECOMMISSIONED'];

/** An equipment as typed: the refrigerant charge in French decimals ("2,5"), empty texts for what is not known. */
export interface EquipmentFormValues {
  siteId: string;
  name: string;
  category: EquipmentCategory | null;
  brand: string;
  model: string;
  serialNumber: string;
  refrigerantType: string;
  refrigerantChargeKg: string;
  installedOn: string;
  warrantyEndsOn: string;
  status: EquipmentStatus;
  /** Empty: not covered by a contract. */
  contractId: string;
}

type EquipmentDetail = NonNullable<EquipmentDetailQuery['equipment']>;

export function newEquipmentValues(siteId: string): EquipmentFormValues {
  return {
    siteId,
    name: '',
    category: null,
    brand: '',
    model: '',
    serialNumber: '',
    refrigerantType: '',
    refrigerantChargeKg: '',
    installedOn: '',
    warrantyEndsOn: '',
    status: 'IN_SERVICE',
    contractId: '',
  };
}

export function equipmentValuesFrom(equipment: EquipmentDetail): EquipmentFormValues {
  return {
    siteId: equipment.site.id,
    name: equipment.name,
    category: equipment.category,
    brand: equipment.brand ?? '',
    model: equipment.model ?? '',
    serialNumber: equipment.serialNumber ?? '',
    refrigerantType: equipment.refrigerantType ?? '',
    refrigerantChargeKg: equipment.refrigerantChargeKg ? editableDecimal(equipment.refrigerantChargeKg) : '',
    installedOn: equipment.installedOn ?? '',
    warrantyEndsOn: equipment.warrantyEndsOn ?? '',
    status: equipment.status,
    contractId: equipment.contract?.id ?? '',
  };
}

const optional = (typed: string): string | null => typed.trim() || null;

/** The equipment for createEquipment / updateEquipment: the charge as the API reads decimals, empty fields as null. */
export function equipmentInput(values: EquipmentFormValues): EquipmentInput {
  return {
    siteId: values.siteId,
    name: values.name.trim(),
    category: values.category,
    brand: optional(values.brand),
    model: optional(values.model),
    serialNumber: optional(values.serialNumber),
    refrigerantType: optional(values.refrigerantType),
    refrigerantChargeKg: optional(apiDecimal(values.refrigerantChargeKg)),
    installedOn: optional(values.installedOn),
    warrantyEndsOn: optional(values.warrantyEndsOn),
    status: values.status,
    contractId: optional(values.contractId),
  };
}

const equipmentFields = new Set<string>(Object.keys(newEquipmentValues('')));

/** The input showing a field createEquipment / updateEquipment refused, if the form has one. */
export function equipmentFormPath(field: string): Path<EquipmentFormValues> | null {
  return equipmentFields.has(field) ? (field as Path<EquipmentFormValues>) : null;
}
