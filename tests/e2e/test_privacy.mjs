// Personal data (issue 21): a person files a request on the public form,
// without an account; the officer sees it with its 30-day clock and answers
// it with a letter.
import { assert, signIn } from './support.mjs';

export async function a_person_files_a_request_and_the_officer_answers_it({ page, server }) {
  await page.goto(server.url + '/privacidad');
  await page.click('main >> text=formulario de solicitud');
  await page.waitForURL('**/privacidad/solicitud');
  await page.selectOption('#derecho', 'supresion');
  await page.fill('#nombre', 'Ana Navegador Pérez');
  await page.fill('#correo', 'ana.navegador@example.cl');
  await page.fill('#detalle', 'Pido que borren mis datos de contacto.');
  await page.click('button:has-text("Enviar solicitud")');
  assert(await page.isVisible('text=Recibimos su solicitud'), 'request received');

  const officerContext = await page.context().browser().newContext({ locale: 'es-CL' });
  const officer = await officerContext.newPage();
  await officer.goto(server.url + '/login');
  await signIn(officer, server);
  assert(await officer.isVisible('text=por responder'), 'the dashboard shows the open request');
  await officer.click('nav >> text=Datos personales');
  await officer.waitForURL('**/admin/privacidad');
  const row = officer.locator('tr', { hasText: 'Ana Navegador Pérez' });
  assert((await row.textContent()).includes('en 30 días'), 'the 30-day clock is shown');
  await row.locator('a').first().click();
  await officer.waitForURL('**/admin/privacidad/solicitudes/*');
  await officer.fill('#respuesta', 'Suprimimos sus datos de contacto el día de hoy.');
  await officer.click('button:has-text("Responder")');
  assert(await officer.isVisible('text=la carta se envió por correo'), 'the letter was mailed');
  assert(await officer.isVisible('text=Carta de respuesta (PDF)'), 'the letter is kept');
  await officerContext.close();
}
