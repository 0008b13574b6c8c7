// The association's manager (buyer-admin) at the desktop and on a phone: registers a network and an
// agreement for it through the clause editor (problems shown on their field), activates it, imports the
// network's members from a CSV file with a bad row shown on its line, amends the agreement from today,
// and a lot the operator records afterwards is judged by the new terms. A second agreement is
// suspended, reactivated and terminated with its reason.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WEB, api, check, desktop, eventually, launch, limaToday, phone, signInAs } from './browser.mjs';

const MANAGER = 'Carmen Vásquez Reyes';
const NETWORK = 'Red Nueva Esperanza';
const today = limaToday();

function plusDays(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** DNIs no sample member has (those are 10,000,000 to 79,999,999). */
function dni() {
  return String(90000000 + Math.floor(Math.random() * 9999999));
}

const members = [
  { dni: dni(), name: 'Flor Julca Polo', phone: '987111222' },
  { dni: dni(), name: 'Teófilo Bacilio León', phone: '' },
  { dni: dni(), name: 'Nelly Mostacero Ruiz', phone: '987333444' },
];

function csv(badDni) {
  return ['dni,nombre,distrito,región,teléfono',
    ...members.map((m, i) => `${i === 1 && badDni ? badDni : m.dni},${m.name},Laredo,La Libertad,${m.phone}`)].join('\n') + '\n';
}

let browser;
let context;
let page;
let agreementId;
let networkId;

/** The field of a path, as the editor names it: "clauses.price.basePrice" → #f-clauses-price-basePrice. */
const at = (path) => `#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

async function fieldError(path) {
  await page.locator(`${at(path)}[aria-invalid="true"]`).waitFor();
  return page.locator(`${at(path)}-error`).textContent();
}

describe('the manager', () => {
  before(async () => {
    browser = await launch();
    context = await desktop(browser);
    page = await context.newPage();
    page.on('dialog', (d) => d.accept());
  });

  after(async () => { await browser?.close(); });

  it('goes to the manager\'s screens and registers a network', async () => {
    await signInAs(page, MANAGER);
    await page.getByRole('heading', { name: 'Gestión' }).waitFor();
    await page.getByText(`Hola, ${MANAGER}`).waitFor();
    await check(page, 'gestion-escritorio');
    await page.getByRole('link', { name: /^Organización/ }).click();
    await page.locator(at('name')).waitFor();
    assert.equal(await page.locator(at('name')).inputValue(), 'Asociación de Productores Lecheros de Laredo');
    await check(page, 'organizacion-escritorio');
    await page.getByRole('link', { name: 'Volver' }).click();
    await page.getByRole('link', { name: /^Redes/ }).click();
    await page.locator('[data-network]').first().waitFor();
    assert.equal(await page.locator('[data-network]').count(), 8, 'the sample association\'s 8 networks');
    await check(page, 'redes-escritorio');
    await page.getByRole('link', { name: 'Nueva red' }).click();
    await page.locator(at('name')).fill(NETWORK);
    await page.locator(at('district')).fill('Laredo');
    await check(page, 'red-nueva-escritorio');
    await page.getByRole('button', { name: 'Registrar la red' }).click();
    await page.getByText(`Red «${NETWORK}» guardada`).waitFor();
    await page.locator('#network-q').fill('esperanza');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await eventually('only the new network listed', async () => (await page.locator('[data-network]').count()) === 1);
    networkId = await page.locator('[data-network]').getAttribute('data-network');
  });

  it('registers an agreement through the clause editor, the problems on their fields, and activates it', async () => {
    await page.goto(`${WEB}/#/gestion`);
    await page.getByRole('link', { name: /^Acuerdos/ }).click();
    await page.locator('[data-agreement]').first().waitFor();
    await check(page, 'acuerdos-escritorio');
    await page.getByRole('link', { name: 'Nuevo acuerdo' }).click();
    await page.locator(at('counterparty.id')).waitFor();
    assert.match(await page.locator(`${at('buyerId')} option:checked`).textContent(), /Planta Lechera del Norte/);
    await page.locator(at('counterparty.id')).selectOption({ label: NETWORK });
    await page.locator(at('startDate')).fill(plusDays(today, -10));
    // Quality: two measures with limits and a yes/no test.
    await page.getByRole('button', { name: '+ Medida con límites' }).click();
    await page.locator(at('clauses.quality.parameters[0].name')).fill('Sólidos totales');
    await page.locator(at('clauses.quality.parameters[0].unit')).fill('%');
    await page.locator(at('clauses.quality.parameters[0].min')).fill('11.5');
    await page.getByRole('button', { name: '+ Medida con límites' }).click();
    await page.locator(at('clauses.quality.parameters[1].name')).fill('Temperatura');
    await page.locator(at('clauses.quality.parameters[1].unit')).fill('°C');
    await page.locator(at('clauses.quality.parameters[1].min')).fill('15'); // a slip: above the maximum
    await page.locator(at('clauses.quality.parameters[1].max')).fill('10');
    await page.getByRole('button', { name: '+ Prueba sí/no' }).click();
    await page.locator(at('clauses.quality.parameters[2].name')).fill('Antibióticos');
    await page.locator(at('clauses.quality.parameters[2].passValue')).selectOption('false');
    // Price: an adjustment for solids, a volume tier, payment terms.
    await page.getByRole('button', { name: '+ Ajuste por calidad' }).click();
    await page.locator(at('clauses.price.qualityAdjustments[0].parameter')).selectOption('solidos_totales');
    await page.locator(at('clauses.price.qualityAdjustments[0].from')).fill('12');
    await page.locator(at('clauses.price.qualityAdjustments[0].amountPerUnit')).fill('0.05');
    await page.getByRole('button', { name: '+ Tramo de volumen' }).click();
    await page.locator(at('clauses.price.volumeTiers[0].minQuantity')).fill('3000');
    await page.locator(at('clauses.price.volumeTiers[0].bonusPerUnit')).fill('0.01');
    await page.locator(at('clauses.price.paymentTermDays')).fill('10');
    // Commitment with tolerance and penalty.
    await page.locator('#committed').check();
    await page.locator(at('clauses.quantity.committedQuantity')).fill('40');
    await page.locator(at('clauses.quantity.per')).selectOption('DAY');
    await page.locator(at('clauses.quantity.tolerancePercent')).fill('10');
    await page.locator(at('clauses.quantity.shortfallPenaltyPerUnit')).fill('0.02');
    // Technical assistance: free visits, feed charged to the producer.
    await page.getByRole('button', { name: '+ Servicio' }).click();
    await page.locator(at('clauses.assistance.services[0].kind')).selectOption('TECHNICAL_VISITS');
    await page.locator(at('clauses.assistance.services[0].description')).fill('Buenas prácticas de ordeño');
    await page.locator(at('clauses.assistance.services[0].visitsPerMonth')).fill('2');
    await page.getByRole('button', { name: '+ Servicio' }).click();
    await page.locator(at('clauses.assistance.services[1].kind')).selectOption('FEED_SUPPLY');
    await page.locator(at('clauses.assistance.services[1].description')).fill('Alimento concentrado');
    await page.locator('[data-item="service"]').nth(1).getByRole('checkbox').check();

    // The base price forgotten: found on the device, shown on its field, nothing sent.
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    assert.equal(await fieldError('clauses.price.basePrice'), 'obligatorio');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-clauses-price-basePrice', 'the first problem has the focus');
    await page.locator(at('clauses.price.basePrice')).fill('1.05');
    // The minimum above the maximum: refused by contracts-service, shown on that field.
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    assert.match(await fieldError('clauses.quality.parameters[1].min'), /el mínimo 15 es mayor que el máximo 10/);
    assert.equal(await page.locator(`${at('clauses.price.basePrice')}[aria-invalid="true"]`).count(), 0);
    await check(page, 'acuerdo-nuevo-errores-escritorio');
    await page.locator(at('clauses.quality.parameters[1].min')).fill('');
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.locator('[data-status="DRAFT"]').waitFor();
    agreementId = new URL(page.url()).hash.split('/')[2];

    const draft = await api(context, 'GET', `/api/contracts/v1/agreements/${agreementId}`);
    assert.deepEqual({ counterparty: draft.counterparty, status: draft.status, startDate: draft.startDate },
      { counterparty: { type: 'PRODUCER_GROUP', id: networkId }, status: 'DRAFT', startDate: plusDays(today, -10) });
    const c = draft.versions[0].clauses;
    assert.deepEqual(c.quality.parameters.map((p) => [p.code, p.kind, p.min, p.max, p.passValue]),
      [['solidos_totales', 'NUMERIC', 11.5, null, null], ['temperatura', 'NUMERIC', null, 10, null], ['antibioticos', 'BOOLEAN', null, null, false]]);
    assert.deepEqual(c.price.qualityAdjustments, [{ parameter: 'solidos_totales', from: 12, to: null, amountPerUnit: 0.05 }]);
    assert.deepEqual(c.price.volumeTiers, [{ minQuantity: 3000, bonusPerUnit: 0.01 }]);
    assert.equal(c.price.paymentTermDays, 10);
    assert.deepEqual(c.quantity, { committedQuantity: 40, per: 'DAY', tolerancePercent: 10, shortfallPenaltyPerUnit: 0.02 });
    assert.deepEqual(c.assistance.services.map((s) => [s.kind, s.visitsPerMonth ?? null, s.chargedToProducer]),
      [['TECHNICAL_VISITS', 2, false], ['FEED_SUPPLY', null, true]]);

    // The draft edited, then signed.
    await page.getByRole('link', { name: 'Editar el borrador' }).click();
    await page.locator(at('clauses.price.basePrice')).fill('1.06');
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.locator('[data-base-price="1.06"]').waitFor();
    await page.getByRole('button', { name: 'Activar (firmar)' }).click();
    await page.locator('[data-status="ACTIVE"]').waitFor();
    assert.equal(await page.locator('[data-in-force]').getAttribute('data-in-force'), 'true');
    await check(page, 'acuerdo-escritorio');
  });

  it('imports the network\'s members from CSV: a bad row is shown on its line and nothing is stored until it is fixed', async () => {
    await page.goto(`${WEB}/#/gestion`);
    await page.getByRole('link', { name: /^Importar socios/ }).click();
    await page.locator('#csv-file').setInputFiles({ name: 'socios-nueva-esperanza.csv', mimeType: 'text/csv',
      buffer: Buffer.from(csv(members[1].dni.slice(0, 7)), 'utf-8') });
    await page.getByText('socios-nueva-esperanza.csv: 3 filas de socios').waitFor();
    await page.locator('#csv-network').selectOption({ label: NETWORK });
    await page.getByRole('button', { name: 'Importar socios' }).click();
    const bad = page.locator('.bad-rows tr[data-line="3"]');
    await bad.waitFor();
    assert.equal(await page.locator('.bad-rows tbody tr').count(), 1, 'only the bad row is listed');
    assert.match(await bad.textContent(), new RegExp(`${members[1].dni.slice(0, 7)},Teófilo Bacilio León`));
    assert.match(await bad.textContent(), /DNI\/RUC: un DNI tiene 8 dígitos y un RUC 11; se recibieron 7/);
    await page.getByText('1 de 3 filas tienen errores; no se importó ninguna').waitFor();
    await check(page, 'importar-errores-escritorio');
    const me = await api(context, 'GET', '/auth/me');
    const producers = `/api/contracts/v1/organisations/${me.organisationId}/producers`;
    assert.equal((await api(context, 'GET', `${producers}?groupId=${networkId}`)).length, 0, 'all rows or none');

    await page.locator('#csv-text').fill(csv());
    await page.getByRole('button', { name: 'Importar socios' }).click();
    await page.locator('[data-imported="3"]').waitFor();
    assert.equal(await page.locator('.bad-rows').count(), 0);
    await check(page, 'importar-escritorio');
    const imported = await api(context, 'GET', `${producers}?groupId=${networkId}`);
    assert.deepEqual(imported.map((p) => p.name).sort(), members.map((m) => m.name).sort());
    for (const m of members) m.id = imported.find((p) => p.nationalId === m.dni).id;

    // Found by the network, and one corrected.
    await page.getByRole('link', { name: 'Volver a los socios' }).click();
    await page.locator('#producer-network').selectOption({ label: NETWORK });
    await eventually('the network\'s three members', async () => (await page.locator('tr[data-producer]').count()) === 3);
    await check(page, 'socios-escritorio');
    await page.locator('#producer-q').fill('bacilio leon');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await eventually('found without the accent', async () => (await page.locator('tr[data-producer]').count()) === 1);
    await page.locator(`tr[data-producer="${members[1].id}"] a`).click();
    await page.locator(at('phone')).fill('987555666');
    await check(page, 'socio-escritorio');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Socio «Teófilo Bacilio León» guardado').waitFor();
    assert.equal((await api(context, 'GET', `${producers}/${members[1].id}`)).phone, '987555666');
  });

  it('amends the agreement from today: a new clause version, the old terms still there "as of" yesterday', async () => {
    await page.goto(`${WEB}/#/acuerdos/${agreementId}`);
    await page.getByRole('link', { name: 'Adenda desde una fecha' }).click();
    await page.locator(at('reason')).waitFor();
    assert.equal(await page.locator(at('effectiveFrom')).inputValue(), today);
    assert.equal(await page.locator(at('clauses.quality.parameters[0].min')).inputValue(), '11.5', 'starts from the terms in force');
    await page.locator(at('reason')).fill('Sube el mínimo de sólidos y el precio base');
    await page.locator(at('clauses.quality.parameters[0].min')).fill('12.5');
    await page.locator(at('clauses.price.basePrice')).fill('1.10');
    await check(page, 'adenda-escritorio');
    await page.getByRole('button', { name: 'Registrar la adenda' }).click();
    await page.locator('[data-asof-version="2"]').waitFor();
    assert.equal(await page.locator('tr[data-version]').count(), 2);
    assert.equal(await page.locator('[data-base-price]').getAttribute('data-base-price'), '1.1');
    assert.match(await page.locator('[data-parameter="solidos_totales"]').textContent(), /mínimo 12\.5 %/);
    await page.locator('#as-of').fill(plusDays(today, -1));
    await page.locator('[data-asof-version="1"]').waitFor();
    assert.match(await page.locator('[data-parameter="solidos_totales"]').textContent(), /mínimo 11\.5 %/);
    assert.equal(await page.locator('[data-base-price]').getAttribute('data-base-price'), '1.06');
    await check(page, 'acuerdo-a-la-fecha-escritorio');
    await page.locator('#as-of').fill(plusDays(today, -30));
    await page.locator('[data-in-force="false"][data-asof-version=""]').waitFor();
  });

  it('a lot the operator records after the amendment is judged by the new terms', async () => {
    const operator = await phone(browser);
    const p = await operator.newPage();
    await signInAs(p, 'Julia Ramos Alvarado');
    await p.getByRole('heading', { name: 'Centro y turno' }).waitFor();
    const [centre] = await api(operator, 'GET', '/api/lots/v1/collection-centres');
    await eventually('lots-service has the amended agreement and the imported members', async () => {
      const roster = await api(operator, 'GET', `/api/lots/v1/collection-centres/${centre.id}/roster`);
      const terms = roster.agreements.find((a) => a.id === agreementId);
      return terms?.versions.length === 2 && members.every((m) => roster.producers.some((r) => r.id === m.id));
    });
    await p.getByRole('button', { name: 'Empezar' }).click();
    await p.locator('[data-count="pending"]').waitFor();
    const member = members[2];
    await p.locator('a[href="#/productor"]').first().click();
    await p.locator('#q').fill(member.dni);
    await p.locator(`[data-producer="${member.id}"]`).click();
    await p.locator('#quantity').fill('20.5');
    assert.match(await p.locator('label[for="r-solidos_totales"]').textContent(), /mín\. 12\.5/, 'the form asks by the new terms');
    await p.locator('#r-solidos_totales').fill('12.0'); // accepted before the amendment, below the new minimum
    await p.locator('#r-temperatura').fill('4.0');
    await p.locator('[data-test="antibioticos"][data-result="false"]').click();
    await p.locator('#save').click();
    await p.locator('[data-verdict]').waitFor();
    assert.equal(await p.locator('.verdict-word').textContent(), 'RECHAZADO');
    await p.locator('[data-state="confirmed"]').waitFor({ timeout: 30000 });
    await check(p, 'lote-tras-adenda-360');
    const lots = await api(operator, 'GET', `/api/lots/v1/lots?producerId=${member.id}&from=${today}&to=${today}`);
    assert.equal(lots.lots.length, 1);
    const [lot] = lots.lots;
    assert.deepEqual({ agreement: lot.agreementId, version: lot.agreementVersion, verdict: lot.verdict },
      { agreement: agreementId, version: 2, verdict: 'REJECTED' });
    assert.deepEqual(lot.reasons.map((r) => [r.parameter, r.code, Number(r.limit)]), [['solidos_totales', 'BELOW_MIN', 12.5]]);
    await operator.close();
  });

  it('suspends, reactivates and terminates another agreement with its reason', async () => {
    await page.goto(`${WEB}/#/acuerdos/nuevo`);
    await page.locator(at('buyerId')).selectOption({ label: 'Asociación de Productores Lecheros de Laredo (la propia organización compra)' });
    await page.getByLabel('Un productor').check();
    await page.locator('#producer-find').fill(members[0].dni);
    await page.getByRole('button', { name: 'Buscar productor' }).click();
    await page.locator('input[name="cp-producer"]:checked').waitFor();
    const template = await page.locator('#template option', { hasText: NETWORK }).first().getAttribute('value');
    await page.locator('#template').selectOption(template);
    await page.locator(at('startDate')).fill(plusDays(today, -10));
    await eventually('the clauses copied from the amended agreement',
      async () => (await page.locator(at('clauses.price.basePrice')).inputValue()) === '1.1');
    assert.equal(await page.locator(at('clauses.quality.parameters[0].min')).inputValue(), '12.5');
    await check(page, 'acuerdo-nuevo-escritorio');
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.locator('[data-status="DRAFT"]').waitFor();
    await page.getByRole('button', { name: 'Activar (firmar)' }).click();
    await page.locator('[data-status="ACTIVE"]').waitFor();

    await page.getByText('Suspender', { exact: true }).click();
    await page.locator(at('suspend.reason')).fill('Sin entregas por sequía');
    await page.getByRole('button', { name: 'Suspender el acuerdo' }).click();
    await page.locator('[data-status="SUSPENDED"]').waitFor();
    await check(page, 'acuerdo-suspendido-escritorio');
    await page.getByRole('button', { name: 'Reactivar el acuerdo' }).click();
    await page.locator('[data-status="ACTIVE"]').waitFor();

    await page.getByText('Terminar antes de su fin').click();
    await page.getByRole('button', { name: 'Terminar el acuerdo' }).click();
    assert.equal(await fieldError('terminate.reasonCode'), 'elija el motivo');
    await page.locator(at('terminate.reasonCode')).selectOption('MUTUAL');
    await page.locator(at('terminate.reason')).fill('La socia vende a la asociación por la red');
    await page.locator(at('terminate.effectiveOn')).fill(plusDays(today, 1));
    await page.getByRole('button', { name: 'Terminar el acuerdo' }).click();
    assert.match(await fieldError('terminate.effectiveOn'), /no puede ser posterior a hoy/);
    await page.locator(at('terminate.effectiveOn')).fill(today);
    await page.getByRole('button', { name: 'Terminar el acuerdo' }).click();
    await page.locator('[data-status="TERMINATED"]').waitFor();
    assert.deepEqual(await page.locator('[data-transition]').evaluateAll((li) => li.map((e) => e.dataset.transition)),
      ['ACTIVE', 'SUSPENDED', 'ACTIVE', 'TERMINATED']);
    assert.match(await page.locator('[data-transition="TERMINATED"]').textContent(), /Mutuo acuerdo.*La socia vende/);
    await check(page, 'acuerdo-terminado-escritorio');
  });

  it('fits a 360 px phone, screen by screen', async () => {
    const small = await phone(browser);
    const p = await small.newPage();
    p.on('dialog', (d) => d.accept());
    await signInAs(p, MANAGER);
    await p.getByRole('heading', { name: 'Gestión' }).waitFor();
    await check(p, 'gestion-360');
    const visit = async (hash, ready, shot) => {
      await p.goto(`${WEB}/#/${hash}`);
      await p.locator(ready).first().waitFor();
      await check(p, shot);
    };
    await visit('organizacion', at('name'), 'organizacion-360');
    await visit('redes', '[data-network]', 'redes-360');
    await visit(`redes/${networkId}`, at('name'), 'red-360');
    await visit(`socios?red=${networkId}`, 'tr[data-producer]', 'socios-360');
    await visit(`socios/${members[0].id}`, at('phone'), 'socio-360');
    await visit('socios/importar', '#csv-text', 'importar-360');
    await p.locator('#csv-text').fill(csv('4587123'));
    await p.getByRole('button', { name: 'Importar socios' }).click();
    await p.locator('.bad-rows tr[data-line="3"]').waitFor();
    await check(p, 'importar-errores-360');
    await visit('acuerdos', '[data-agreement]', 'acuerdos-360');
    await visit('acuerdos/nuevo', at('counterparty.id'), 'acuerdo-nuevo-360');
    await p.getByRole('button', { name: '+ Medida con límites' }).click();
    await p.getByRole('button', { name: 'Guardar el borrador' }).click();
    await p.locator('[data-problems]').waitFor();
    await check(p, 'acuerdo-nuevo-errores-360');
    await visit(`acuerdos/${agreementId}`, '[data-status="ACTIVE"]', 'acuerdo-360');
    await visit(`acuerdos/${agreementId}/adenda`, at('reason'), 'adenda-360');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `nothing wider than the phone (${width} px)`);
    await small.close();
  });
});
