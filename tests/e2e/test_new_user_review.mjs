// What a new user met on a phone trying the Escuela de Dirigentes (the
// review of u1920): the public list of courses scrolled sideways at 320 px
// (a bulleted list of cards 16rem wide), and the coverage tables of a
// course and of its plan line cut off «Certificados» on the right, in a
// scrolling box a keyboard could not reach (axe: scrollable-region-focusable).
import { assert, assertAxeClean, assertNoSidewaysScroll, signIn } from './support.mjs';

async function fits(page, url, label) {
  const r = await page.goto(url);
  assert(r.status() === 200, `${label}: ${r.status()}`);
  await assertNoSidewaysScroll(page, label);
  await assertAxeClean(page, label);
}

// Every count of every coverage row is inside the window.
async function coverageReadable(page, label) {
  const width = page.viewportSize().width;
  const cells = page.locator('table.coverage td');
  const n = await cells.count();
  assert(n > 0, `${label}: a coverage table is shown`);
  for (let i = 0; i < n; i++) {
    const box = await cells.nth(i).boundingBox();
    assert(box && box.x >= 0 && box.x + box.width <= width,
      `${label}: coverage cell ${i} is cut off (${box && box.x + box.width} > ${width})`);
  }
  const shown = await page.locator('table.coverage td[data-label="Certificados"]').first()
    .isVisible();
  assert(shown, `${label}: the certified are counted on screen`);
}

async function onAPhone(page, server, width) {
  await page.setViewportSize({ width, height: 740 });
  const courses = `${server.url}/cursos`;
  await fits(page, courses, `${width} px public course list`);
  const link = await page.locator('.cards a').first().getAttribute('href');
  await fits(page, server.url + link, `${width} px public course page`);
  await signIn(page, server);
  const id = /\/cursos\/(\d+)/.exec(link)[1];
  for (const path of [`/admin/cursos/${id}`, '/plan/lineas/10']) {
    await fits(page, server.url + path, `${width} px ${path}`);
    await coverageReadable(page, `${width} px ${path}`);
  }
}

export async function the_escuela_fits_a_320_px_phone({ page, server }) {
  await onAPhone(page, server, 320);
}

export async function the_escuela_fits_a_390_px_phone({ page, server }) {
  await onAPhone(page, server, 390);
}
