// The treasurer's purchase ledger (Ley 32434) of the sample fortnight, settled and closed: every member
// is a small producer (a DNI), so the ledger sums to the settlement's gross to the céntimo, on screen and
// in the CSV; the XLSX downloads as a spreadsheet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { api, check, csvRows, desktop, launch, limaToday, phone, signInAs } from './browser.mjs';

let browser;
const soles = (x) => `S/ ${Number(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const centimos = (values) => values.reduce((s, v) => s + Math.round(Number(v) * 100), 0);

async function openLedger(page) {
  await signInAs(page, 'Rosa Flores Castillo');
  await page.getByRole('link', { name: /Registro de compras/ }).click();
  await page.getByRole('heading', { name: /Registro de compras/ }).waitFor();
}

describe("the treasurer's purchase ledger", () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it("lists the closed fortnight's purchases with totals per producer, summing to its gross, and downloads CSV and XLSX", async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await openLedger(page);
    const me = await api(context, 'GET', '/auth/me');
    const settlements = await api(context, 'GET', `/api/payments/v1/settlements?organisationId=${me.organisationId}`);
    const closed = settlements.filter((s) => s.status === 'CLOSED').sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
    assert.ok(closed, 'the sample fortnight is closed');
    await page.locator('#from').fill(closed.periodStart);
    await page.locator('#to').fill(closed.periodEnd);
    await page.locator(`[data-total="ledger"]`).filter({ hasText: soles(closed.gross) }).waitFor();

    const ledger = await api(context, 'GET', `/api/payments/v1/purchase-ledger?from=${closed.periodStart}&to=${closed.periodEnd}`);
    assert.equal(centimos(ledger.producers.map((p) => p.amount)), centimos([closed.gross]));
    for (const p of ledger.producers.slice(0, 50)) {
      assert.equal(await page.locator(`tr[data-producer="${p.producerId}"] [data-amount]`).getAttribute('data-amount'), String(p.amount));
    }
    await check(page, 'registro-compras-escritorio');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    assert.match(csv.suggestedFilename(), /^registro-compras-.*\.csv$/);
    const rows = await csvRows(readFileSync(await csv.path(), 'utf8'));
    const purchases = rows.filter((r) => r.Concepto === 'Compra');
    assert.equal(purchases.length, ledger.purchases.length);
    assert.equal(centimos(purchases.map((r) => r['Importe (S/)'])), centimos([closed.gross]));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="xlsx"]').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an Office Open XML (zip) workbook');
    await context.close();
  });

  it('reads on a phone, this year so far', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await openLedger(page);
    await page.locator('#preset').selectOption('this-year');
    await page.waitForFunction((first) => document.querySelector('#from')?.value === first, `${limaToday().slice(0, 4)}-01-01`);
    await page.locator('[data-total="ledger"]').waitFor();
    await check(page, 'registro-compras-360');
    await context.close();
  });
});
