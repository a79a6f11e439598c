// A session run from a phone (issue 19), at 390x844 and at 320x640: the
// officer opens the menu behind its one button, creates the session, marks
// it held, takes the attendance of ten councillors (one excused, with the
// reason that appears only for J) and pastes five guests at once, records
// an agreement and writes the acta. Every page on the way is checked with
// axe-core and must not scroll sideways; every save says «Guardado» where
// it happened.
import { assert, assertAxeClean, assertNoSidewaysScroll, signIn } from './support.mjs';

// A RUN with its check digit (módulo 11), for councillors made here.
function run(n) {
  let sum = 0;
  let factor = 2;
  for (let x = n; x > 0; x = Math.floor(x / 10)) {
    sum += (x % 10) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const d = 11 - (sum % 11);
  return `${n}-${d === 11 ? '0' : d === 10 ? 'K' : String(d)}`;
}

// Santiago's wall clock hours from now, as a datetime-local value.
function santiago(hours) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Santiago', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + hours * 3600e3)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function check(page, label) {
  await assertNoSidewaysScroll(page, label);
  await assertAxeClean(page, label);
}

// The demo has eight councillors in office: two more make the ten of a
// full session (registered through the officer's form, as she would).
async function tenCouncillors(page, server) {
  const list = await page.request.get(`${server.url}/api/members`);
  const members = await list.json();
  for (let i = members.length; i < 10; i++) {
    const form = await page.request.get(`${server.url}/admin/integrantes/nuevo`);
    const html = await form.text();
    const token = /name="csrf_token" value="([^"]+)"/.exec(html)[1];
    const org = /name="organizacion">[\s\S]*?<option value="(#\d+)"/.exec(html)[1];
    const r = await page.request.post(`${server.url}/admin/integrantes/nuevo`, {
      form: {
        csrf_token: token, nombres: `Consejera ${i + 1}`, apellidos: 'Araya Tapia',
        run: run(17000000 + i), correo: `consejera${i}@example.cl`, telefono: '',
        comuna: '04102', genero: 'femenino', organizacion: org, cargo: 'consejero',
        calidad: 'titular', suplente_de: '', inicio_periodo: '2025-01-01',
        fin_periodo: '', estado: 'vigente', fecha_estado: '', motivo_estado: '',
      },
      maxRedirects: 0,
    });
    assert(r.status() === 303, `councillor ${i + 1} registered: ${r.status()} ${await r.text()}`);
  }
}

