// Many councils: a person who belongs to two councils signs in, picks one,
// works in it under its own address, and switches to the other.
import { execFileSync } from 'node:child_process';
import { assert, BIN, signIn } from './support.mjs';

function cli(...args) {
  const env = { ...process.env, COSOC_PASSWORD: 'clave-de-prueba-1' };
  delete env.COSOC_DB;
  return execFileSync(BIN, args, { env, encoding: 'utf8' });
}

export async function a_person_in_two_councils_picks_one_and_switches({ page, server }) {
  const out = cli('council', 'add', '--db', server.db, '--name',
    'Consejo de la Sociedad Civil SERVIU Valparaíso', '--short-name',
    'COSOC Serviu Valparaíso', '--region', '05');
  const second = out.trim().split('\n').pop();
  cli('user', 'add', '--db', server.db, '--email', 'dos.consejos@example.cl',
    '--name', 'Dora Dos Consejos', '--role', 'consejero', '--council', '1');
  cli('user', 'council', '--db', server.db, '--email', 'dos.consejos@example.cl',
    '--council', second, '--role', 'admin');

  await signIn(page, server, 'dos.consejos@example.cl', 'clave-de-prueba-1');
  // Two councils: the choice comes first
  assert(page.url().endsWith('/consejo'), `lands on the choice, not ${page.url()}`);
  assert(await page.isVisible('h1:has-text("Elegir consejo")'), 'choice heading');
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("COSOC Serviu Valparaíso")')]);
  assert(page.url().endsWith('/c/cosoc-serviu-valparaiso/'), `in Valparaíso: ${page.url()}`);
  assert(await page.isVisible('.brand-name:has-text("COSOC Serviu Valparaíso")'),
    'the header names Valparaíso');
  // The officer's menu there, and its links stay under its address
  await Promise.all([page.waitForNavigation(), page.click('nav >> text=Consejeros')]);
  assert(page.url().endsWith('/c/cosoc-serviu-valparaiso/admin/integrantes'),
    `officer page in Valparaíso: ${page.url()}`);
  assert(!(await page.textContent('main')).includes('Minvu Serviu Coquimbo'),
    'nothing of Coquimbo');

  // Switch: a councillor in Coquimbo, no officer menu there
  await Promise.all([page.waitForNavigation(), page.click('#cambiar-consejo')]);
  await Promise.all([page.waitForNavigation(),
    page.click('button:has-text("COSOC Minvu Serviu Coquimbo")')]);
  assert(page.url().endsWith('/c/cosoc-minvu-serviu-coquimbo/'), `in Coquimbo: ${page.url()}`);
  assert(await page.isVisible('.brand-name:has-text("COSOC Minvu Serviu Coquimbo")'),
    'the header names Coquimbo');
  assert(!(await page.isVisible('nav >> text=Consejeros')), 'no officer menu in Coquimbo');
  // The choice lives in the session: the plain addresses follow it
  await page.goto(server.url + '/acuerdos');
  assert(await page.isVisible('.brand-name:has-text("COSOC Minvu Serviu Coquimbo")'),
    'plain address in the chosen council');
  const denied = await page.goto(server.url + '/c/cosoc-minvu-serviu-coquimbo/admin/integrantes');
  assert(denied.status() === 403, `a councillor is refused the officer page: ${denied.status()}`);
}

export async function the_national_view_lists_every_council({ page, server }) {
  cli('council', 'add', '--db', server.db, '--name', 'Consejo de Ñuble',
    '--short-name', 'COSOC Ñuble', '--region', '16');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url + '/');
  assert(page.url().endsWith('/consejos'), `home is the national view: ${page.url()}`);
  assert(await page.isVisible('a:has-text("COSOC Ñuble")'), 'the new council is listed');
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("COSOC Minvu Serviu Coquimbo")')]);
  assert(page.url().endsWith('/c/cosoc-minvu-serviu-coquimbo/'), 'its pages');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert(!overflow, 'no horizontal scrolling at 390 px');
}
