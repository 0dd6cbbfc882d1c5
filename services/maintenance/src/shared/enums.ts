import { registerEnumType } from 'type-graphql';

export enum InterventionTypeEnum {
  PREVENTIVE = 'PREVENTIVE',
  CORRECTIVE = 'CORRECTIVE',
  INSTALLATION = 'INSTALLATION',
  INSPECTION = 'INSPECTION',
}
export enum InterventionPriorityEnum {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
export enum InterventionStatusEnum {
  REQUESTED = 'REQUESTED',
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
  INVOICED = 'INVOICED',
  CANCELLED = 'CANCELLED',
}
export enum LabourTypeEnum {
  NORMAL = 'NORMAL',
  OVERTIME = 'OVERTIME',
  NIGHT = 'NIGHT',
  WEEKEND_HOLIDAY = 'WEEKEND_HOLIDAY',
}
export enum EquipmentCategoryEnum {
  BOILER = 'BOILER',
  HEAT_PUMP = 'HEAT_PUMP',
  AIR_CONDITIONING = 'AIR_CONDITIONING',
  VENTILATION = 'VENTILATION',
  FIRE_EXTINGUISHER = 'FIRE_EXTINGUISHER',
  FIRE_ALARM_SYSTEM = 'FIRE_ALARM_SYSTEM',
  ELECTRICAL_PANEL = 'ELECTRICAL_PANEL',
  OTHER = 'OTHER',
}
export enum EquipmentStatusEnum {
  IN_SERVICE = 'IN_SERVICE',
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
  DECOMMISSIONED = 'DECOMMISSIONED',
}
export enum TravelPricingEnum {
  FLAT = 'FLAT',
  ZONE = 'ZONE',
}
export enum JobStateEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
export enum ScheduleWarningKindEnum {
  OVERLAP = 'OVERLAP',
  ABSENCE = 'ABSENCE',
  OUTSIDE_WORKING_HOURS = 'OUTSIDE_WORKING_HOURS',
  MISSING_SKILL = 'MISSING_SKILL',
  SLA_BREACH = 'SLA_BREACH',
}
export enum InterventionSortEnum {
  REQUESTED_AT = 'REQUESTED_AT',
  SCHEDULED_START = 'SCHEDULED_START',
  DUE_BY = 'DUE_BY',
  NUMBER = 'NUMBER',
}

registerEnumType(InterventionTypeEnum, { name: 'InterventionType' });
registerEnumType(InterventionPriorityEnum, { name: 'InterventionPriority' });
registerEnumType(InterventionStatusEnum, {
  name: 'InterventionStatus',
  description: 'REQUESTED -> SCHEDULED -> IN_PROGRESS -> COMPLETED (technician) -> CLOSED (office) -> INVOICED; or CANCELLED.',
});
registerEnumType(LabourTypeEnum, { name: 'LabourType' });
registerEnumType(EquipmentCategoryEnum, { name: 'EquipmentCategory' });
registerEnumType(EquipmentStatusEnum, { name: 'EquipmentStatus' });
registerEnumType(TravelPricingEnum, { name: 'TravelPricing' });
registerEnumType(JobStateEnum, { name: 'JobState' });
registerEnumType(ScheduleWarningKindEnum, { name: 'ScheduleWarningKind' });
registerEnumType(InterventionSortEnum, { name: 'InterventionSort' });
