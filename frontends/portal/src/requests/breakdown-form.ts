/** What the customer typed on « Signaler une panne », before it is sent. */
export interface BreakdownValues {
  siteId: string;
  /** Empty for "the site in general". */
  equipmentId: string;
  description: string;
  photos: { caption: string; dataUrl: string }[];
}

export const maxPhotos = 3;

/** The problems the form shows under its fields before sending (i18n keys); the server checks again. */
export function breakdownProblems(values: BreakdownValues): Partial<Record<'siteId' | 'description' | 'photos', string>> {
  const problems: Partial<Record<'siteId' | 'description' | 'photos', string>> = {};
  if (!values.siteId && !values.equipmentId) problems.siteId = 'breakdown.siteRequired';
  if (!values.description.trim()) problems.description = 'breakdown.descriptionRequired';
  if (values.photos.length > maxPhotos) problems.photos = 'breakdown.tooManyPhotos';
  return problems;
}

/** The mutation's input: the equipment when one is chosen (its site follows), else the site. */
export function breakdownInput(values: BreakdownValues) {
  return {
    ...(values.equipmentId ? { equipmentId: values.equipmentId } : { siteId: values.siteId }),
    description: values.description.trim(),
    photos: values.photos.map(({ caption, dataUrl }) => ({ caption, dataUrl })),
  };
}

/**
 * Where a server refusal goes on the form: `input.photos[1].dataUrl` or `photos` under the photos,
 * `equipmentId`/`siteId` under the site, `description` under the description.
 */
export function fieldOfServerPath(path: string): 'siteId' | 'description' | 'photos' | null {
  const name = path.replace(/^input\./, '');
  if (name.startsWith('photos')) return 'photos';
  if (name === 'description') return 'description';
  if (name === 'siteId' || name === 'equipmentId') return 'siteId';
  return null;
}
