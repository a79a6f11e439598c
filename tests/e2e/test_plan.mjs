// The plan in the browser: the officer corrects a line's dates and the
// history shows the change; on a phone the table reads as cards.
import { assert, signIn } from './support.mjs';

export async function officer_edits_a_line_window_and_the_history_shows_it({ page, server }) {
  await signIn(page, server);
  // The current plan (the demo's, dated from today): a month of its second
  // year for line 6.
  const plan = await (await page.request.get(server.url + '/api/plan')).json();
  const old = plan.lines[5].window;
  const y = Number(plan.period.start.slice(0, 4)) + 1;
  await page.goto(server.url + '/plan/lineas/6');
  await Promise.all([page.waitForNavigation(), page.click('text=Editar esta línea')]);
  const suggestion = await page.textContent('#window-suggestion');
  assert(suggestion.includes(`Sugerencia según la frase «${old.phrase}»`),
    `the parsed window is shown as a suggestion, got: ${suggestion}`);
  await page.fill('input[name=window_phrase]', `Marzo ${y}`);
  await page.fill('input[name=reason]', 'La charla se fija para marzo');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar nueva versión")')]);
  assert(page.url().includes('/plan/lineas/6'), `back on the line page, at ${page.url()}`);
  assert(await page.isVisible('text=Se guardó una nueva versión del plan.'), 'notice shown');
  const facts = await page.textContent('.plan-line');
  assert(facts.includes(`Marzo ${y}`) && facts.includes(`01-03-${y} al 31-03-${y}`),
    `the line shows the new window, got: ${facts}`);
  await page.goto(server.url + '/plan/historial');
  const diff = await page.textContent('.plan-diff');
  assert(diff.includes('Línea 6') && diff.includes('Fechas'), `diff names the line and field: ${diff}`);
  assert(diff.includes(`${old.phrase} (${old.start} a ${old.end})`), 'old window in the diff');
  assert(diff.includes(`Marzo ${y} (${y}-03-01 a ${y}-03-31)`), 'new window in the diff');
  const versions = await page.textContent('.plan-versions');
  assert(versions.includes('La charla se fija para marzo'), 'the reason is in the history');
}

export async function plan_table_becomes_cards_on_a_phone({ page, server }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url + '/plan');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'no horizontal scrolling at 360 px');
  const display = await page.evaluate(() => getComputedStyle(document.querySelector('.plan-table tr')).display);
  assert(display === 'block', `rows are cards, display is ${display}`);
  const rows = await page.locator('.plan-table tbody tr').count();
  assert(rows === 10, `ten lines, got ${rows}`);
}
