// A parcel's location as a person types or pastes it, turned into the GeoJSON contracts-service reads
// (WGS84, [longitude, latitude]). Numbers stay as the text wrote them, from the field to the request:
// EUDR asks for at least 6 decimals and "-72.700000" has them, while a JavaScript number would drop
// the zeros. Also the outline of a polygon scaled into a small SVG, drawn without any map tiles.

/** A coordinate as written: a decimal number in text ("-6.483210"). */
export type Num = string;
/** A GeoJSON position: longitude first. */
export type Position = [Num, Num];

export interface Geometry {
  type: 'Point' | 'Polygon';
  /** A Point's one position, or a Polygon's rings (the outer one first), each closed. */
  coordinates: Position | Position[][];
}

export type Parsed = { geometry: Geometry; problem?: undefined } | { geometry?: undefined; problem: string };

export const MIN_DECIMALS = 6;
const CROP_BELT = 30;
const NUMBER = /^-?\d{1,3}(\.\d+)?$/;

function decimals(n: Num): number {
  return n.includes('.') ? n.length - n.indexOf('.') - 1 : 0;
}

/** A number as typed for one coordinate: a comma as decimal mark is accepted, spaces and a leading "+" dropped. */
export function coordinateText(typed: string): Num {
  return typed.trim().replace(/^\+/, '').replace(',', '.').replace(/\s+/g, '');
}

/** Why a latitude/longitude pair cannot be sent, or null; {@code where} says which line it was. */
export function positionProblem(lat: Num, lon: Num, where = ''): string | null {
  if (!NUMBER.test(lat) || !NUMBER.test(lon)) return `${where}escriba dos números con punto decimal, p. ej. -6.483210, -76.372915`;
  if (Math.abs(Number(lat)) > 90) {
    return Math.abs(Number(lon)) <= 90 ? `${where}la latitud ${lat} pasa de 90: ¿escribió primero la longitud? Va primero la latitud`
      : `${where}la latitud ${lat} está fuera de [-90, 90]`;
  }
  if (Math.abs(Number(lon)) > 180) return `${where}la longitud ${lon} está fuera de [-180, 180]`;
  // Cacao and coffee grow between about 25° north and south; Peru's longitudes (-68 to -81) are not latitudes there.
  if (Math.abs(Number(lat)) > CROP_BELT && Math.abs(Number(lon)) <= CROP_BELT) {
    return `${where}en la latitud ${lat} no se cultiva cacao ni café: ¿escribió primero la longitud? Va primero la latitud`;
  }
  if (decimals(lat) < MIN_DECIMALS || decimals(lon) < MIN_DECIMALS) {
    return `${where}se piden al menos ${MIN_DECIMALS} decimales en latitud y longitud (unos 10 cm), como los da el GPS`;
  }
  return null;
}

/** A Point from its latitude and longitude fields. */
export function pointOf(latTyped: string, lonTyped: string): Parsed {
  const lat = coordinateText(latTyped);
  const lon = coordinateText(lonTyped);
  const problem = positionProblem(lat, lon);
  return problem ? { problem } : { geometry: { type: 'Point', coordinates: [lon, lat] } };
}

/**
 * A Polygon from "latitud, longitud" lines (one corner per line; a comma, semicolon, tab or spaces between
 * the two), or from pasted GeoJSON (a geometry, a Feature or a collection of one Feature). The ring of
 * typed corners is closed here when its last corner does not repeat the first; pasted GeoJSON is sent as it is.
 */
export function polygonOf(text: string): Parsed {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'Escriba las esquinas de la parcela, una por línea: latitud, longitud' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return geoJsonOf(trimmed);
  const corners: Position[] = [];
  const lines = trimmed.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const parts = line.split(/\s*[,;\t]\s*|\s+/).filter(Boolean);
    const where = `línea ${i + 1} («${line.slice(0, 40)}»): `;
    if (parts.length !== 2) return { problem: `${where}escriba latitud y longitud separadas por una coma` };
    const [lat, lon] = parts.map(coordinateText);
    const problem = positionProblem(lat, lon, where);
    if (problem) return { problem };
    corners.push([lon, lat]);
  }
  const first = corners[0];
  const last = corners[corners.length - 1];
  if (corners.length > 1 && (Number(first[0]) !== Number(last[0]) || Number(first[1]) !== Number(last[1]))) corners.push(first);
  if (corners.length < 4) return { problem: 'Un polígono tiene al menos 3 esquinas distintas' };
  return { geometry: { type: 'Polygon', coordinates: [corners] } };
}

/**
 * JSON.parse with every number kept as its text: outside strings, each number token is quoted before
 * parsing, so "-72.700000" arrives with its six decimals.
 */
export function parseKeepingNumbers(json: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const token = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(json.slice(i))?.[0] ?? c;
      out += `"${token}"`;
      i += token.length - 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out);
}

