// The officer keeps the council's people in the browser; the public sees
// who sits on the council, on a phone too, without contact data.
import { assert, signIn } from './support.mjs';

export async function officer_adds_an_organization_and_fixes_a_bad_rut({ page, server }) {
  await page.goto(server.url + '/login');
  await signIn(page, server);
  await page.click('nav >> text=Organizaciones');
  await page.waitForURL('**/admin/organizaciones');
  await page.click('text=Agregar');
  await page.fill('#nombre', 'Junta de Vecinos Prueba Navegador');
  await page.selectOption('#tipo', 'junta_vecinos');
  await page.fill('#rut', '65.111.222-0');
  await page.selectOption('#comuna', '04304');
  await page.click('button:has-text("Guardar")');
  assert(await page.isVisible('text=el dígito verificador no corresponde'), 'RUT error shown');
  assert((await page.inputValue('#nombre')) === 'Junta de Vecinos Prueba Navegador', 'typed name kept');
  const wrong = await page.inputValue('#rut');
  const m = (await page.textContent('.field-error')).match(/debería ser (\w)/);
  await page.fill('#rut', wrong.replace(/-.$/, '-' + m[1]));
  await page.click('button:has-text("Guardar")');
  assert(await page.isVisible('text=Los cambios fueron guardados.'), 'saved notice shown');
  assert(await page.isVisible('text=Punitaqui'), 'commune shown on the detail');
}

export async function public_members_page_fits_a_phone_and_hides_contact_data({ page, server }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url + '/integrantes');
  assert(await page.isVisible('h1:has-text("Integrantes del consejo")'), 'heading shown');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'no horizontal scrolling at 360 px');
  const text = await page.textContent('main');
  assert(!/@|\+56|\d{1,2}\.\d{3}\.\d{3}-[\dK]/.test(text), 'no e-mail, phone or RUN on the page');
}
