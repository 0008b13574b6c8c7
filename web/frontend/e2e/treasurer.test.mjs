// The treasurer at the association's desktop (and on a phone): the closed sample fortnight with its
// reconciliation flags and statements as PDF, then the current fortnight settled, closed after a
// confirmation that says closing is final, and every member paid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { api, check, csvRows, desktop, launch, limaToday, pdfText, phone, showAll, signInAs } from './browser.mjs';

let browser;

describe('the treasurer', () => {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('reviews the closed fortnight, then settles, closes and pays the current one', async () => {
    const context = await desktop(browser);
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(d.type() === 'prompt' ? 'Registrado por error' : undefined); });
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
    assert.equal(await page.locator('tbody [data-producer]').count(), 50, 'members are shown 50 at a time');
    await showAll(page);
    assert.equal(await page.locator('tbody [data-producer]').count(), sample.producers);
    await check(page, 'liquidacion-cerrada-escritorio');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: 'Todas las liquidaciones (PDF)' }).click()]);
    assert.equal(readFileSync(await download.path()).subarray(0, 4).toString(), '%PDF');

    // Two charges on credit for a member who delivered today (the operator's journey runs first), one cancelled.
    await page.getByRole('link', { name: 'Volver a las quincenas' }).click();
    await page.getByRole('link', { name: /Cargos al crédito/ }).click();
    const members = await api(context, 'GET', `/api/contracts/v1/organisations/${me.organisationId}/producers?size=1000`);
    let member = null;
    for (const candidate of members.sort((a, b) => a.name.localeCompare(b.name, 'es'))) {
      const today = await api(context, 'GET', `/api/lots/v1/lots?producerId=${candidate.id}&from=${limaToday()}&to=${limaToday()}`);
      if (today.lots.some((l) => l.verdict === 'ACCEPTED' && l.status !== 'VOIDED')) {
        member = candidate;
        break;
      }
    }
    assert.ok(member, 'a member delivered accepted milk today');
    await page.locator('#member').fill(member.nationalId);
    await page.locator(`[data-producer="${member.id}"]`).click();
    await page.locator('#kind').selectOption('FEED');
    await page.locator('#description').fill('Concentrado, 2 sacos');
    await page.locator('#amount').fill('100.01');
    await page.locator('#instalments').selectOption('2');
    await page.getByRole('button', { name: 'Registrar cargo' }).click();
    await page.getByText('Cargo registrado').waitFor();
    await page.locator('#kind').selectOption('VETERINARY');
    await page.locator('#description').fill('Vacuna aftosa');
    await page.locator('#amount').fill('45');
    await page.locator('#instalments').selectOption('1');
    await page.getByRole('button', { name: 'Registrar cargo' }).click();
    await page.locator('tr[data-charge]').nth(1).waitFor();
    const feedRow = page.locator('tr[data-charge]', { hasText: 'Concentrado' });
    assert.match(await feedRow.textContent(), /S\/ 50\.00 desde .*S\/ 50\.01 desde/, 'armadas split as the rules say');
    await check(page, 'cargos-escritorio');
    await page.locator('tr[data-charge]', { hasText: 'Vacuna' }).getByRole('button', { name: 'Anular' }).click();
    await page.getByText('Cargo anulado').waitFor();
    const charges = await api(context, 'GET', `/api/payments/v1/charges?organisationId=${me.organisationId}&producerId=${member.id}`);
    assert.equal(charges.find((c) => c.description === 'Vacuna aftosa').status, 'CANCELLED');

    await page.getByRole('link', { name: 'Volver a las quincenas' }).click();
    // The run goes on in the background; the screen follows its steps with a progress bar.
    await page.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver(() => document.querySelectorAll('progress[max]').forEach((p) =>
        window.progressSeen.push(`${p.value}/${p.max}`))).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: /Liquidar la quincena/ }).click();
    await page.locator('[data-status="OPEN"]').waitFor({ timeout: 120000 });
    const seen = await page.evaluate(() => window.progressSeen);
    assert.ok(seen.length > 0 && seen.every((x) => /^\d+\/7$/.test(x)), `a progress bar fed by the run's 7 steps: ${seen}`);
    await page.getByRole('button', { name: 'Cerrar quincena' }).click();
    await page.locator('[data-status="CLOSED"]').waitFor({ timeout: 120000 });
    assert.ok(dialogs.some((m) => /definitivo/.test(m)), 'closing asked for a confirmation that says it is final');
    await showAll(page);
    const id = new URL(page.url()).hash.split('/')[2];
    // Another treasurer pays one member, on another day, while this screen still shows them unpaid: that
    // payout is refused and named, every other one is recorded.
    const first = page.locator('tr[data-producer]:has(td[data-paid=""])').first();
    const paidElsewhere = await first.getAttribute('data-producer');
    const paidElsewhereName = (await first.locator('a').textContent()).trim();
    const yesterday = new Date(Date.now() - 86400000).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
    await api(context, 'POST', `/api/payments/v1/settlements/${id}/payouts/batch`,
      { payouts: [{ producerId: paidElsewhere, paidOn: yesterday }] });
    await page.getByRole('button', { name: /Pagar a todos/ }).click();
    const refusal = page.locator('p.error[role="alert"]');
    await refusal.waitFor({ timeout: 60000 });
    assert.match(await refusal.textContent(), new RegExp(`un pago no se registró\\. ${paidElsewhereName}: Ya se registró el pago del ${yesterday.split('-').reverse().join('/')}`));
    await check(page, 'liquidacion-pago-rechazado-escritorio');
    await page.reload();
    await page.locator('[data-status="CLOSED"]').waitFor();
    await showAll(page);
    assert.equal(await page.locator('td[data-paid=""]').count(), 0, 'nobody left unpaid');
    const closed = await api(context, 'GET', `/api/payments/v1/settlements/${id}`);
    assert.equal(closed.status, 'CLOSED');
    assert.deepEqual(closed.producers.filter((p) => p.paidOn !== limaToday()).map((p) => [p.producerId, p.paidOn]),
      [[paidElsewhere, yesterday]], 'every member paid today but the one paid elsewhere the day before');
    const after = await api(context, 'GET', `/api/payments/v1/charges?organisationId=${me.organisationId}&producerId=${member.id}`);
    const feed = after.find((c) => c.description === 'Concentrado, 2 sacos');
    const cents = (x) => Math.round(Number(x) * 100);
    assert.equal(cents(feed.recovered) + cents(feed.remaining), 10001, 'what was recovered and what is left make the charge');
    assert.ok(cents(feed.recovered) <= 5000, 'at most the first armada falls due this fortnight');
    const totals = closed.producers.find((p) => p.producerId === member.id);
    assert.ok(cents(totals.deductions) > 0 && cents(totals.net) >= 0, 'a due armada deducted, never below zero');
    assert.equal(cents(totals.net), cents(totals.gross) - cents(totals.deductions));
    await check(page, 'liquidacion-pagada-escritorio');

    // The member's statement on screen, then as the PDF handed to them: their DNI and the same net.
    await showAll(page);
    await page.locator(`tr[data-producer="${member.id}"] a`).click();
    await page.getByRole('heading', { name: member.name }).waitFor();
    await check(page, 'liquidacion-socio-escritorio');
    const statement = await api(context, 'GET', `/api/payments/v1/settlements/${id}/statements/${member.id}`);
    const net = `S/ ${Number(statement.net).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    assert.equal(await page.locator('[data-total="net"]').textContent(), net);
    assert.equal(await page.locator('[data-deduction]').count(), statement.deductions.length);
    const [pdf] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Liquidación (PDF)' }).click()]);
    const text = await pdfText(readFileSync(await pdf.path()));
    assert.ok(text.includes(member.nationalId), 'the PDF names the member by DNI');
    assert.ok(text.includes(member.name), 'and by name');
    assert.match(text, new RegExp(`Neto a pagar\\s+${net.replace('/', '\\/').replace('.', '\\.')}`), `the PDF's net is ${net}`);
    assert.ok(text.includes('Asociación de Productores Lecheros de Laredo'), "the association's name");
    assert.ok(text.includes('Concentrado, 2 sacos'), 'the feed deducted, by its description');
    await page.getByRole('link', { name: 'Volver a la quincena' }).click();

    // The same figures in the spreadsheet as on the screen.
    const [csv] = await Promise.all([page.waitForEvent('download'),
      page.locator(`[data-csv="liquidacion-${closed.periodStart}.csv"]`).click()]);
    const rows = await csvRows(readFileSync(await csv.path(), 'utf8'));
    await showAll(page);
    assert.equal(rows.length, closed.producers.length);
    for (const p of closed.producers) {
      const row = rows.find((r) => Object.values(r).includes(p.producerId));
      assert.ok(row, `a row for ${p.producerId}`);
      const onScreen = await page.locator(`tr[data-producer="${p.producerId}"] td.num strong`).textContent();
      assert.equal(`S/ ${Number(row["Neto (S/)"]).toLocaleString('en-US', { minimumFractionDigits: 2 })}`, onScreen);
    }

    // Charts of the organisation's days and fortnights, with their figures in tables.
    await page.getByRole('link', { name: 'Volver a las quincenas' }).click();
    await page.getByRole('link', { name: /Indicadores/ }).click();
    await page.locator('[data-chart="daily"] canvas').waitFor();
    const days = await api(context, 'GET', `/api/lots/v1/lot-statistics/daily?from=${closed.periodStart}&to=${limaToday()}`);
    assert.ok(days.length > 0);
    assert.equal(await page.locator('[data-chart="daily"] tr[data-day]').count(),
      (await api(context, 'GET', `/api/lots/v1/lot-statistics/daily?from=${
        new Date(Date.now() - 29 * 86400000).toLocaleDateString('en-CA', { timeZone: 'America/Lima' })}&to=${limaToday()}`)).length);
    assert.ok(await page.locator(`[data-chart="money"] tr[data-fortnight="${closed.periodStart}"]`).count() === 1);
    await page.locator('[data-chart="solids"] canvas').waitFor();
    await check(page, 'indicadores-escritorio');

    const small = await phone(browser);
    const p = await small.newPage();
    await signInAs(p, 'Rosa Flores Castillo');
    await p.getByRole('heading', { name: 'Liquidaciones quincenales' }).waitFor();
    await check(p, 'tesoreria-360');
    await p.locator(`[data-settlement="${id}"] a`).click();
    await p.locator('[data-status="CLOSED"]').waitFor();
    await check(p, 'liquidacion-360');
    await showAll(p);
    await p.locator(`tr[data-producer="${member.id}"] a`).click();
    await p.getByRole('heading', { name: member.name }).waitFor();
    await check(p, 'liquidacion-socio-360');
    await p.goto(`${p.url().split('#')[0]}#/indicadores`);
    await p.locator('[data-chart="daily"] canvas').waitFor();
    await check(p, 'indicadores-360');
    await small.close();

    // The auditor finds this closing in the trail, by resource and date.
    for (const [make, tag] of [[desktop, 'escritorio'], [phone, '360']]) {
      const auditor = await make(browser);
      const a = await auditor.newPage();
      await signInAs(a, 'Jorge Salazar Ríos');
      await a.getByRole('heading', { name: 'Auditoría' }).waitFor();
      await a.locator('#type').selectOption('Settlement');
      await a.locator('#rid').fill(id);
      await a.locator('#from').fill(limaToday());
      await a.getByRole('button', { name: 'Buscar' }).click();
      await a.getByText(/cambios encontrados/).waitFor();
      await showAll(a); // newest first: each member's payout, then the closing
      const closing = a.locator(`tr[data-audit="CLOSED"][data-resource="${id}"]`);
      await closing.waitFor();
      assert.match(await closing.textContent(), /cerró/);
      assert.ok(await a.locator(`tr[data-audit="PAID"][data-resource="${id}"]`).count() > 0, 'the payouts too');
      await check(a, `auditoria-${tag}`);
      await auditor.close();
    }
    await context.close();
  });
});
