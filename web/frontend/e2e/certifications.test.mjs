// The manager's certificates and EUDR parcels in a real browser against the real stack: a group organic
// certificate for the whole organisation, recorded through the form, shows on the expiring list ("vence en
// 20 días") and on a member's page; the member's cacao plot typed as "latitud, longitud" lines is first a
// bow-tie, which contracts-service refuses naming the crossing point (shown on the field, in the order
// it was typed), then a square of 6 ha, accepted and drawn; an agreement that requires the organic
// certificate shows it, and the member's own expired certificate it still requires heads the list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, desktop, launch, limaToday, phone, signInAs } from './browser.mjs';

const MANAGER = 'Carmen Vásquez Reyes';
const today = limaToday();
const CODE = `CU-PE-ORG-${Date.now() % 1000000}`;

function plusDays(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ddmmyyyy = (iso) => iso.split('-').reverse().join('/');

// About 245 m a side near Moyobamba (San Martín): 6 ha. The bow-tie visits the same corners crossed.
const SQUARE = ['-6.483210, -76.372915', '-6.483210, -76.370700', '-6.485425, -76.370700', '-6.485425, -76.372915'];
const BOW_TIE = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]];

let browser;
let me;
let producer;
let certificationId;

describe("the manager's certificates and parcels", () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('records a group organic certificate, seen on the expiring list', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await signInAs(page, MANAGER);
    await page.getByRole('link', { name: /^Certificaciones/ }).click();
    await page.getByRole('heading', { name: 'Certificaciones' }).waitFor();
    me = await api(context, 'GET', '/auth/me');
    await page.getByRole('link', { name: 'Registrar un certificado' }).click();
    await page.getByRole('heading', { name: 'Registrar un certificado' }).waitFor();
    assert.equal(await page.locator('input[name="holder"][value="organisation"]').isChecked(), true, 'a group certificate by default');
    await page.locator('#f-scheme').selectOption('ORGANIC');
    await page.locator('#f-certifier').fill('Control Union Perú');
    await page.locator('#f-code').fill(CODE);
    await page.locator('[data-product="cacao"]').check();
    await page.locator('#f-validFrom').fill(plusDays(today, -345));
    // Ending before it starts: refused on its field before anything is sent.
    await page.locator('#f-validTo').fill(plusDays(today, -400));
    await page.getByRole('button', { name: 'Registrar el certificado' }).click();
    await page.locator('#f-validTo[aria-invalid="true"]').waitFor();
    assert.equal(await page.locator('#f-validTo-error').textContent(), 'Termina antes de empezar');
    await check(page, 'cert-nuevo-escritorio');
    await page.locator('#f-validTo').fill(plusDays(today, 20));
    await page.locator('#f-documentRef').fill('certificados/organico-2026.pdf');
    await page.getByRole('button', { name: 'Registrar el certificado' }).click();
    await page.locator('[data-flash]', { hasText: CODE }).waitFor();

    const kept = await api(context, 'GET', `/api/contracts/v1/certifications?organisationId=${me.organisationId}`);
    const mine = kept.find((c) => c.code === CODE);
    certificationId = mine.id;
    assert.equal(mine.holderOrganisationId, me.organisationId, 'held by the organisation: a group certificate');
    assert.deepEqual(mine.products, ['cacao']);
    assert.equal(mine.validTo, plusDays(today, 20));
    assert.match(await page.locator(`tr[data-certification="${mine.id}"]`).textContent(), /Toda la organización.*grupal.*Orgánico.*Control Union Perú/s);
    // An agreement of an earlier run on the same stack may already require organic of a member it covers.
    assert.match(await page.locator(`[data-expiring-id="${mine.id}"] [data-expiry]`).textContent(),
      /^vence en 20 días( — exigido por \d+ acuerdos?)?$/);
    await check(page, 'cert-lista-escritorio');
    await context.close();
  });

  it("registers a member's cacao parcel: a bow-tie is refused at its crossing, a 6 ha square is drawn", async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await signInAs(page, MANAGER);
    await page.getByRole('heading', { name: 'Gestión' }).waitFor();
    producer = await api(context, 'POST', `/api/contracts/v1/organisations/${me.organisationId}/producers`, {
      id: crypto.randomUUID(), nationalId: String(90000000 + Math.floor(Math.random() * 9999999)),
      name: 'Zoila Huamán Tapullima', district: 'Moyobamba', region: 'San Martín' });
    await page.goto(`${WEB}/#/socios/${producer.id}`);
    await page.getByRole('heading', { name: 'Parcelas (EUDR)' }).waitFor();
    // The organisation's group certificate covers every member.
    await page.locator(`tr[data-certification="${certificationId}"]`).waitFor();

    await page.getByText('Registrar una parcela').click();
    await page.locator('#f-parcel-name').fill('La Esperanza');
    await page.locator('#f-parcel-product').selectOption('cacao');
    await page.locator('#f-parcel-declaredAreaHectares').fill('6.0');
    await page.locator('#f-parcel-geometry').fill(BOW_TIE.join('\n'));
    await page.locator('#f-parcel-deforestationFreeSince2020').check();
    await page.getByRole('button', { name: 'Registrar la parcela' }).click();
    await page.locator('#f-parcel-geometry[aria-invalid="true"]').waitFor();
    const refusal = await page.locator('[data-geometry-error]').textContent();
    assert.match(refusal, /se cruza consigo mismo en \[-76\.37\d+, -6\.48\d+\] \(longitud, latitud\)/);
    assert.match(refusal, /en el orden del formulario: -6\.48\d+, -76\.37\d+ \(latitud, longitud\)/);
    assert.equal(await page.locator('[data-parcel]').count(), 0, 'nothing registered');
    await check(page, 'parcel-rechazada-escritorio');

    await page.locator('#f-parcel-geometry').fill(SQUARE.join('\n'));
    await page.getByRole('button', { name: 'Registrar la parcela' }).click();
    await page.locator('[data-parcel]').waitFor();
    const parcels = await api(context, 'GET', `/api/contracts/v1/producers/${producer.id}/parcels`);
    assert.equal(parcels.features.length, 1);
    const [parcel] = parcels.features;
    assert.equal(parcel.geometry.type, 'Polygon');
    assert.equal(parcel.geometry.coordinates[0].length, 5, 'the typed ring, closed');
    assert.deepEqual(parcel.geometry.coordinates[0][0], [-76.372915, -6.48321]);
    const measured = Number(parcel.properties.computedAreaHectares);
    assert.ok(Math.abs(measured - 6) < 0.6, `measured ${measured} ha`);
    const card = page.locator(`[data-parcel="${parcel.id}"]`);
    assert.match(await card.locator('[data-area]').textContent(), new RegExp(`Declarada 6\\.00 ha · medida ${measured.toFixed(2).replace('.', '\\.')}`));
    assert.equal(await card.locator('[data-deforestation]').textContent(), 'Declarada libre de deforestación desde el 31/12/2020');
    assert.equal(await card.locator('svg path').count(), 1, 'its outline drawn');
    await check(page, 'parcel-socio-escritorio');
    await context.close();
  });

  it("shows the certificate an agreement requires, and the member's expired one it still requires, on a phone", async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await signInAs(page, MANAGER);
    await page.getByRole('heading', { name: 'Gestión' }).waitFor();
    const agreement = await api(context, 'POST', '/api/contracts/v1/agreements', {
      id: crypto.randomUUID(), buyerId: me.organisationId, counterparty: { type: 'PRODUCER', id: producer.id }, product: 'cacao',
      startDate: plusDays(today, -30), endDate: plusDays(today, 335),
      clauses: { quality: { parameters: [] }, price: { currency: 'PEN', basePrice: 9.5, paymentFrequency: 'FORTNIGHTLY', paymentTermDays: 7 },
        certification: { required: 'ORGANIC', schemeName: null } } });
    await api(context, 'POST', `/api/contracts/v1/agreements/${agreement.id}/activation`, {});
    const expired = await api(context, 'POST', '/api/contracts/v1/certifications', {
      id: crypto.randomUUID(), producerId: producer.id, scheme: 'ORGANIC', certifier: 'CERES', products: ['cacao'],
      code: `CERES-${CODE}`, validFrom: plusDays(today, -400), validTo: plusDays(today, -3) });

    await page.goto(`${WEB}/#/acuerdos/${agreement.id}`);
    await page.locator('[data-certification-required="ORGANIC"]').waitFor();
    assert.equal(await page.locator('[data-certification-required]').textContent(), 'Certificado Orgánico vigente el día de cada entrega');
    await check(page, 'cert-acuerdo-360');

    await page.goto(`${WEB}/#/gestion`);
    await page.getByRole('link', { name: /^Certificaciones/ }).click();
    await page.locator(`[data-expiring-id="${expired.id}"]`).waitFor();
    assert.equal(await page.locator(`[data-expiring-id="${expired.id}"] [data-expiry]`).textContent(),
      `venció el ${ddmmyyyy(plusDays(today, -3))} — exigido por 1 acuerdo`);
    // The ended one comes first: soonest end first.
    const order = await page.locator('[data-expiring-id]').evaluateAll((cards) => cards.map((c) => c.dataset.expiringId));
    assert.ok(order.indexOf(expired.id) < order.indexOf(certificationId));
    await check(page, 'cert-lista-360');

    await page.getByRole('link', { name: 'Registrar un certificado' }).click();
    await page.locator('input[name="holder"][value="producer"]').check();
    await page.locator('#f-scheme').selectOption('OTHER');
    await page.locator('#f-schemeName').waitFor();
    await check(page, 'cert-nuevo-360');

    await page.goto(`${WEB}/#/socios/${producer.id}`);
    await page.locator('[data-parcel]').waitFor();
    await page.getByText('Registrar una parcela').click();
    await page.locator('[data-shape="Point"]').click();
    await page.locator('#parcel-lat').fill('-6.4832');
    await page.locator('#parcel-lon').fill('-76.372915');
    await page.locator('#f-parcel-name').fill('Bajo');
    await page.locator('#f-parcel-declaredAreaHectares').fill('3.5');
    await page.getByRole('button', { name: 'Registrar la parcela' }).click();
    await page.locator('#parcel-lat[aria-invalid="true"]').waitFor();
    assert.match(await page.locator('[data-geometry-error]').textContent(), /al menos 6 decimales/);
    await check(page, 'parcel-socio-360');

    await page.goto(`${WEB}/#/acuerdos/${agreement.id}/adenda`);
    await page.locator('#f-clauses-certification-required').waitFor();
    assert.equal(await page.locator('#f-clauses-certification-required').inputValue(), 'ORGANIC', 'the amendment starts from the clause');
    await page.locator('#f-clauses-certification-required').scrollIntoViewIfNeeded();
    await check(page, 'cert-clausula-360');
    await context.close();

    // The same two screens at a desk.
    const desk = await desktop(browser);
    const wide = await desk.newPage();
    await signInAs(wide, MANAGER);
    await wide.getByRole('heading', { name: 'Gestión' }).waitFor();
    await wide.goto(`${WEB}/#/acuerdos/${agreement.id}`);
    await wide.locator('[data-certification-required="ORGANIC"]').waitFor();
    await check(wide, 'cert-acuerdo-escritorio');
    await wide.goto(`${WEB}/#/acuerdos/${agreement.id}/adenda`);
    await wide.locator('#f-clauses-certification-required').waitFor();
    await check(wide, 'cert-clausula-escritorio');
    await desk.close();
  });
});
