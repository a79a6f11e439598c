// The officer creates a session and sends the citation; a councillor opens
// the reply link from the e-mail (delivered to a real SMTP server on
// loopback by `cosoc mail send-pending`), confirms and asks for transport;
// the officer sees the reply on the activity's page.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, assert, signIn } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startSink() {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'cosoc-e2e-smtp-'));
  const proc = spawn('/usr/bin/python3', [join(here, '..', 'http', 'smtp_sink.py'), String(port), folder],
    { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((r) => {
      const s = connect(port, '127.0.0.1');
      s.on('data', () => { s.destroy(); r(true); });
      s.on('error', () => { s.destroy(); r(false); });
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    folder,
    stop() { proc.kill('SIGKILL'); rmSync(folder, { recursive: true, force: true }); },
  };
}

// The plain-text body of the message sent to `to`, decoded by Python's
// e-mail package.
function bodyFor(folder, to) {
  const script = 'import email, email.policy, sys\n'
    + 'for p in sys.argv[2:]:\n'
    + '    raw = open(p, "rb").read().partition(b"\\n")[2]\n'
    + '    m = email.message_from_bytes(raw, policy=email.policy.default)\n'
    + '    if m["To"].addresses[0].addr_spec == sys.argv[1]:\n'
    + '        print(m.get_body(("plain",)).get_content())\n';
  const files = readdirSync(folder).filter((n) => n.endsWith('.eml')).map((n) => join(folder, n));
  return execFileSync('/usr/bin/python3', ['-c', script, to, ...files], { encoding: 'utf8' });
}

export async function officer_convenes_a_councillor_confirms_with_transport({ page, server, context }) {
  await signIn(page, server);
  await page.goto(server.url + '/actividades/nueva');
  await page.selectOption('#kind', 'sesion_ordinaria');
  await page.fill('#title', 'Sesión de prueba en Ovalle');
  await page.fill('#start', '2031-04-15T10:00');
  await page.fill('#end', '2031-04-15T12:00');
  await page.selectOption('#modality', 'presencial');
  await page.selectOption('#commune', '04301');
  await page.check('input[name=plan_lines][value="9"]');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar")')]);
  assert(/\/actividades\/\d+\?guardado=detalles$/.test(page.url()),
    'on the new activity page: ' + page.url());
  assert(await page.isVisible('.saved:has-text("Guardado")'), 'saved, said there');
  const activityUrl = page.url().split('?')[0];
  assert(await page.isVisible('h1:has-text("Sesión de prueba en Ovalle")'), 'title shown');
  await page.fill('#items', 'Lectura del acta\nVivienda en Limarí');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Guardar tabla")')]);
  assert(await page.isVisible('ol.agenda li:has-text("Vivienda en Limarí")'), 'agenda saved');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Enviar citación")')]);
  assert(await page.isVisible('section:has(#respuestas) >> text=en cola'),
    'the page says the mail is queued');
  // (Listed among the replies; the notice's record, folded, names her too.)
  assert(await page.isVisible('td:has-text("maria.pizarro@demo.cosoc.cl")'),
    'councillor listed');

  const sink = await startSink();
  try {
    execFileSync(BIN, ['mail', 'send-pending', '--db', server.db, '--smtp', sink.url],
      { encoding: 'utf8' });
    const body = bodyFor(sink.folder, 'maria.pizarro@demo.cosoc.cl');
    assert(body.includes('Vivienda en Limarí'), 'agenda in the mail');
    const link = /https?:\/\/[^\s/]+(\/r\/[A-Za-z0-9_-]+)/.exec(body);
    assert(link, 'reply link in the mail:\n' + body);

    // The councillor, not signed in, opens the link.
    await context.clearCookies();
    await page.goto(server.url + link[1]);
    assert(await page.isVisible('text=¿Asistirá'), 'reply form shown');
    await page.check('input[name=reply][value=confirma]');
    await page.check('input[name=transport]');
    await page.selectOption('#pickup', '04303');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Enviar respuesta")')]);
    assert(await page.isVisible('text=quedó registrada'), 'thanks shown');
  } finally {
    sink.stop();
  }

  await signIn(page, server);
  await page.goto(activityUrl);
  const row = page.locator('tr', { hasText: 'maria.pizarro@demo.cosoc.cl' });
  const text = await row.textContent();
  assert(text.includes('Confirma asistencia'), 'reply seen: ' + text);
  assert(text.includes('Desde Monte Patria'), 'transport seen: ' + text);
  assert(await page.isVisible('h3:has-text("Desde Monte Patria")'), 'grouped by pickup commune');
}
