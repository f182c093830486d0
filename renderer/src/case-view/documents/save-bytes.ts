/** Opening and downloading a produced file in the browser: the bytes become a Blob URL, released afterwards; or the bridge's URL. */

export function blobUrl(bytes: Uint8Array, mediaType: string): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
}

export function downloadBytes(bytes: Uint8Array, name: string, mediaType: string): void {
  const url = blobUrl(bytes, mediaType);
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser downloads `url` as `name`, writing it to the disk as it comes: the page never holds the file. */
export function downloadUrl(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function openBytes(bytes: Uint8Array, mediaType: string): void {
  const url = blobUrl(bytes, mediaType);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
}
