/**
 * Shared setup of the end-to-end tests: the app is built into a temporary directory, served by
 * `vite preview` on a free port and driven in Debian's headless Chromium (playwright-core; never
 * a browser download). Each test file starts its own app so files can run in parallel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const root = resolve(import.meta.dirname, '../..');
/** Screenshots of each mode, shown in the README. */
export const shots = join(root, 'docs/screenshots');

export interface App {
  base: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = netServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export async function startApp(): Promise<App> {
  const outDir = mkdtempSync(join(tmpdir(), 'radsim-e2e-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.httpServer.close(() => r()) : r()));
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const port = await freePort();
    server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return { base: `http://127.0.0.1:${port}/`, browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
