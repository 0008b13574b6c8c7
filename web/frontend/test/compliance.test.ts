import { describe, expect, it } from 'vitest';
import {
  type CertificationDraft, certificationProblems, certificationRequest, expiryText, schemeLabel, standing,
} from '../src/domain/certification';
import { blankForm, clausesOf, formOf } from '../src/domain/clauses';
import {
  type Geometry, cornerCount, geometryJson, inTypedOrder, jsonWithRaw, outline, parseKeepingNumbers, pointOf, polygonOf,
} from '../src/domain/geo';

const SQUARE = '-6.483210, -76.372915\n-6.483210, -76.370120\n-6.485880, -76.370120\n-6.485880, -76.372915';

describe('a parcel typed as "latitud, longitud" lines', () => {
  it('becomes a closed GeoJSON ring of [longitude, latitude], every number as typed', () => {
    const { geometry, problem } = polygonOf(SQUARE);
    expect(problem).toBeUndefined();
    expect(geometryJson(geometry as Geometry)).toBe('{"type":"Polygon","coordinates":[[[-76.372915,-6.483210],[-76.370120,-6.483210],'
      + '[-76.370120,-6.485880],[-76.372915,-6.485880],[-76.372915,-6.483210]]]}');
    expect(cornerCount(geometry as Geometry)).toBe(4);
  });

  it('reads semicolons, tabs, spaces, a leading "+" and blank lines; a ring already closed is not closed twice', () => {
    const typed = '-6.483210;-76.372915\n\n-6.483210\t-76.370120\n-6.485880 -76.370120\n+-6.485880 , -76.372915\n-6.483210, -76.372915\n';
    const ring = (polygonOf(typed).geometry?.coordinates as string[][][])[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(['-76.372915', '-6.483210']);
    expect(ring[4]).toEqual(ring[0]);
  });

  it('keeps trailing zeros, which a JavaScript number would drop', () => {
    const { geometry } = polygonOf('-6.500000, -72.700000\n-6.500000, -72.690000\n-6.510000, -72.690000');
    expect(geometryJson(geometry as Geometry)).toContain('[-72.700000,-6.500000]');
  });

  it('refuses fewer than 6 decimals, a missing number and too few corners, naming the line', () => {
    expect(polygonOf('-6.48321, -76.372915\n-6.483210, -76.370120\n-6.485880, -76.370120').problem)
      .toMatch(/^línea 1 .*al menos 6 decimales/);
    expect(polygonOf('-6.483210, -76.372915\n-6.483210').problem).toMatch(/^línea 2 .*latitud y longitud/);
    expect(polygonOf('-6.483210, -76.372915\n-6.483210, -76.370120').problem).toBe('Un polígono tiene al menos 3 esquinas distintas');
    expect(polygonOf('  ').problem).toMatch(/una por línea/);
  });

  it('notices longitude typed first, out of the range of a latitude', () => {
    expect(polygonOf('-76.372915, -6.483210\n-76.370120, -6.483210\n-76.370120, -6.485880').problem)
      .toMatch(/¿escribió primero la longitud\?/);
  });
});

describe('a point typed in two fields', () => {
  it('is [longitude, latitude], with a comma read as the decimal mark', () => {
    expect(pointOf('-6,483210', ' -76.372915 ').geometry).toEqual({ type: 'Point', coordinates: ['-76.372915', '-6.483210'] });
    expect(geometryJson(pointOf('-6.483210', '-76.372915').geometry as Geometry)).toBe('{"type":"Point","coordinates":[-76.372915,-6.483210]}');
    expect(pointOf('-6.4832', '-76.372915').problem).toMatch(/6 decimales/);
    expect(pointOf('-6.483210', '-196.372915').problem).toMatch(/longitud -196.372915 está fuera/);
  });
});

describe('pasted GeoJSON', () => {
  it('keeps every number as written, inside a Feature or a collection of one', () => {
    expect(parseKeepingNumbers('{"a":[-72.700000,1e3],"b":"lote 3, -2"}')).toEqual({ a: ['-72.700000', '1e3'], b: 'lote 3, -2' });
    const feature = '{"type":"Feature","properties":{"name":"Lote \\"3\\""},"geometry":{"type":"Polygon","coordinates":'
      + '[[[-76.372915,-6.483210],[-76.370120,-6.483210],[-76.370120,-6.485880],[-76.372915,-6.483210]]]}}';
    const { geometry } = polygonOf(`{"type":"FeatureCollection","features":[${feature}]}`);
    expect(geometryJson(geometry as Geometry)).toBe('{"type":"Polygon","coordinates":[[[-76.372915,-6.483210],'
      + '[-76.370120,-6.483210],[-76.370120,-6.485880],[-76.372915,-6.483210]]]}');
  });

  it('refuses what is not one Polygon or Point, or has too few decimals', () => {
    expect(polygonOf('{"type":"LineString","coordinates":[]}').problem).toMatch(/Polygon/);
    expect(polygonOf('{"type":"Polygon","coordinates":[[[-76.37,-6.48]]]}').problem).toMatch(/^anillo 1, posición 1: .*6 decimales/);
    expect(polygonOf('{"type":"Polygon",').problem).toMatch(/no es GeoJSON válido/);
    expect(polygonOf('{"type":"FeatureCollection","features":[]}').problem).toMatch(/una sola parcela/);
  });
});

describe('the request body', () => {
  it('splices raw numbers and the geometry in as text', () => {
    const body = jsonWithRaw({ name: 'La Esperanza', ok: true }, { declaredAreaHectares: '6.0000', geometry: '{"type":"Point","coordinates":[-72.700000,-6.500000]}' });
    expect(body).toBe('{"name":"La Esperanza","ok":true,"declaredAreaHectares":6.0000,"geometry":{"type":"Point","coordinates":[-72.700000,-6.500000]}}');
    expect(JSON.parse(body).declaredAreaHectares).toBe(6);
    expect(jsonWithRaw({}, { a: '1' })).toBe('{"a":1}');
  });

  it('says the crossing point again in the order the form is typed in', () => {
    expect(inTypedOrder('el contorno del polígono se cruza consigo mismo en [-76.371500, -6.484500] (longitud, latitud)'))
      .toBe('el contorno del polígono se cruza consigo mismo en [-76.371500, -6.484500] (longitud, latitud)'
        + ' — en el orden del formulario: -6.484500, -76.371500 (latitud, longitud)');
    expect(inTypedOrder('hectáreas mayores que 0')).toBe('hectáreas mayores que 0');
  });
});

describe('the outline drawn small', () => {
  const coords = (path: string) => [...path.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

  it('fits the polygon in the box with its margin, north up, centred on its shorter side', () => {
    // 0.01° of longitude by 0.02° of latitude at the equator: twice as tall as wide.
    const g: Geometry = { type: 'Polygon', coordinates: [[['0.000000', '0.000000'], ['0.010000', '0.000000'], ['0.010000', '0.020000'],
      ['0.000000', '0.020000'], ['0.000000', '0.000000']]] };
    const o = outline(g, 100, 5);
    expect(o.viewBox).toBe('0 0 100 100');
    const points = coords(o.path as string);
    expect(points[0]).toEqual([27.5, 95]); // south-west corner: bottom left
    expect(points[2]).toEqual([72.5, 5]); // north-east corner: top right
    expect(o.path?.endsWith('Z')).toBe(true);
  });

  it('shrinks longitudes by the cosine of the latitude, so a square plot far from the equator stays square', () => {
    const lat = 60; // cos 60° = 0.5: 0.02° of longitude there is as long as 0.01° of latitude
    const g: Geometry = { type: 'Polygon', coordinates: [[['10.000000', `${lat}.000000`], ['10.020000', `${lat}.000000`],
      ['10.020000', `${lat}.010000`], ['10.000000', `${lat}.000000`]]] };
    const points = coords(outline(g, 100, 0).path as string);
    const width = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));
    const height = Math.max(...points.map((p) => p[1])) - Math.min(...points.map((p) => p[1]));
    expect(Math.abs(width - height)).toBeLessThan(0.5);
  });

  it('draws a point as a dot in the middle, and each ring of a polygon with a hole', () => {
    expect(outline({ type: 'Point', coordinates: ['-76.372915', '-6.483210'] })).toEqual({ viewBox: '0 0 100 100', path: null, dot: [50, 50] });
    const [outer] = (polygonOf(SQUARE).geometry as Geometry).coordinates as string[][][];
    const hole = [['-76.372000', '-6.484000'], ['-76.371000', '-6.484000'], ['-76.371000', '-6.485000'], ['-76.372000', '-6.484000']];
    expect((outline({ type: 'Polygon', coordinates: [outer, hole] as never }).path?.match(/Z/g) ?? []).length).toBe(2);
  });
});

