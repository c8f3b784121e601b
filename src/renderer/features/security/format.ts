/** "2024-05-14T23:30:00.000+07:00" → "14/05/2024 23:30" (instants are stored in local +07:00 time). */
export function shortTime(iso: string | null | undefined): string {
  if (!iso || iso.length < 16) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}
