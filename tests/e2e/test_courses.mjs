// The Escuela de Dirigentes on a phone (390×844): a leader opens the demo
// course's public page with no account, sends the enrolment form without
// consent (refused, what she typed kept), then with it; the page thanks
// her, and the officer sees her enrolled with her commune's province in the
// coverage. Then the officer marks a module's attendance on the phone, one
// line a person, and the page does not scroll sideways.
import { assert, signIn } from './support.mjs';

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, `${what} does not scroll sideways at 390 px`);
}

export async function a_leader_enrols_on_a_phone_and_the_officer_sees_her(
  { page, server }) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url + '/cursos');
  await Promise.all([page.waitForNavigation(),
    page.click('a:has-text("Escuela de Dirigentes: vivienda")')]);
  assert(await page.isVisible('h2:has-text("Inscripción")'), 'the form is shown');
  await noSidewaysScroll(page, 'the course page');

  await page.fill('input[name=nombre]', 'Valentina Ahumada Robles');
  await page.fill('input[name=run]', '11.111.111-1');
  await page.fill('input[name=correo]', 'valentina.ahumada@example.cl');
  await page.fill('input[name=organizacion]', 'Junta de Vecinos Tierras Blancas');
  await page.selectOption('select[name=comuna]', '04102');
  // Consent left unticked: refused, nothing lost.
  await page.evaluate(() => document.querySelector('form.form').noValidate = true);
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("Inscribirme")')]);
  assert(await page.isVisible('text=debe autorizar el tratamiento de sus datos'),
    'consent is required');
  assert(await page.inputValue('input[name=nombre]') === 'Valentina Ahumada Robles',
    'the name is kept');
  assert(await page.inputValue('select[name=comuna]') === '04102', 'the commune is kept');
  await noSidewaysScroll(page, 'the refused form');

  await page.check('input[name=consentimiento]');
  await page.check('input[name=fotos]');
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("Inscribirme")')]);
  assert(await page.isVisible('text=Recibimos su inscripción'), 'thanked');

  // The officer: she is enrolled, and Elqui counts her.
  await signIn(page, server);
  await page.goto(server.url + '/admin/cursos');
  await Promise.all([page.waitForNavigation(),
    page.click('a:has-text("Escuela de Dirigentes: vivienda")')]);
  assert(await page.isVisible('td:has-text("Valentina Ahumada Robles")'), 'enrolled');
  const elqui = await page.locator('table.coverage tr:has(th:text-is("Elqui")) td')
    .first().textContent();
  assert(Number(elqui) >= 5, `Elqui counts her: ${elqui}`);
  await noSidewaysScroll(page, "the officer's course page");

  // A module's attendance from the phone: her line, present.
  await page.click('a:has-text("módulo 3")');
  await page.waitForLoadState();
  const row = page.locator('li.att-row:has-text("Valentina Ahumada Robles")');
  assert(await row.count() === 1, 'one line for her');
  await row.locator('select').selectOption('presente');
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("Guardar asistencia")')]);
  assert(await page.isVisible('text=La asistencia del módulo quedó guardada.'), 'saved');
  assert(await page.locator('li.att-row:has-text("Valentina Ahumada Robles") select')
    .inputValue() === 'presente', 'she is present');
  await noSidewaysScroll(page, 'the module page');
}