async function sessionOnAPhone(page, server, width, height) {
  await page.setViewportSize({ width, height });
  await signIn(page, server);
  const at = `${width}x${height}`;
  await tenCouncillors(page, server);

  // Home: the dashboard first, the menu folded behind one button.
  await page.goto(`${server.url}/`);
  await check(page, `${at} home`);
  assert(await page.isVisible('label.menu-button'), 'the menu button is shown');
  assert(!(await page.isVisible('nav.site-nav')), 'the menu starts folded');
  const nav = await page.locator('nav.site-nav').boundingBox();
  assert(nav === null, 'a folded menu takes no room');
  const dash = await page.locator('#cumplimiento').boundingBox();
  assert(dash.y < height, `the dashboard begins on the first screen (${dash.y} px)`);
  assert(await page.isVisible('.plan-banner:has-text("Vigente")'), 'the plan is current');
  await page.click('label.menu-button');
  assert(await page.isVisible('nav.site-nav a:has-text("Actividades")'), 'the menu opens');
  await check(page, `${at} menu open`);

  // A session that began an hour ago, created and marked held.
  await Promise.all([page.waitForNavigation(), page.click('nav.site-nav a:has-text("Actividades")')]);
  await page.goto(`${server.url}/actividades/nueva`);
  await check(page, `${at} new activity`);
  const title = `Sesión ordinaria desde el teléfono ${at}`;
  await page.selectOption('#kind', 'sesion_ordinaria');
  await page.fill('#title', title);
  await page.fill('#start', santiago(-1));
  await page.fill('#end', santiago(1));
  await page.selectOption('#modality', 'presencial');
  await page.selectOption('#commune', '04101');
  await page.check('input[name=plan_lines][value="4"]');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar")')]);
  assert(await page.isVisible('.saved:has-text("Guardado")'), 'saved, said at once');
  const id = /\/actividades\/(\d+)/.exec(page.url())[1];
  await page.goto(`${server.url}/actividades/${id}/editar`);
  await page.selectOption('#status', 'realizada');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar")')]);
  assert(await page.isVisible('.status-realizada'), 'marked held');
  await check(page, `${at} activity`);
  assert(await page.isVisible('nav.jumps a[href="#asistencia"]'), 'jump links to the sections');

  // Attendance: ten councillors, one line each; one excused with a reason
  // that appears only then; five guests pasted at once.
  await page.click('nav.jumps a[href="#asistencia"]');
  const rows = page.locator('.att-list .att-row:not(.att-guest)');
  const n = await rows.count();
  assert(n === 10, `ten councillors in office: ${n}`);
  const first = await rows.nth(0).boundingBox();
  assert(first.height < 110, `a councillor's line is short: ${first.height} px`);
  for (let i = 0; i < n; i++) await rows.nth(i).locator('label.att-presente').click();
  const excused = rows.nth(2);
  assert(!(await excused.locator('.att-reason').isVisible()), 'no reason box unless excused');
  await excused.locator('label.att-justificado').click();
  assert(await excused.locator('.att-reason').isVisible(), 'the reason box for J');
  await excused.locator('input[name^=reason_]').fill('Licencia médica');
  await page.fill('#guests-text', [
    'Carmen Vega Rojas, Junta de Vecinos Tierras Blancas, Coquimbo',
    'Pedro Araya; Comité Los Aromos, sector norte; Vicuña',
    'Sofía Muñoz\tUnión Comunal de Ovalle\tOvalle',
    'Tomás Rivera, SERVIU Región de Coquimbo, La Serena',
    'Isabel Cortés, Club Adulto Mayor Las Compañías',
  ].join('\n'));
  await check(page, `${at} attendance filled`);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar asistencia")')]);
  assert(await page.isVisible('.saved:has-text("asistencia")'), 'attendance saved, said there');
  assert(await page.isVisible('#quorum:has-text("Hay quórum")'), 'quorum reached and shown');
  assert(await page.isVisible('#quorum:has-text("Regla del consejo")'), 'with its rule');
  assert(await page.locator('.att-guest').count() === 5, 'the five guests are listed');
  assert(await page.isVisible('.att-guest:has-text("Sofía Muñoz")'), 'pasted with tabs too');
  await check(page, `${at} attendance saved`);

  // An agreement.
  await page.click('summary:has-text("Registrar un acuerdo")');
  await page.fill('textarea[name=text]', `Pedir al SERVIU el catastro de campamentos (${at})`);
  await page.fill('#votes_for', '7');
  await page.fill('#votes_against', '1');
  await page.fill('#votes_abstain', '1');
  await check(page, `${at} agreement form`);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Registrar acuerdo")')]);
  assert(await page.isVisible('.saved:has-text("acuerdo")'), 'agreement saved, said there');
  assert(await page.isVisible(`a:has-text("catastro de campamentos (${at})")`), 'listed');

  // The acta: drafted, written, sent to review.
  await page.goto(`${server.url}/actividades/${id}/acta`);
  await check(page, `${at} acta`);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Redactar el acta")')]);
  const boxes = page.locator('textarea[name^=summary_]');
  for (let i = 0; i < await boxes.count(); i++) {
    await boxes.nth(i).fill('Se dio cuenta y se acordó lo que consta.');
  }
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar el acta")')]);
  assert(await page.isVisible('.saved:has-text("acta")'), 'acta saved, said there');
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("Enviar a revisión de los consejeros")')]);
  assert(await page.isVisible('#estado-acta:has-text("revisión")'), 'the acta is under review');
  await check(page, `${at} acta sent`);

  // The calendar's month on a phone: a list of days, nothing cut.
  await page.goto(`${server.url}/calendario?vista=mes`);
  await check(page, `${at} calendar`);
}

export async function a_session_is_run_from_a_390_px_phone({ page, server }) {
  await sessionOnAPhone(page, server, 390, 844);
}

export async function a_session_is_run_from_a_320_px_phone({ page, server }) {
  await sessionOnAPhone(page, server, 320, 640);
}

// Every page a signed-in officer can open, at 320 px: none scrolls
// sideways and axe finds nothing (the session above visits only its own).
export async function every_page_fits_a_320_px_phone_and_passes_axe({ page, server }) {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, server);
  const acts = await (await page.request.get(`${server.url}/api/activities`)).json();
  const upcoming = acts.find((a) => a.status === 'programada' || a.status === 'convocada');
  const held = acts.filter((a) => a.status === 'realizada' && a.kind === 'sesion_ordinaria').pop();
  const agreements = await (await page.request.get(`${server.url}/api/agreements`)).json();
  const pages = ['/', '/?version=1', '/plan', '/plan/lineas/2', '/plan/lineas/4',
    '/plan/historial', '/calendario', '/calendario?vista=mes', '/actividades',
    '/actividades/nueva', `/actividades/${upcoming.id}`, `/actividades/${upcoming.id}/editar`,
    `/actividades/${held.id}`, `/actividades/${held.id}/acta`, '/actas', '/acuerdos',
    `/acuerdos/${agreements[0].id}`, '/integrantes', '/admin/integrantes',
    '/admin/integrantes/nuevo', '/admin/integrantes/importar', '/admin/organizaciones',
    '/admin/organizaciones/nueva', '/admin/directorio', '/admin/directorio/nuevo',
    '/admin/quorum', '/admin/correo', '/admin/plan', '/admin/plan/importar',
    '/admin/plan/objetivos', '/admin/plan/siguiente', '/admin/plan/revision',
    '/admin/plan/verificadores', '/admin/verificadores', '/admin/usuarios', '/solicitudes',
    '/cuenta', '/cuenta/calendario'];
  for (const path of pages) {
    const r = await page.goto(server.url + path);
    assert(r.status() === 200, `${path}: ${r.status()}`);
    await check(page, `320 px ${path}`);
  }
}
