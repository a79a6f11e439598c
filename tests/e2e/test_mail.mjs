// The officer checks the mail from the browser: sends a test message and
// sees it waiting in the outbox (this server has no SMTP server, and the
// page says so), on a phone too.
import { assert, signIn } from './support.mjs';

export async function officer_sends_a_test_mail_and_sees_it_waiting({ page, server }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url + '/login');
  await signIn(page, server);
  await page.goto(server.url + '/admin/correo');
  assert(await page.isVisible('h1:has-text("Correo")'), 'heading shown');
  assert(await page.isVisible('text=no tiene configurado un servidor de correo'),
    'missing SMTP server explained');
  await page.fill('#to', 'no es un correo');
  await page.click('button:has-text("Enviar prueba")');
  // The browser's own check stops an invalid address before it is sent.
  assert(page.url().endsWith('/admin/correo'), 'still on the page');
  await page.fill('#to', 'rosa.diaz@example.cl');
  await page.click('button:has-text("Enviar prueba")');
  await page.waitForURL('**/admin/correo?enviado=1');
  assert(await page.isVisible('text=quedó en la bandeja de salida'), 'queued notice shown');
  const row = page.locator('tr[data-state="pendiente"]', { hasText: 'rosa.diaz@example.cl' });
  assert(await row.count() === 1, 'the message is listed as pending');
  assert((await row.textContent()).includes('Pendiente'), 'state in Spanish');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'no horizontal scrolling at 360 px');
}
