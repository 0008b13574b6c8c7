// A producer on the family's phone: their own payments (with the statement as PDF), deliveries with
// verdicts and reasons, a rejection contested, and what is left to pay; nothing of another producer's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, desktop, launch, pdfText, phone, signInAs } from './browser.mjs';

let browser;

/** The sign-in page's producer entry, on a phone, at their own page; with the name the entry shows. */
async function theSampleProducerOnAPhone() {
  const context = await phone(browser);
  const page = await context.newPage();
  await page.goto(WEB);
  const entry = page.getByRole('button', { name: /Productor\(a\)/ });
  const name = (await entry.locator('strong').textContent()).replace('Entrar como ', '');
  await entry.click();
  await page.getByRole('heading', { name: 'Mis pagos' }).waitFor();
  return { context, page, name };
}

describe('a producer', () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('sees exactly their own statements, deliveries and debts, and downloads a statement as PDF', async () => {
    const { context, page, name } = await theSampleProducerOnAPhone();
    const me = await api(context, 'GET', '/auth/me');
    const own = await api(context, 'GET', '/api/payments/v1/statements');
    assert.ok(own.length >= 1, 'the sample fortnight is settled');
    assert.ok(own.every((s) => s.producerId === me.producerId));
    assert.equal(await page.locator('[data-statement]').count(), own.length);
    const closed = own.find((s) => s.status === 'CLOSED');
    assert.match(await page.locator(`[data-statement="${closed.settlementId}"]`).textContent(), /Pagado el/);
    const shownLots = await page.locator('[data-lot]').evaluateAll((els) => els.map((e) => e.dataset.lot));
    for (const id of shownLots) {
      const lot = await api(context, 'GET', `/api/lots/v1/lots/${id}`);
      assert.equal(lot.producerId, me.producerId, `lot ${id} is the producer's own`);
    }
    await check(page, 'productor-mio-360');

    const [download] = await Promise.all([page.waitForEvent('download'),
      page.locator(`[data-statement="${closed.settlementId}"]`).getByRole('button', { name: /PDF/ }).click()]);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    const statement = await api(context, 'GET', `/api/payments/v1/settlements/${closed.settlementId}/statements/${me.producerId}`);
    const text = await pdfText(pdf);
    assert.ok(text.includes(statement.producerNationalId) && text.includes(statement.producerName), 'their own DNI and name');
    assert.ok(text.includes(`S/ ${Number(statement.net).toLocaleString('en-US', { minimumFractionDigits: 2 })}`), 'their net');

    // Another member's figures are not theirs to see.
    const treasurer = await desktop(browser);
    const tp = await treasurer.newPage();
    await signInAs(tp, 'Rosa Flores Castillo');
    await tp.getByRole('heading', { name: 'Liquidaciones quincenales' }).waitFor();
    const settlement = await api(treasurer, 'GET', `/api/payments/v1/settlements/${closed.settlementId}`);
    const other = settlement.producers.map((p) => p.producerId).find((id) => id !== me.producerId);
    const refused = await context.request.get(`${WEB}/api/payments/v1/statements?producerId=${other}`);
    assert.equal(refused.status(), 404);
    const foreignPdf = await context.request.get(`${WEB}/api/payments/v1/settlements/${closed.settlementId}/statements`,
      { headers: { Accept: 'application/pdf' } });
    assert.ok([403, 404].includes(foreignPdf.status()), 'the whole settlement is not a producer\'s to read');
    await treasurer.close();

    const wide = await desktop(browser);
    const wp = await wide.newPage();
    await signInAs(wp, name);
    await wp.getByRole('heading', { name: 'Mis pagos' }).waitFor();
    await check(wp, 'productor-mio-escritorio');
    await wide.close();
    await context.close();
  });

  it('contests a rejected delivery, says why, and sees one claim open however it is sent again', async () => {
    const { context, page, name } = await theSampleProducerOnAPhone();
    const me = await api(context, 'GET', '/auth/me');
    // A rejection that stands is in view even when older than the latest ten: it may be contested.
    const contestable = page.locator('[data-lot]').filter({ has: page.getByRole('button', { name: 'Reclamar este rechazo' }) });
    assert.ok(await contestable.count() >= 1, 'the sample has a rejected delivery of theirs to contest');
    const lotId = await contestable.first().getAttribute('data-lot');
    const card = page.locator(`[data-lot="${lotId}"]`);
    assert.equal((await api(context, 'GET', `/api/lots/v1/lots/${lotId}`)).verdict, 'REJECTED');
    const claims = async () => (await api(context, 'GET', `/api/lots/v1/disputes?producerId=${me.producerId}`))
      .filter((d) => d.lotId === lotId);

    await card.getByRole('button', { name: 'Reclamar este rechazo' }).click();
    await card.getByRole('button', { name: 'Enviar reclamo' }).click();
    await card.getByText('Cuente por qué reclama').waitFor();
    assert.equal((await claims()).length, 0, 'nothing sent without a reason');

    const reason = 'La muestra se tomó sin agitar el porongo';
    await card.getByLabel('¿Por qué no está de acuerdo?').fill(reason);
    await check(page, 'productor-reclamo-360');
    await card.getByRole('button', { name: 'Enviar reclamo' }).click();
    await page.getByText('Reclamo enviado: su resultado aparecerá en Mis entregas').waitFor();
    const open = card.locator('[data-dispute="OPEN"]');
    await open.waitFor();
    assert.match(await open.textContent(), /Reclamo enviado el \d\d\/\d\d\/\d{4}: se analizará la contramuestra/);
    assert.equal(await card.getByRole('button', { name: 'Reclamar este rechazo' }).count(), 0);
    const [claim] = await claims();
    assert.deepEqual([(await claims()).length, claim.reason, claim.status], [1, reason, 'OPEN']);

    // The same request again (a double tap, a lost answer) answers the same claim; a second claim is refused.
    const again = await context.request.post(`${WEB}/api/lots/v1/lots/${lotId}/disputes`, { data: { id: claim.id, reason } });
    assert.equal(again.status(), 200);
    assert.equal((await again.json()).id, claim.id);
    const second = await context.request.post(`${WEB}/api/lots/v1/lots/${lotId}/disputes`,
      { data: { id: crypto.randomUUID(), reason: 'Otra vez' } });
    assert.equal(second.status(), 409);
    assert.equal((await claims()).length, 1);

    const wide = await desktop(browser);
    const wp = await wide.newPage();
    await signInAs(wp, name);
    await wp.locator(`[data-lot="${lotId}"] [data-dispute="OPEN"]`).waitFor();
    await check(wp, 'productor-reclamo-escritorio');
    await wide.close();
    await context.close();
  });
});
