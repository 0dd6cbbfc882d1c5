import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { totalHours, uuidArrayLiteral } from '@relais/domain';
import { DecimalScalar, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { InterventionReportType, LabourEntryType, PartUsedType, PhotoType } from './intervention.type';
import { LabourTypeEnum } from '../shared/enums';
import { TechnicianType, toTechnicianType } from '../technicians/technician.type';
import { CatalogItemType, toCatalogItemType } from '../catalog/catalog.resolver';
import { loaders } from '../shared/loaders';

/** Signatures are large: read only when asked for, for all interventions of the request at once. */
function signatureLoader(ctx: RequestContext) {
  return loaderFor<{ id: string; signature_data_url: string | null }>(
    ctx,
    'signatureByIntervention',
    (scope, ids) => scope.execute('select id, signature_data_url from interventions where id = any(?::uuid[])', [uuidArrayLiteral(ids)]),
    (row) => row.id,
  );
}

@Resolver(() => InterventionReportType)
export class InterventionReportResolver {
  @FieldResolver(() => [LabourEntryType])
  async labour(@Root() report: InterventionReportType, @Ctx() ctx: RequestContext) {
    const entries = await loaders.labour(ctx).load(report.interventionId);
    return entries.map((e) => ({
      id: e.id,
      technicianId: e.technicianId,
      workDate: e.workDate,
      hours: e.hours,
      labourType: e.labourType as LabourTypeEnum,
    }));
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of the labour entries, in hours.' })
  async totalHours(@Root() report: InterventionReportType, @Ctx() ctx: RequestContext) {
    return totalHours(await loaders.labour(ctx).load(report.interventionId));
  }

  @FieldResolver(() => [PartUsedType])
  async parts(@Root() report: InterventionReportType, @Ctx() ctx: RequestContext) {
    const parts = await loaders.parts(ctx).load(report.interventionId);
    return parts.map((p) => ({ id: p.id, catalogItemId: p.catalogItemId, quantity: p.quantity, serialNumber: p.serialNumber ?? null }));
  }

  @FieldResolver(() => [PhotoType])
  async photos(@Root() report: InterventionReportType, @Ctx() ctx: RequestContext) {
    const photos = await loaders.photos(ctx).load(report.interventionId);
    return photos.map((p) => ({ id: p.id, caption: p.caption ?? null, url: p.dataUrl }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The drawn signature, as a data: URL.' })
  async signatureDataUrl(@Root() report: InterventionReportType, @Ctx() ctx: RequestContext) {
    return (await signatureLoader(ctx).load(report.interventionId))?.signature_data_url ?? null;
  }
}

@Resolver(() => LabourEntryType)
export class LabourEntryResolver {
  @FieldResolver(() => TechnicianType)
  async technician(@Root() entry: LabourEntryType, @Ctx() ctx: RequestContext) {
    return toTechnicianType((await loaders.technician(ctx).load(entry.technicianId))!);
  }
}

@Resolver(() => PartUsedType)
export class PartUsedResolver {
  @FieldResolver(() => CatalogItemType)
  async item(@Root() part: PartUsedType, @Ctx() ctx: RequestContext) {
    return toCatalogItemType((await loaders.catalogItem(ctx).load(part.catalogItemId))!);
  }
}
