// A producer on the family's phone: their own payments (with the statement as PDF), deliveries with
// verdicts and reasons, and what is left to pay; nothing of another producer's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, desktop, launch, pdfText, phone, signInAs } from './browser.mjs';

let browser;

describe('a producer', () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('sees exactly their own statements, deliveries and debts, and downloads a statement as PDF', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(WEB);
    const entry = page.getByRole('button', { name: /Productor\(a\)/ });
    const name = (await entry.locator('strong').textContent()).replace('Entrar como ', '');
    await entry.click();
    await page.getByRole('heading', { name: 'Mis pagos' }).waitFor();
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
});
