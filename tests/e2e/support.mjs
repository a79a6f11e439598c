// Shared plumbing for the browser tests: Debian's Chromium (never a
// downloaded one) and a cosoc server on a free loopback port with a demo
// database made for the test.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.COSOC_BIN || join(root, 'build', 'check', 'cosoc');
const SANITIZER = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/;

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function waitForPort(port, proc, deadlineMs) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const attempt = () => {
      if (proc.exitCode !== null) return reject(new Error('cosoc serve exited early'));
      const s = connect(port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(); });
      s.on('error', () => {
        s.destroy();
        if (Date.now() - t0 > deadlineMs) reject(new Error('cosoc serve did not start'));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startDemoServer() {
  const dir = mkdtempSync(join(tmpdir(), 'cosoc-e2e-'));
  const db = join(dir, 'demo.db');
  const env = { ...process.env };
  delete env.COSOC_DB;
  const out = execFileSync(BIN, ['demo', '--db', db], { env, encoding: 'utf8' });
  const email = /Administrador: (\S+)/.exec(out)[1];
  const password = /Contraseña: (\S+)/.exec(out)[1];
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  await waitForPort(port, proc, 30000);
  return {
    url: `http://127.0.0.1:${port}`,
    db, email, password, dir,
    // Stops the server; returns a description of any problem, or null.
    async stop() {
      const exited = new Promise((r) => proc.on('exit', (code) => r(code)));
      if (proc.exitCode === null) proc.kill('SIGTERM');
      const code = proc.exitCode !== null ? proc.exitCode : await exited;
      rmSync(dir, { recursive: true, force: true });
      if (SANITIZER.test(log)) return `sanitizer report:\n${log}`;
      if (code !== 0) return `exit ${code}:\n${log}`;
      return null;
    },
  };
}

export async function signIn(page, server, email = server.email, password = server.password) {
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// axe-core (npm, pinned by the lock): the accessibility rules run inside the
// page. Evaluated through the browser's protocol, which the site's
// Content-Security-Policy (no inline scripts) does not block.
const AXE = readFileSync(join(root, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js'),
  'utf8');

// Fails with every violation axe finds on the page as it is now.
export async function assertAxeClean(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
      + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  });
  assert(found.length === 0, `${label}: axe found:\n${found.join('\n')}`);
}

// Fails when the page scrolls sideways (its content is wider than the window).
export async function assertNoSidewaysScroll(page, label) {
  const [width, inner] = await page.evaluate(
    () => [document.documentElement.scrollWidth, window.innerWidth]);
  assert(width <= inner, `${label}: scrolls sideways (${width} > ${inner} px)`);
}
