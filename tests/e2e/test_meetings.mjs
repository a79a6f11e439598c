// The officer takes attendance on a phone-sized screen (360 px): marks
// councillors present, one excused with a reason, adds a guest; the quorum
// is shown with its explanation; an agreement is recorded on the session
// and later marked done from the tracker.
import { execFileSync } from 'node:child_process';
import { assert, signIn } from './support.mjs';

function activityId(db, title) {
  const script = 'import sqlite3, sys\n'
    + 'c = sqlite3.connect(sys.argv[1])\n'
    + 'print(c.execute("SELECT id FROM activities WHERE title = ?", (sys.argv[2],)).fetchone()[0])\n';
  return execFileSync('/usr/bin/python3', ['-c', script, db, title], { encoding: 'utf8' }).trim();
}

export async function attendance_on_a_phone_then_an_agreement_marked_done({ page, server }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, server);
  const id = activityId(server.db, 'Sesión ordinaria en Ovalle');
  await page.goto(`${server.url}/actividades/${id}#asistencia`);
  assert(await page.isVisible('#quorum:has-text("No hay quórum")'), 'no quorum before attendance');
  const rows = page.locator('.att-list .att-row:not(.att-guest)');
  const n = await rows.count();
  assert(n >= 6, 'one row per councillor in office: ' + n);
  for (let i = 0; i < n; i++) {
    await rows.nth(i).locator('label.att-presente').click();
  }
  const excused = rows.nth(1);
  await excused.locator('label.att-justificado').click();
  await excused.locator('input[name^=reason_]').fill('Viaje a Santiago');
  await page.fill('#guests-text', 'Rosa Ñanco Tapia, Junta de Vecinos Peñuelas');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, 'nothing wider than the phone: ' + width);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar asistencia")')]);
  assert(await page.isVisible('#quorum:has-text("Hay quórum")'), 'quorum reached and shown');
  assert(await page.isVisible('.att-guest:has-text("Rosa Ñanco Tapia")'), 'guest kept');
  assert(await page.inputValue('.att-list .att-row >> nth=1 >> input[name^=reason_]') === 'Viaje a Santiago',
    'reason kept');

  await page.click('summary:has-text("Registrar un acuerdo")');
  await page.fill('textarea[name=text]', 'Pedir al SERVIU el catastro de campamentos de Limarí');
  await page.fill('#votes_for', '5');
  await page.fill('#votes_against', '0');
  await page.fill('#votes_abstain', '1');
  await page.selectOption('#responsible_kind', 'autoridad');
  await page.fill('#responsible', 'Director SERVIU');
  await page.fill('#due_date', '2031-12-31');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Registrar acuerdo")')]);
  const link = page.locator('a:has-text("catastro de campamentos")');
  assert(await link.isVisible(), 'agreement listed on the session');

  await page.goto(server.url + '/acuerdos');
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("catastro de campamentos")')]);
  await page.selectOption('#state', 'cumplido');
  await page.fill('#note', 'Catastro recibido por oficio');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar seguimiento")')]);
  assert(await page.isVisible('#estado:has-text("Cumplido")'), 'marked done');
  assert(await page.isVisible('text=Catastro recibido por oficio'), 'follow-up note shown');
  await page.goto(server.url + '/acuerdos');
  const done = page.locator('section', { has: page.locator('h2:has-text("Cumplidos")') });
  assert(await done.locator('a:has-text("catastro de campamentos")').isVisible(), 'in the done group');
}
