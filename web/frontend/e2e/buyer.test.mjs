// The processor's manager: what the plant owes each association per fortnight, when it falls due, what
// was already remitted and the balance, on screen and in a spreadsheet with the same figures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, csvRows, desktop, launch, phone, signInAs } from './browser.mjs';

let browser;
const soles = (x) => `S/ ${Number(x).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe("the buyer's manager", () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('sees what the plant owes per fortnight and association, and downloads it as CSV', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await signInAs(page, 'Luis Mendoza Paredes');
    await page.waitForFunction(() => location.hash !== '' && location.hash !== '#/entrar');
    await page.goto(`${WEB}/#/comprador`);
    await page.getByRole('heading', { name: /Lo que debe Planta Lechera del Norte/ }).waitFor();
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
    const from = new Date(Date.now() - 90 * 86400000).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
    const dues = await api(context, 'GET', `/api/payments/v1/buyer-dues?from=${from}&to=${today}`);
    const settled = dues.fortnights.find((f) => f.lines.some((l) => l.settled));
    assert.ok(settled, 'the sample fortnight is settled and closed');
    for (const line of settled.lines) {
      const row = page.locator(`table[data-fortnight="${settled.periodStart}"] tr[data-organisation="${line.organisationId}"]`);
      assert.match(await row.textContent(), new RegExp(line.organisationName));
      assert.equal(await row.locator('[data-label="Adeudado"]').getAttribute('data-due'), String(line.amountDue ?? ''));
      assert.match(await row.textContent(), new RegExp(soles(line.remitted).replace('/', '\\/').replace('.', '\\.')));
    }
    await check(page, 'comprador-escritorio');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar CSV' }).click()]);
    const rows = await csvRows(readFileSync(await download.path(), 'utf8'));
    for (const line of settled.lines) {
      const row = rows.find((r) => r.Quincena === settled.periodStart && r['Organización'] === line.organisationName);
      assert.ok(row, `a row for ${line.organisationName}`);
      assert.equal(Number(row['Importe adeudado (S/)']), Number(line.amountDue));
      assert.equal(Number(row['Remitido (S/)']), Number(line.remitted));
      assert.equal(row.Estado, 'Final');
    }

    const small = await phone(browser);
    const p = await small.newPage();
    await signInAs(p, 'Luis Mendoza Paredes');
    await p.waitForFunction(() => location.hash !== '' && location.hash !== '#/entrar');
    await p.goto(`${WEB}/#/comprador`);
    await p.getByRole('heading', { name: /Lo que debe/ }).waitFor();
    await check(p, 'comprador-360');
    await small.close();
    await context.close();
  });

  it("lets the association's manager choose the buyer and see only the association's own lines", async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    await signInAs(page, 'Carmen Vásquez Reyes');
    await page.getByRole('link', { name: /Lo que debe el comprador/ }).click();
    await page.getByRole('link', { name: 'Planta Lechera del Norte S.A.C.' }).click();
    await page.getByRole('heading', { name: /Lo que debe Planta Lechera del Norte/ }).waitFor();
    const me = await api(context, 'GET', '/auth/me');
    const rows = await page.locator('tr[data-organisation]').evaluateAll((trs) => trs.map((tr) => tr.dataset.organisation));
    assert.ok(rows.length > 0 && rows.every((id) => id === me.organisationId), 'only its own lines');
    await check(page, 'comprador-asociacion-escritorio');
    await context.close();
  });
});
