// Fair dealing on screen: the association's manager records technical assistance the buyer delivered (a
// free visit for the whole network, a charged veterinary service for two members, which become their
// charges on credit), adds an incentive and a sanction rule by amendment, and reads the compliance of the
// network's agreement as payments-service computes it; a member opted in to notices by WhatsApp; the
// producer and the buyer's manager read their own compliance on a phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, desktop, eventually, launch, limaToday, phone, signInAs } from './browser.mjs';

const MANAGER = 'Carmen Vásquez Reyes';
const BUYER_MANAGER = 'Luis Mendoza Paredes';
const TREASURER = 'Rosa Flores Castillo';
// No other journey uses this network: what is recorded here changes nobody else's figures.
const NETWORK = 'Red San Pachusco';
const today = limaToday();
const at = (path) => `#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

let browser;
let context;
let page;
let agreement;
let members;

describe('compliance, assistance and notices', () => {
  before(async () => {
    browser = await launch();
    context = await desktop(browser);
    page = await context.newPage();
    page.on('dialog', (d) => d.accept());
    await signInAs(page, MANAGER);
    await page.getByRole('heading', { name: 'Gestión' }).waitFor();
    const me = await api(context, 'GET', '/auth/me');
    const networks = await api(context, 'GET', '/api/contracts/v1/organisations?kind=PRODUCER_GROUP&size=500');
    const network = networks.find((n) => n.name === NETWORK);
    const agreements = await api(context, 'GET', '/api/contracts/v1/agreements?size=100&status=ACTIVE');
    agreement = agreements.find((a) => a.counterparty.id === network.id);
    members = await api(context, 'GET', `/api/contracts/v1/organisations/${me.organisationId}/producers?groupId=${network.id}&size=500`);
    assert.ok(agreement && members.length >= 3, `the sample agreement of ${NETWORK} and its members`);
  });

  after(async () => { await browser?.close(); });

  it('records a free visit for the whole network and a charged veterinary service for two members', async () => {
    await page.goto(`${WEB}/#/acuerdos/${agreement.id}`);
    await page.getByRole('heading', { name: 'Asistencia técnica entregada' }).waitFor();
    await page.getByText('Registrar asistencia entregada').click();

    // Refused on the device, on its field: nobody named as having given it.
    await page.getByRole('button', { name: 'Registrar la asistencia' }).click();
    await page.locator(`${at('deliveredBy')}[aria-invalid="true"]`).waitFor();
    assert.equal(await page.locator(`${at('deliveredBy')}-error`).textContent(), 'Indique quién la dio');

    await page.locator(at('deliveredBy')).fill('Ing. Rolando Cruz (Planta Lechera del Norte)');
    await page.locator(at('description')).fill('Manejo de pastos y ordeño higiénico');
    await page.locator(at('cost')).fill('120'); // what the plant paid its engineer: its free assistance
    await page.locator('[data-charge-preview]', { hasText: 'Sin costo para los socios' }).waitFor();
    await page.getByRole('button', { name: 'Registrar la asistencia' }).click();
    await page.getByText(`Visitas técnicas del ${today.split('-').reverse().join('/')} registrada`).waitFor();

    await page.getByText('Registrar asistencia entregada').click();
    await page.locator(at('kind')).selectOption('VETERINARY_SERVICE');
    await page.locator(at('deliveredBy')).fill('MV Julio Polo');
    await page.locator(at('cost')).fill('100');
    await page.getByLabel('Algunos socios').check();
    const [first, second] = members;
    await page.locator(`[data-producer="${first.id}"]`).check();
    await page.locator(`[data-producer="${second.id}"]`).check();
    // The sample clause charges veterinary service to the producers: split between the two.
    await page.locator('[data-charge-preview]', { hasText: /la cobra a los socios: .* entre los 2 atendidos: S\/ 50\.00 cada uno, como/ })
      .waitFor();
    await check(page, 'asistencia-registro-escritorio');
    await page.getByRole('button', { name: 'Registrar la asistencia' }).click();
    await page.getByText(/Servicio veterinario del .* registrada/).waitFor();

    const recorded = await api(context, 'GET', `/api/contracts/v1/agreements/${agreement.id}/assistance`);
    const visit = recorded.find((d) => d.kind === 'TECHNICAL_VISITS' && d.deliveredOn === today);
    const vet = recorded.find((d) => d.kind === 'VETERINARY_SERVICE' && d.deliveredOn === today);
    assert.ok(visit.wholeNetwork && !visit.charged && visit.producers.length === members.length && Number(visit.cost) === 120);
    assert.deepEqual(vet.producers.map((p) => [p.producerId, Number(p.charged)]).sort(),
      [[first.id, 50], [second.id, 50]].sort());
    assert.equal(vet.charged, true);
    const row = page.locator(`tr[data-delivery="${vet.id}"]`);
    assert.match(await row.textContent(), /Se cobra: S\/ 50\.00 cada uno/);
    assert.match(await row.textContent(), new RegExp(first.name));
    assert.match(await page.locator(`tr[data-delivery="${visit.id}"]`).textContent(), new RegExp(`Toda la red \\(${members.length}\\)`));

    await check(page, 'asistencia-escritorio');

    // The charged service reaches payments-service as each member's charge on credit, by itself: the treasurer sees it.
    const desk = await desktop(browser);
    const treasurer = await desk.newPage();
    await signInAs(treasurer, TREASURER);
    await treasurer.waitForFunction(() => location.hash !== '' && location.hash !== '#/entrar');
    const me = await api(desk, 'GET', '/auth/me');
    for (const m of [first, second]) {
      await eventually(`the veterinary charge of ${m.name}`, async () => (await api(desk, 'GET',
        `/api/payments/v1/charges?organisationId=${me.organisationId}&producerId=${m.id}`))
        .some((c) => c.kind === 'VETERINARY' && Number(c.amount) === 50 && c.description.includes('MV Julio Polo')));
    }
    await desk.close();
  });

  it('adds an acceptance bonus and an under-commitment sanction by amendment, shown in the clauses', async () => {
    await page.goto(`${WEB}/#/acuerdos/${agreement.id}/adenda`);
    await page.locator(at('reason')).waitFor();
    await page.locator(at('reason')).fill('Incentivo por aceptación y aviso por bajo volumen');
    await page.getByRole('button', { name: '+ Regla' }).click();
    await page.getByRole('button', { name: '+ Regla' }).click();
    await page.locator(at('clauses.incentives.rules[1].kind')).selectOption('UNDER_COMMITMENT');
    await page.locator(at('clauses.incentives.rules[1].action')).selectOption('SUSPENSION_PROPOSED');
    // A streak longer than the monitor reads is refused on its field before anything is sent.
    await page.locator(at('clauses.incentives.rules[0].consecutiveFortnights')).fill('7');
    await page.getByRole('button', { name: 'Registrar la adenda' }).click();
    await page.locator(`${at('clauses.incentives.rules[0].consecutiveFortnights')}[aria-invalid="true"]`).waitFor();
    await page.locator(at('clauses.incentives.rules[0].consecutiveFortnights')).fill('2');
    await check(page, 'adenda-reglas-escritorio');
    await page.getByRole('button', { name: 'Registrar la adenda' }).click();
    await page.getByRole('heading', { name: 'El acuerdo a una fecha' }).waitFor();

    const amended = await api(context, 'GET', `/api/contracts/v1/agreements/${agreement.id}`);
    const rules = amended.versions.at(-1).clauses.incentives.rules;
    const number = (x) => (x === null || x === undefined ? null : Number(x));
    assert.deepEqual(rules.map((r) => [r.kind, r.consecutiveFortnights, number(r.minAcceptancePercent), number(r.bonusPerUnit),
      r.action ?? null]),
    [['ACCEPTANCE_BONUS', 2, 95, 0.02, null], ['UNDER_COMMITMENT', 3, null, null, 'SUSPENSION_PROPOSED']]);
    assert.match(await page.locator('[data-rule="ACCEPTANCE_BONUS"]').textContent(),
      /Aceptación de 95 % o más 2 quincenas seguidas: bono de S\/ 0\.02 por L/);
    assert.match(await page.locator('[data-rule="UNDER_COMMITMENT"]').textContent(), /se propone suspender el acuerdo/);
  });

  it("reads the network agreement's compliance as payments-service computes it", async () => {
    await page.goto(`${WEB}/#/acuerdos/${agreement.id}`);
    await page.getByRole('link', { name: /^Cumplimiento/ }).click();
    await page.getByRole('heading', { name: 'Cumplimiento del acuerdo' }).waitFor();
    const from = new Date(Date.now() - 90 * 86400000).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
    const figures = await api(context, 'GET', `/api/payments/v1/compliance/agreements/${agreement.id}?from=${from}&to=${today}`);
    const mine = figures.agreements[0];
    const delivered = mine.fortnights.filter((f) => Number(f.delivered) > 0);
    assert.ok(delivered.length >= 1, 'the sample fortnight of milk');
    for (const f of delivered) {
      const row = page.locator(`[data-agreement="${agreement.id}"] tr[data-period="${f.periodStart}"]`);
      assert.equal(await row.locator('[data-acceptance]').getAttribute('data-acceptance'), String(f.acceptancePercent));
      assert.equal(await row.locator('[data-accepted]').getAttribute('data-accepted'), String(f.accepted));
      assert.equal(await row.locator('[data-payment]').getAttribute('data-payment'), f.buyerPayment?.status ?? 'NOTHING_DUE');
      // The fortnight still running is not called under its commitment before it ends.
      assert.equal(await row.locator('[data-under-commitment]').count(), f.underCommitment && f.periodEnd < today ? 1 : 0);
    }
    // This month's visits: the one recorded above counts against the clause's promise.
    const month = today.slice(0, 7);
    const visits = mine.assistance.find((s) => s.month === month && s.kind === 'TECHNICAL_VISITS');
    assert.ok(visits && visits.delivered >= 1, 'the visit is counted');
    const cells = page.locator(`tr[data-month="${month}"][data-kind="TECHNICAL_VISITS"] td`);
    assert.equal(await cells.nth(3).textContent(), String(visits.delivered));
    assert.equal((await cells.nth(4).textContent()).trim(), String(visits.shortfall));
    await check(page, 'cumplimiento-acuerdo-escritorio');

    const small = await phone(browser);
    const p = await small.newPage();
    await signInAs(p, MANAGER);
    await p.getByRole('heading', { name: 'Gestión' }).waitFor();
    await p.goto(`${WEB}/#/cumplimiento/acuerdo/${agreement.id}`);
    await p.locator(`[data-agreement="${agreement.id}"] tr[data-period]`).first().waitFor();
    await check(p, 'cumplimiento-acuerdo-360');
    await small.close();
  });

  it('opts a member in to notices by WhatsApp, with the mobile written as the sender needs it', async () => {
    const member = members[2];
    await page.goto(`${WEB}/#/socios/${member.id}`);
    await page.locator(at('phone')).waitFor();
    await page.locator(at('phone')).fill('044 281234'); // a landline: no notices can go there
    await page.getByLabel(/Recibe avisos/).check();
    await page.getByLabel('Por WhatsApp').check();
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.locator(`${at('phone')}[aria-invalid="true"]`).waitFor();
    assert.match(await page.locator(`${at('phone')}-error`).textContent(), /celular peruano/);
    await page.locator(at('phone')).fill('987 654 321');
    await check(page, 'socio-avisos-escritorio');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText(/Socio «.*» guardado/).waitFor();
    const me = await api(context, 'GET', '/auth/me');
    const saved = await api(context, 'GET', `/api/contracts/v1/organisations/${me.organisationId}/producers/${member.id}`);
    assert.deepEqual([saved.phone, saved.noticesOptIn, saved.noticeChannel], ['+51987654321', true, 'WHATSAPP']);
    // Saved without touching the preferences, they stay as they are.
    await page.goto(`${WEB}/#/socios/${member.id}`);
    assert.equal(await page.getByLabel(/Recibe avisos/).isChecked(), true);
    assert.equal(await page.getByLabel('Por WhatsApp').isChecked(), true);
  });

  it("shows the producer their own agreement's compliance, and the buyer's manager its punctuality, on a phone", async () => {
    const small = await phone(browser);
    const p = await small.newPage();
    await p.goto(WEB);
    await p.getByRole('button', { name: /Productor\(a\)/ }).click();
    await p.getByRole('heading', { name: 'Mis pagos' }).waitFor();
    // The calls of Mis pagos are timed by the producer's own journey; this one times the compliance screen's.
    await p.evaluate(() => performance.clearResourceTimings());
    await p.getByRole('link', { name: 'Ver el cumplimiento' }).click();
    await p.getByRole('heading', { name: 'Cumplimiento de mi acuerdo' }).waitFor();
    const me = await api(small, 'GET', '/auth/me');
    const own = await api(small, 'GET', `/api/payments/v1/compliance/producers/${me.producerId}`);
    assert.deepEqual(await p.locator('section[data-agreement]').evaluateAll((s) => s.map((e) => e.dataset.agreement)),
      own.agreements.map((a) => a.agreementId));
    await p.locator('tr[data-period]').first().waitFor();
    await check(p, 'cumplimiento-productor-360');
    await small.close();

    const buyer = await phone(browser);
    const b = await buyer.newPage();
    await signInAs(b, BUYER_MANAGER);
    await b.waitForFunction(() => location.hash !== '' && location.hash !== '#/entrar');
    await b.goto(`${WEB}/#/comprador`);
    await b.getByRole('link', { name: 'Puntualidad y asistencia técnica del comprador' }).click();
    await b.getByRole('heading', { name: 'Cumplimiento del comprador' }).waitFor();
    const bme = await api(buyer, 'GET', '/auth/me');
    const figures = await api(buyer, 'GET', `/api/payments/v1/compliance/buyers/${bme.organisationId}`);
    const punctuality = figures.buyers.find((x) => x.buyerId === bme.organisationId).punctuality;
    assert.match(await b.locator(`[data-buyer="${bme.organisationId}"] [data-punctuality]`).textContent(),
      punctuality.due === 0 ? /Ninguna quincena vencida/ : new RegExp(`De ${punctuality.due} quincena`));
    // The plant could not look the association's networks up in contracts-service: payments-service names them.
    const named = figures.agreements.find((a) => a.counterpartyName);
    assert.ok(named, 'the networks the plant buys from are named');
    assert.match(await b.locator(`section[data-agreement="${named.agreementId}"] h2`).textContent(), new RegExp(named.counterpartyName));
    // What its free assistance cost over the same three months, as contracts-service sums it (the tax incentive):
    // the free visit recorded above is among it.
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    const free = await api(buyer, 'GET', `/api/contracts/v1/assistance/free-cost?buyerId=${bme.organisationId}&from=${from}&to=${today}`);
    assert.ok(free.deliveries >= 1 && Number(free.cost) >= 120, 'the free visit counts for the buyer');
    const shown = b.locator(`[data-buyer="${bme.organisationId}"] [data-free-assistance]`);
    assert.equal(Number(await shown.getAttribute('data-free-assistance')), Number(free.cost));
    assert.match(await shown.textContent(), new RegExp(`${free.deliveries === 1 ? 'una entrega' : `${free.deliveries} entregas`}`
      + ' de asistencia técnica sin costo'));
    await check(b, 'cumplimiento-comprador-360');
    await buyer.close();
  });
});
