// A real Chromium (Debian's), driven by playwright-core, against the running stack: the helpers every
// journey shares — launch, sign-in, accessibility check (axe-core) and screenshots under target/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const WEB = process.env.ARTICULA_WEB_URL ?? 'http://localhost:8080';
export const SHOTS = resolve(process.env.ARTICULA_SCREENSHOTS ?? join(here, '../../target/screenshots'));
const AXE = require.resolve('axe-core/axe.min.js');
const SHOT_SCREENS = 4;

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Without the networking switches Chromium stalls on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The method of each API call the app made, by URL: a slow GET may be timed again (see check). */
const methods = new Map();

function watched(context) {
  context.on('request', (r) => { if (r.url().includes('/api/')) methods.set(r.url(), r.method()); });
  return context;
}

/** The operator's phone: 360 x 640, touch, Spanish (Peru), Lima time. */
export async function phone(browser) {
  return watched(await browser.newContext({
    viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    locale: 'es-PE', timezoneId: 'America/Lima', bypassCSP: true, serviceWorkers: 'allow',
  }));
}

export async function desktop(browser) {
  return watched(await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-PE', timezoneId: 'America/Lima',
    bypassCSP: true }));
}

/**
 * A GET that took more than a second, asked again from the page: the first call of a query path after a start
 * also waits for the JIT to compile it, which a busy two-core machine stretches past a second. The screen is
 * judged by the second answer; a call slow twice is slow.
 */
async function slowAgain(page, call) {
  if (methods.get(call.url) !== 'GET') return true;
  const ms = await page.evaluate(async (url) => {
    const start = performance.now();
    await (await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })).text();
    return performance.now() - start;
  }, call.url);
  if (ms <= 1000) console.log(`SLOW FIRST ${call.ms} ms, then ${Math.round(ms)} ms: ${call.url}`);
  return ms > 1000;
}

export async function signInAs(page, name) {
  await page.goto(WEB);
  await page.getByRole('button', { name: new RegExp(`Entrar como ${name}`) }).click();
}

/** No serious or critical axe-core violation on the screen as it stands, and a screenshot of it. */
export async function check(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  // The first four screenfuls: what a reader looks at. A whole list of hundreds of rows made images 40,000 px tall
  // that took seconds each to encode and showed nothing more.
  const view = page.viewportSize();
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true,
    clip: { x: 0, y: 0, width: view.width, height: Math.min(pageHeight, SHOT_SCREENS * view.height) } });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Every call that draws the screen answered within a second over loopback (a settlement run is followed, not
  // waited for); files the user asked for (PDF, CSV) are reported, not held to it.
  const calls = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/'))
    .map((r) => ({ url: r.name, ms: Math.round(r.duration), type: r.contentType ?? '' })));
  const slow = [];
  for (const c of calls.filter((x) => x.ms > 1000 && /json/.test(x.type))) if (await slowAgain(page, c)) slow.push(c);
  if (slow.length > 0) throw new Error(`"${name}" waited more than 1 s for: ${slow.map((c) => `${c.ms} ms ${c.url}`).join(', ')}`);
  for (const c of calls.filter((x) => x.ms > 1000)) console.log(`DOWNLOAD ${c.ms} ms ${c.type} ${c.url}`);
  // A phone screen that is wider than the phone is zoomed out by the browser: everything shrinks.
  const [width, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  const phone = (page.viewportSize()?.width ?? 1000) <= 400;
  if (phone && width > page.viewportSize().width) {
    throw new Error(`"${name}" is ${width} px wide on a ${page.viewportSize().width} px phone (layout ${viewport} px)`);
  }
  // A table that turns into cards on a phone must fit it: nothing of a card behind the region's sideways scroll.
  const hidden = !phone ? [] : await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
    .filter((e) => e.querySelector('table.stack') && e.scrollWidth - e.clientWidth > 1)
    .map((e) => `${e.getAttribute('aria-label')} (${e.scrollWidth - e.clientWidth} px)`));
  if (hidden.length > 0) {
    throw new Error(`"${name}" hides part of its cards past the phone's edge: ${hidden.join(', ')}`);
  }
  if (serious.length > 0) {
    const lines = serious.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    throw new Error(`axe-core on "${name}":\n${lines.join('\n')}`);
  }
  return result.violations.length;
}

/** The JavaScript a phone downloads, gzipped, as the web module serves it. */
export function javascriptGzipBytes() {
  const dist = join(here, '../../target/classes/META-INF/resources');
  const files = [...readdirSync(join(dist, 'assets')).map((f) => join(dist, 'assets', f)),
    ...readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'sw.js' && !f.startsWith('workbox')).map((f) => join(dist, f))]
    .filter((f) => f.endsWith('.js'));
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
}

export function limaToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

/** Calls the API through the web module with a context's session (its cookie). */
export async function api(context, method, path, body) {
  const response = await context.request.fetch(`${WEB}${path}`, {
    method, data: body, headers: body ? { 'Content-Type': 'application/json' } : {},
  });
  const text = await response.text();
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function eventually(what, probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The text of every page of a PDF, as pdf.js extracts it (what a reader would copy). */
export async function pdfText(bytes) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

/** A downloaded CSV as a spreadsheet reads it: a UTF-8 mark first, a header row, then rows by header. */
export async function csvRows(text) {
  const { parse } = await import('csv-parse/sync');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true });
}

/** Every row of a paged list: "Mostrar más" pressed until there is no more. */
export async function showAll(page) {
  while (await page.locator('[data-more]').count() > 0) {
    const before = await page.locator('tbody tr').count();
    await page.locator('[data-more]').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length > n, before);
  }
}
