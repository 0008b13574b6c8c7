// The treasurer at the association's desktop (and on a phone): the closed sample fortnight with its
// reconciliation flags and statements as PDF, then the current fortnight settled, closed after a
// confirmation that says closing is final, and every member paid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { api, check, desktop, launch, limaToday, phone, signInAs } from './browser.mjs';

let browser;

describe('the treasurer', () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('reviews the closed fortnight, then settles, closes and pays the current one', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
    await signInAs(page, 'Rosa Flores Castillo');
    await page.getByRole('heading', { name: 'Liquidaciones quincenales' }).waitFor();
    await check(page, 'tesoreria-escritorio');
    const me = await api(context, 'GET', '/auth/me');
    const list = await api(context, 'GET', `/api/payments/v1/settlements?organisationId=${me.organisationId}`);
    const sample = list.find((s) => s.status === 'CLOSED');
    await page.locator(`[data-settlement="${sample.id}"] a`).click();
    await page.locator('[data-status="CLOSED"]').waitFor();
    assert.equal(await page.locator('[data-total="net"]').textContent(),
      `S/ ${Number(sample.net).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    const reconciliation = await api(context, 'GET',
      `/api/payments/v1/reconciliations?organisationId=${me.organisationId}&fortnightStart=${sample.periodStart}`);
    for (const flag of reconciliation.discrepancies) {
      assert.ok(await page.locator(`[data-flag="${flag.kind}"]`).count() > 0, `flag ${flag.kind} explained`);
    }
    assert.equal(await page.locator('tbody [data-producer]').count(), sample.producers);
    await check(page, 'liquidacion-cerrada-escritorio');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: 'Todas las liquidaciones (PDF)' }).click()]);
    assert.equal(readFileSync(await download.path()).subarray(0, 4).toString(), '%PDF');

    await page.getByRole('link', { name: 'Volver a las quincenas' }).click();
    await page.getByRole('button', { name: /Liquidar la quincena/ }).click();
    await page.locator('[data-status="OPEN"]').waitFor({ timeout: 120000 });
    await page.getByRole('button', { name: 'Cerrar quincena' }).click();
    await page.locator('[data-status="CLOSED"]').waitFor({ timeout: 120000 });
    assert.match(dialogs[0], /definitivo/);
    const unpaid = await page.locator('td[data-paid=""]').count();
    if (unpaid > 0) {
      await page.getByRole('button', { name: /Pagar a todos/ }).click();
      await page.locator('td[data-paid=""]').first().waitFor({ state: 'detached', timeout: 60000 });
    }
    const id = new URL(page.url()).hash.split('/')[2];
    const closed = await api(context, 'GET', `/api/payments/v1/settlements/${id}`);
    assert.equal(closed.status, 'CLOSED');
    assert.ok(closed.producers.every((p) => p.paidOn === limaToday()), 'every member paid today');
    await check(page, 'liquidacion-pagada-escritorio');

    const small = await phone(browser);
    const p = await small.newPage();
    await signInAs(p, 'Rosa Flores Castillo');
    await p.getByRole('heading', { name: 'Liquidaciones quincenales' }).waitFor();
    await check(p, 'tesoreria-360');
    await p.locator(`[data-settlement="${id}"] a`).click();
    await p.locator('[data-status="CLOSED"]').waitFor();
    await check(p, 'liquidacion-360');
    await small.close();
    await context.close();
  });
});
