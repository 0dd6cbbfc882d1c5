const maxSide = 1024;

/**
 * A photo from the phone's camera, shrunk on the device to at most 1024 px and re-encoded as JPEG
 * (a data: URL), so that a report or a breakdown request sends a few hundred KB rather than the
 * camera's megabytes. Shared by the planning app's day, the field app and the customer portal
 * (imported as `@relais/ui/resize-photo`, which brings no Mantine into the field app).
 */
export async function resizePhoto(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.72);
}
