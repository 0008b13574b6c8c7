// A producers' CSV file as contracts-service reads it: rows numbered from the header (line 1), blank
// lines skipped, and each refused row named rows[line].column in its problem.

const COLUMN_NAMES: Record<string, string> = { nationalId: 'DNI/RUC', name: 'nombre', district: 'distrito', region: 'región',
  phone: 'teléfono', groupId: 'red', id: 'id' };

/** The file's rows as the service numbers them: the header is line 1, blank lines are skipped. */
export function csvLines(text: string): Map<number, string> {
  const lines = new Map<number, string>();
  text.split(/\r?\n/).filter((l) => l.trim() !== '').forEach((l, i) => lines.set(i + 1, l));
  return lines;
}

/** Each refused row with its problems, from violations named rows[line].column. */
export function rowsRefused(violations: { field: string; message: string }[], lines: Map<number, string>) {
  const byLine = new Map<number, string[]>();
  for (const v of violations) {
    const m = /^rows\[(\d+)\](?:\.(\w+))?/.exec(v.field);
    if (!m) continue;
    const line = Number(m[1]);
    const what = m[2] ? `${COLUMN_NAMES[m[2]] ?? m[2]}: ${v.message}` : v.message;
    byLine.set(line, [...byLine.get(line) ?? [], what]);
  }
  return [...byLine.entries()].sort(([a], [b]) => a - b)
    .map(([line, problems]) => ({ line, text: lines.get(line) ?? '', problems }));
}