function geoJsonOf(text: string): Parsed {
  let value: unknown;
  try {
    value = parseKeepingNumbers(text);
  } catch {
    return { problem: 'El texto pegado no es GeoJSON válido: revise comas y corchetes' };
  }
  let g = value as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[]; coordinates?: unknown };
  if (g?.type === 'FeatureCollection') {
    if (g.features?.length !== 1) return { problem: 'Pegue una sola parcela (un Feature), no una colección de varias' };
    g = g.features[0] as typeof g;
  }
  if (g?.type === 'Feature') g = g.geometry as typeof g;
  if (g?.type !== 'Polygon' && g?.type !== 'Point') return { problem: 'El GeoJSON debe ser un Polygon (o un Point)' };
  const bad = (p: unknown) => !Array.isArray(p) || p.length < 2 || p.some((n) => typeof n !== 'string');
  if (g.type === 'Point') {
    const p = g.coordinates as string[];
    if (bad(p)) return { problem: 'Las coordenadas del punto deben ser [longitud, latitud]' };
    const problem = positionProblem(p[1], p[0]);
    return problem ? { problem } : { geometry: { type: 'Point', coordinates: [p[0], p[1]] } };
  }
  const rings = g.coordinates as unknown[][];
  if (!Array.isArray(rings) || rings.length === 0 || rings.some((r) => !Array.isArray(r) || r.some(bad))) {
    return { problem: 'Las coordenadas del polígono deben ser anillos de [longitud, latitud]' };
  }
  for (const [r, ring] of (rings as string[][][]).entries()) {
    for (const [i, p] of ring.entries()) {
      const problem = positionProblem(p[1], p[0], `anillo ${r + 1}, posición ${i + 1}: `);
      if (problem) return { problem };
    }
  }
  return { geometry: { type: 'Polygon', coordinates: (rings as string[][][]).map((ring) => ring.map((p): Position => [p[0], p[1]])) } };
}

/** The geometry as GeoJSON text, every coordinate exactly as written. */
export function geometryJson(g: Geometry): string {
  const position = (p: Position) => `[${p[0]},${p[1]}]`;
  const coordinates = g.type === 'Point' ? position(g.coordinates as Position)
    : `[${(g.coordinates as Position[][]).map((ring) => `[${ring.map(position).join(',')}]`).join(',')}]`;
  return `{"type":"${g.type}","coordinates":${coordinates}}`;
}

/** A JSON body whose geometry (and any other raw numbers) are spliced in as text, not through JSON.stringify. */
export function jsonWithRaw(fields: Record<string, unknown>, raw: Record<string, string>): string {
  const head = JSON.stringify(fields);
  const tail = Object.entries(raw).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',');
  return tail ? `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${tail}}` : head;
}

/**
 * Where the server's message places a problem ("… en [-76.372915, -6.483210] (longitud, latitud)"), said again
 * in the order the form is typed in, so the corner can be found among the lines.
 */
export function inTypedOrder(message: string): string {
  const m = /\[(-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)\] \(longitud, latitud\)/.exec(message);
  return m ? `${message} — en el orden del formulario: ${m[2]}, ${m[1]} (latitud, longitud)` : message;
}

// --- the outline drawn small ---

export interface Outline {
  viewBox: string;
  /** The rings as one SVG path (each closed with Z), or null for a point. */
  path: string | null;
  /** Where a point's marker goes, in the same box. */
  dot: [number, number] | null;
}

/**
 * The geometry scaled into a {@code size} × {@code size} box with a margin, north up, keeping its shape: longitudes
 * shrink by the cosine of the latitude (a degree of longitude is shorter away from the equator), latitudes grow upwards.
 */
export function outline(g: Geometry, size = 100, margin = 6): Outline {
  const viewBox = `0 0 ${size} ${size}`;
  if (g.type === 'Point') return { viewBox, path: null, dot: [size / 2, size / 2] };
  const rings = (g.coordinates as Position[][]).map((ring) => ring.map(([lon, lat]) => [Number(lon), Number(lat)]));
  const all = rings.flat();
  const meanLat = all.reduce((s, [, lat]) => s + lat, 0) / all.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = all.map(([lon]) => lon * k);
  const ys = all.map(([, lat]) => lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const scale = (size - 2 * margin) / span;
  // Centred: the shorter side is padded equally on both sides.
  const offX = margin + (size - 2 * margin - (maxX - minX) * scale) / 2;
  const offY = margin + (size - 2 * margin - (maxY - minY) * scale) / 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  const path = rings.map((ring) => ring.map(([lon, lat], i) =>
    `${i === 0 ? 'M' : 'L'}${round(offX + (lon * k - minX) * scale)} ${round(offY + (maxY - lat) * scale)}`).join(' ') + ' Z').join(' ');
  return { viewBox, path, dot: null };
}

/** Corners of a polygon (the closing repeat not counted), for "polígono de 5 vértices". */
export function cornerCount(g: Geometry): number {
  return g.type === 'Point' ? 1 : Math.max((g.coordinates as Position[][])[0].length - 1, 0);
}