describe('the certificates', () => {
  const c = { validTo: '2026-11-03' };

  it('word what is left, and who still requires an ended one', () => {
    expect(expiryText({ certification: c, daysLeft: 12, expired: false, requiredBy: [] })).toBe('vence en 12 días');
    expect(expiryText({ certification: c, daysLeft: 1, expired: false, requiredBy: [] })).toBe('vence mañana');
    expect(expiryText({ certification: c, daysLeft: 0, expired: false, requiredBy: ['a'] }))
      .toBe('vence hoy (último día válido) — exigido por 1 acuerdo');
    expect(expiryText({ certification: c, daysLeft: -5, expired: true, requiredBy: ['a', 'b'] }))
      .toBe('venció el 03/11/2026 — exigido por 2 acuerdos');
  });

  it('stand valid inclusive at both ends', () => {
    const cert = { validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(standing(cert, '2025-12-31')).toBe('future');
    expect(standing(cert, '2026-01-01')).toBe('valid');
    expect(standing(cert, '2026-11-01')).toBe('expiring');
    expect(standing(cert, '2026-12-31')).toBe('expiring');
    expect(standing(cert, '2027-01-01')).toBe('expired');
  });

  const draft: CertificationDraft = { id: 'c1', holder: 'organisation', networkId: '', producerId: '', scheme: 'ORGANIC', schemeName: '',
    certifier: ' Control Union Perú ', products: ['cacao'], code: 'CU-PE-8812', validFrom: '2026-01-01', validTo: '2026-12-31', documentRef: '' };

  it('are held by the organisation, a network or one member, exactly one of them', () => {
    expect(certificationRequest(draft, 'org')).toEqual({ id: 'c1', organisationId: 'org', scheme: 'ORGANIC', schemeName: null,
      certifier: 'Control Union Perú', products: ['cacao'], code: 'CU-PE-8812', validFrom: '2026-01-01', validTo: '2026-12-31', documentRef: null });
    expect(certificationRequest({ ...draft, holder: 'network', networkId: 'net' }, 'org')).toMatchObject({ organisationId: 'net' });
    const own = certificationRequest({ ...draft, holder: 'producer', producerId: 'p1' }, 'org');
    expect(own).toMatchObject({ producerId: 'p1' });
    expect(own).not.toHaveProperty('organisationId');
    expect(schemeLabel({ scheme: 'OTHER', schemeName: 'UTZ' })).toBe('UTZ');
  });

  it('are checked on the device under the service\'s field names', () => {
    const found = certificationProblems({ ...draft, holder: 'producer', scheme: 'OTHER', certifier: ' ', products: [], validTo: '2025-12-31' });
    expect([...found.keys()].sort()).toEqual(['certifier', 'producerId', 'products', 'schemeName', 'validTo']);
    expect(certificationProblems(draft).size).toBe(0);
  });
});

describe('the certification an agreement requires', () => {
  it('is sent when chosen, null when a stored one is dropped, and left out otherwise', () => {
    const form = blankForm();
    form.basePrice = '9.5';
    form.certificationRequired = 'ORGANIC';
    expect(clausesOf(form).clauses.certification).toEqual({ required: 'ORGANIC', schemeName: null });
    form.certificationRequired = 'OTHER';
    expect(clausesOf(form).problems.get('clauses.certification.schemeName')).toMatch(/obligatorio/);
    form.certificationSchemeName = ' UTZ ';
    expect(clausesOf(form).clauses.certification).toEqual({ required: 'OTHER', schemeName: 'UTZ' });
    const stored = formOf({ ...clausesOf(form).clauses, certification: { required: 'FAIRTRADE', schemeName: null } });
    expect(stored.certificationRequired).toBe('FAIRTRADE');
    stored.certificationRequired = '';
    expect(clausesOf(stored).clauses.certification).toBeNull();
    form.certificationRequired = '';
    expect(clausesOf(form).clauses).not.toHaveProperty('certification');
  });
});
