// What a round's file is, from its name: the page previews images and links the rest (the
// contract lists name and kind, not the stored type; the cad bucket accepts these extensions).
const IMAGE = /\.(png|jpe?g|webp|gif|avif)$/i;

export function isPreviewableImage(name: string): boolean {
  return IMAGE.test(name);
}

/** "ring-v2.stl" → "STL file"; used to say what a download is before it is tapped. */
export function fileTypeLabel(name: string): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1];
  if (!ext) return 'File';
  if (ext.toLowerCase() === 'pdf') return 'PDF';
  return `${ext.toUpperCase()} file`;
}
