// The first thing a PAC officer does: open the site, sign in, see the council.
import { assert, signIn } from './support.mjs';

export async function officer_signs_in_and_sees_the_council_name({ page, server }) {
  await page.goto(server.url + '/');
  assert((await page.getAttribute('html', 'lang')) === 'es-CL', 'page language is es-CL');
  await page.click('text=Ingresar');
  await page.waitForURL('**/login');
  await signIn(page, server);
  const heading = await page.textContent('h1');
  assert(heading.includes('Consejo de la Sociedad Civil MINVU–SERVIU Región de Coquimbo'),
    `home heading names the council, got: ${heading}`);
  assert(await page.isVisible('text=Administración'), 'the admin sees the administration card');
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
  assert(styled === 'rgb(11, 79, 138)', `stylesheet applies, header is ${styled}`);
}

export async function wrong_password_shows_a_spanish_message({ page, server }) {
  await signIn(page, server, server.email, 'clave-equivocada');
  assert(await page.isVisible('text=El correo o la contraseña no son correctos.'), 'error shown');
}

export async function home_page_is_readable_on_a_phone({ page, server }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url + '/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'no horizontal scrolling at 360 px');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert(size >= 16, `body text is at least 16 px, got ${size}`);
}
