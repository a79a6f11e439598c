// Any council's plan in the browser, on a phone: the officer uploads a Word
// plan through the import page, sees every line as understood with what to
// review marked, corrects the flagged dates in place, saves, and approves.
// The .docx is written by the same Python the HTTP tests use
// (tests/http/plan_documents.py).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, signIn } from './support.mjs';

const httpTests = join(dirname(fileURLToPath(import.meta.url)), '..', 'http');

function councilPlan(index, form) {
  return execFileSync('/usr/bin/python3', ['-c',
    'import sys; sys.path.insert(0, sys.argv[1]); from plan_councils import PLANS; '
    + `sys.stdout.buffer.write(PLANS[${index}].to_${form}())`, httpTests]);
}

function losLagosDocx() {
  return execFileSync('/usr/bin/python3', ['-c',
    'import sys; sys.path.insert(0, sys.argv[1]); from plan_documents import LOS_LAGOS; '
    + 'sys.stdout.buffer.write(LOS_LAGOS.docx())', httpTests]);
}

export async function officer_imports_a_docx_corrects_a_flagged_line_and_approves_it(
  { page, server }) {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, server);
  await page.goto(server.url + '/admin/plan/importar');
  await page.setInputFiles('input[name=file]', {
    name: 'plan-los-lagos.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: losLagosDocx(),
  });
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Importar")')]);
  assert(page.url().includes('/admin/plan/revision'), `on the review, at ${page.url()}`);
  const summary = await page.textContent('#review-summary');
  assert(summary.includes('3 de 7 líneas tienen algo por revisar'), `summary: ${summary}`);
  const line7 = page.locator('#revision-linea-7');
  assert(await line7.evaluate((e) => e.classList.contains('flagged')), 'line 7 is flagged');
  const legend = await line7.locator('legend').first().textContent();
  assert(legend.trim() === 'Línea 7 Por revisar', `the mark is a badge, not tags: ${legend}`);
  const reason = await line7.textContent();
  assert(reason.includes('No se entendió «Cuando haya presupuesto» como fecha'),
    `the reason is shown: ${reason}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'the review does not scroll sideways at 390 px');

  await page.fill('input[name=window_start_7]', '2026-09-01');
  await page.fill('input[name=window_end_7]', '2026-09-30');
  await page.check('input[name=ok_2]');
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("Guardar la revisión como nueva versión")')]);
  assert(await page.isVisible('text=Se guardó una nueva versión del plan.'), 'saved notice');
  const fixed = page.locator('#revision-linea-7');
  assert(!(await fixed.evaluate((e) => e.classList.contains('flagged'))),
    'line 7 is no longer flagged');
  const dates = await fixed.textContent();
  assert(dates.includes('del 01-09-2026 al 30-09-2026'), `the new dates: ${dates}`);
  assert(!(await page.locator('#revision-linea-2').evaluate(
    (e) => e.classList.contains('flagged'))), 'line 2 was reviewed');

  // The demo already has three versions (the real plan, its next plan and
  // the current one): the import is 4, its reviewed correction 5.
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("Aprobar versión 5")')]);
  assert(await page.isVisible('text=La versión quedó aprobada.'), 'approved notice');
  const anonymous = await page.context().browser().newContext();
  const api = await anonymous.request.get(server.url + '/api/plan');
  const plan = await api.json();
  await anonymous.close();
  assert(plan.version === 5 && plan.title === 'Plan de trabajo COSOC 2026',
    `the public sees the approved version: ${plan.version} ${plan.title}`);
  assert(plan.lines[6].window.start === '2026-09-01', 'with the corrected dates');
}

// A Gantt chart in Excel (months under «Cronograma 2026», the first columns
// merged down over the months' row) through the same page: each line gets
// the months it marks, and the review fits the phone.
export async function officer_imports_an_excel_gantt_chart_and_sees_each_lines_months(
  { page, server }) {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, server);
  await page.goto(server.url + '/plan');
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("Importar documento")')]);
  await page.setInputFiles('input[name=file]', {
    name: 'cronograma.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: councilPlan(5, 'xlsx'),
  });
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Importar")')]);
  assert(page.url().includes('/admin/plan/revision'), `on the review, at ${page.url()}`);
  const line1 = await page.textContent('#revision-linea-1');
  assert(line1.includes('«Abr 2026, Jul 2026, Oct 2026, Dic 2026» → del 01-04-2026 al 31-12-2026'),
    `line 1's months: ${line1}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'the review does not scroll sideways at 390 px');
}
