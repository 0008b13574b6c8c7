// A tanker from the Laredo centre to the plant, in a real browser against the real stack: the operator
// pools 30 accepted lots of the sample (settled and paid) fortnight, records a loss, and sends it even
// though the first answer is lost on the way (the retry does not double it); the plant rejects it; the
// shipment's trace shows which lots, whose, their readings at the centre, and what each producer's
// statement says about them; the EPCIS history downloads as JSON-LD.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, desktop, eventually, launch, limaToday, phone, signInAs } from './browser.mjs';

const REFERENCE = `Cisterna T4B-872 guía ${Date.now() % 100000}`;
const POOLED = 30;
let browser;
let shipmentId;
let pooled; // the lots chosen, as lots-service has them

/** The last complete fortnight before today in Lima: the sample's settled and paid one (SampleLots). */
function sampleFortnight(today) {
  const [y, m, d] = today.split('-').map(Number);
  const pad = (n) => String(n).padStart(2, '0');
  if (d > 15) return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-15` };
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  return { from: `${py}-${pad(pm)}-16`, to: `${py}-${pad(pm)}-${last}` };
}

const litres = (x) => `${Number(x).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 3 })} L`;

/** The exact sum of quantities with up to 3 decimals, in thousandths. */
const thousandths = (values) => values.reduce((s, v) => s + Math.round(Number(v) * 1000), 0);

describe('a tanker from the Laredo centre to the plant', () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('pools 30 accepted lots with a loss, and a lost answer retried does not double it', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await signInAs(page, 'Julia Ramos Alvarado');
    await page.getByRole('heading', { name: 'Centro y turno' }).waitFor();
    await page.getByRole('button', { name: 'Mañana' }).click();
    await page.locator('input[name="operator"]:checked').waitFor();
    await page.getByRole('button', { name: 'Empezar' }).click();
    await page.locator('[data-count="pending"]').waitFor();
    await page.getByRole('link', { name: /Envíos del centro/ }).click();
    await page.getByRole('heading', { name: /Envíos/ }).waitFor();
    await check(page, 'envios-360');

    await page.getByRole('link', { name: 'Nuevo envío' }).click();
    await page.locator('#lots-from').waitFor();
    const { to: day } = sampleFortnight(limaToday());
    const centre = (await api(context, 'GET', '/api/lots/v1/collection-centres'))[0].id;
    const sheet = await api(context, 'GET', `/api/lots/v1/collection-centres/${centre}/sheet?date=${day}`);
    const ofTheDay = new Set(sheet.lots.map((l) => l.id));
    await page.locator('#lots-from').fill(day);
    await page.locator('#lots-to').fill(day);
    // Filling "Desde" first shows that day to today for a moment (lots recorded today by other journeys among
    // them): wait for the list of the chosen day alone.
    const picks = () => page.locator('[data-pick]').evaluateAll((boxes) => boxes.map((b) => b.dataset.pick));
    await eventually('the accepted lots of that day offered', async () => {
      const ids = await picks();
      return ids.length >= POOLED && ids.every((id) => ofTheDay.has(id));
    });
    const ids = (await picks()).slice(0, POOLED);
    for (const id of ids) await page.locator(`[data-pick="${id}"]`).check();
    pooled = sheet.lots.filter((l) => ids.includes(l.id));
    assert.equal(pooled.length, POOLED);
    assert.ok(pooled.every((l) => l.verdict === 'ACCEPTED' && l.status === 'RECORDED'), 'only accepted, standing lots are offered');
    const total = thousandths(pooled.map((l) => l.quantity));
    await page.locator('[data-total="lots"]', { hasText: litres(total / 1000) }).waitFor();

    await page.getByRole('button', { name: 'Agregar merma' }).click();
    await page.locator('#f-losses-0-quantity').fill('12,5');
    await page.locator('#f-losses-0-reason').fill('Derrame al trasvasar a la cisterna');
    await page.locator('#f-reference').fill(REFERENCE);
    await page.locator('#f-buyerId').selectOption({ index: 1 });
    assert.equal(await page.locator('[data-total="losses"]').textContent(), '12.5 L');
    assert.equal(await page.locator('[data-total="shipped"]').textContent(), litres((total - 12500) / 1000));
    await check(page, 'envio-nuevo-360');

    // The first answer is lost on the way back: the shipment reached lots-service, the phone heard nothing.
    let lost = 0;
    await page.route('**/api/lots/v1/shipments', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.locator('#save').click();
    await page.getByText(/no se duplicará/).waitFor();
    await page.unroute('**/api/lots/v1/shipments');
    await page.locator('#save').click();
    await page.locator('[data-status="DISPATCHED"]').waitFor();
    shipmentId = new URL(page.url()).hash.split('/')[2];
    const listed = await api(context, 'GET', `/api/lots/v1/shipments?centreId=${centre}&from=${day}&to=${limaToday()}`);
    assert.equal(listed.filter((s) => s.reference === REFERENCE).length, 1, 'the retry answered the same shipment');
    assert.equal(await page.locator('[data-total="shipped"]').textContent(), litres((total - 12500) / 1000));
    assert.equal(await page.locator('tr[data-lot]').count(), POOLED);
    await check(page, 'envio-360');

    // The plant's laboratory rejects the tanker.
    await page.getByLabel('Rechazado').check();
    await page.getByRole('button', { name: 'Agregar lectura' }).click();
    await page.locator('#f-readings-0-value').fill('11.2');
    await page.locator('#f-note').fill('Prueba de alcohol positiva en la planta');
    await page.getByRole('button', { name: 'Registrar resultado' }).click();
    await page.locator('[data-status="REJECTED"]').first().waitFor();
    await page.locator('[data-tie]').waitFor();
    assert.match(await page.locator('[data-tie]').textContent(), new RegExp(`Sus ${POOLED} lotes`));
    await check(page, 'envio-rechazado-360');

    // A lot already shipped is offered no more.
    await page.goto(`${WEB}/#/envios/nuevo?centro=${centre}`);
    await page.locator('#lots-from').fill(day);
    await page.locator('#lots-to').fill(day);
    await page.locator('[data-pick], .empty').first().waitFor();
    const offered = await page.locator('[data-pick]').evaluateAll((boxes) => boxes.map((b) => b.dataset.pick));
    assert.ok(ids.every((id) => !offered.includes(id)), 'the shipped lots are not offered again');
    await page.getByRole('button', { name: 'Descartar y volver' }).click();
    await context.close();
  });

  it("traces the plant's rejection to the lots, their producers and what each statement says, and downloads EPCIS", async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await signInAs(page, 'Carmen Vásquez Reyes');
    await page.getByRole('link', { name: /Envíos/ }).first().click();
    await page.getByRole('heading', { name: /Envíos/ }).waitFor();
    if (await page.locator('#centre').count()) {
      await page.locator('#centre').selectOption({ index: 1 });
    }
    await page.locator(`tr[data-shipment="${shipmentId}"] a`).click();
    await page.locator('[data-tie]').waitFor();

    const trace = await api(context, 'GET', `/api/lots/v1/shipments/${shipmentId}/trace`);
    assert.equal(trace.shipment.status, 'REJECTED');
    assert.deepEqual(trace.lots.map((l) => l.lotId).sort(), pooled.map((l) => l.id).sort());
    const producers = new Set(pooled.map((l) => l.producerId));
    assert.equal(trace.producers.length, producers.size);
    for (const lot of pooled) {
      const row = page.locator(`tr[data-lot="${lot.id}"]`);
      assert.match(await row.textContent(), /ACEPTADO/, 'accepted at the centre');
      // The sample fortnight is closed and every member paid: the statement says so beside the lot.
      assert.equal(await row.locator('[data-paid]').getAttribute('data-paid'), 'true');
    }
    assert.match(await page.locator('[data-tie]').textContent(), new RegExp(`${POOLED} ya se pagaron`));
    await check(page, 'envio-rechazado-escritorio');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-epcis]').click()]);
    const epcis = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(epcis.type, 'EPCISDocument');
    assert.match(JSON.stringify(epcis['@context']), /epcis/i);
    const events = epcis.epcisBody.eventList;
    assert.ok(events.some((e) => e.type === 'AggregationEvent'), 'the pooling is an AggregationEvent');
    assert.equal(events.filter((e) => e.type === 'ObjectEvent' && e.bizStep === 'receiving').length, POOLED, 'one receipt per lot');
    assert.ok(events.some((e) => e.bizStep === 'shipping'), 'the dispatch is a shipping event');

    await page.goto(`${WEB}/#/envios`);
    await page.getByRole('heading', { name: /Envíos/ }).waitFor();
    if (await page.locator('#centre').count()) await page.locator('#centre').selectOption({ index: 1 });
    await page.locator(`tr[data-shipment="${shipmentId}"]`).waitFor();
    await check(page, 'envios-escritorio');
    await page.getByRole('link', { name: 'Nuevo envío' }).click();
    await page.locator('[data-pick], .empty').first().waitFor();
    await check(page, 'envio-nuevo-escritorio');
    await page.getByRole('button', { name: 'Descartar y volver' }).click();
    await context.close();
  });
});
