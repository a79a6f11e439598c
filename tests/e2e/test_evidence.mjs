// On a phone-sized screen the officer photographs the acta of the May
// session (which the demo left without one) and uploads it from the
// activity page; the dashboard's line 4 moves from 1 to 2 verified
// sessions of 5. The photo is listed as its thumbnail.
import { deflateSync } from 'node:zlib';
import { assert, signIn } from './support.mjs';

// A valid 1x1 PNG, made here (CRC-32 by table).
function tinyPng() {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 60]))),
    chunk('IEND', Buffer.alloc(0))]);
}

// Line 4 of the real 2024-2025 plan (version 1) as it stands today: the
// acta uploaded now counts for its final result (looking back to 2025 it
// would not: it was not there yet).
async function line4(page, server) {
  await page.goto(server.url + '/?version=1');
  const value = await page.getAttribute('#linea-4 progress', 'value');
  const text = await page.textContent('#linea-4 .progress-text');
  return { value: Number(value), text };
}

export async function officer_uploads_a_photo_from_a_phone_and_the_line_progresses({ page, server }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, server);
  const before = await line4(page, server);
  assert(before.value === 1 && before.text.includes('1 de 5'), 'line 4 starts at 1 of 5: ' + JSON.stringify(before));
  assert(await page.isVisible('text=Qué falta'), 'the officer sees what is missing');

  const list = await (await page.request.get(server.url + '/api/activities')).json();
  const may = list.find((a) => a.title === 'Sesión ordinaria de mayo (en línea)');
  assert(may && !may.evidence.some((e) => e.kind === 'acta'), 'the May session has no acta');
  await page.goto(`${server.url}/actividades/${may.id}`);
  assert(await page.isVisible('h2:has-text("Verificadores")'), 'evidence section shown');
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(scroll <= 360, 'no sideways scrolling at 360 px: ' + scroll);
  await page.selectOption('#ev-kind', 'acta');
  await page.setInputFiles('#ev-camera', { name: 'acta-mayo.png', mimeType: 'image/png', buffer: tinyPng() });
  await page.fill('#ev-caption', 'Acta firmada');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Subir verificadores")')]);
  assert(await page.isVisible('a:has-text("acta-mayo.png")'), 'the photo is listed on the activity');
  // Listed as its thumbnail, which the browser can decode, not the photo.
  const thumb = page.locator('a:has-text("acta-mayo.png") img');
  assert(await thumb.count() === 1, 'the photo has one thumbnail');
  assert(/^\/evidencias\/\d+\/miniatura$/.test(await thumb.getAttribute('src')),
    'the thumbnail URL: ' + await thumb.getAttribute('src'));
  await thumb.scrollIntoViewIfNeeded();
  const width = await thumb.evaluate((img) => img.decode().then(() => img.naturalWidth));
  assert(width >= 1 && width <= 320, 'the thumbnail decodes, at most 320 px wide: ' + width);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(wide <= 360, 'the thumbnail keeps the page within 360 px: ' + wide);

  const after = await line4(page, server);
  assert(after.value === 2 && after.text.includes('2 de 5'), 'line 4 now 2 of 5: ' + JSON.stringify(after));
}
