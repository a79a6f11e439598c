// Browser tests: Debian's Chromium, headless, driven by playwright-core.
// Each tests/e2e/test_*.mjs exports async functions named as sentences;
// each gets a fresh page on a server with its own demo database. Ends with
// the "RESULT <passed> <failed>" line scripts/run-tests.sh adds up.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startDemoServer } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// COSOC_E2E_TESTS: run only the files whose names contain one of these
// words (separated by spaces), while working on them.
const only = (process.env.COSOC_E2E_TESTS || '').split(' ').filter(Boolean);
const files = readdirSync(here).filter((f) => /^test_.*\.mjs$/.test(f))
  .filter((f) => only.length === 0 || only.some((w) => f.includes(w))).sort();
let passed = 0;
let failed = 0;

const browser = await launchBrowser();
try {
  for (const file of files) {
    const mod = await import(join(here, file));
    const server = await startDemoServer();
    try {
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== 'function') continue;
        const context = await browser.newContext({ locale: 'es-CL' });
        const page = await context.newPage();
        try {
          await fn({ page, server, context });
          passed++;
          console.log(`ok   ${file} ${name}`);
        } catch (err) {
          failed++;
          console.log(`FAIL ${file} ${name}\n${err.stack || err}`);
        } finally {
          await context.close();
        }
      }
    } finally {
      const problem = await server.stop();
      if (problem) {
        failed++;
        console.log(`FAIL ${file} server: ${problem}`);
      }
    }
  }
} finally {
  await browser.close();
}
console.log(`RESULT ${passed} ${failed}`);
process.exit(failed === 0 ? 0 : 1);
