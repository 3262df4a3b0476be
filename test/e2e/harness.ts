/**
 * The app in a real browser, for the end-to-end tests and bench/browser.ts: the app is built into
 * a temporary directory, served by `vite preview` on a free port and driven in Debian's headless
 * Chromium (playwright-core; never a browser download). Each test file starts its own app so
 * files can run in parallel (`useApp`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const root = resolve(import.meta.dirname, '../..');
/**
 * Where the tests write their screenshots of each mode. A test run leaves the committed ones alone
 * and writes to a folder of the system's temporary directory; `npm run screenshots`
 * (RADSIM_SCREENSHOTS=1) refreshes the committed ones in docs/screenshots/, shown in the README.
 */
export const shots =
  process.env.RADSIM_SCREENSHOTS === '1' ? join(root, 'docs/screenshots') : join(tmpdir(), 'radsim-screenshots');
mkdirSync(shots, { recursive: true });

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

export interface AppOptions {
  /** Let Chromium use its (software) GPU path instead of `--disable-gpu`. */
  gpu?: boolean;
}

/** Chromium's command line: headless, no sandbox (CI runs as root), nothing fetched from the network. */
export function chromiumArgs(options: AppOptions = {}): string[] {
  return [
    '--headless',
    '--no-sandbox',
    ...(options.gpu ? [] : ['--disable-gpu']),
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export async function startApp(options: AppOptions = {}): Promise<App> {
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
    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { port, strictPort: true, host: '127.0.0.1', open: false },
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs(options),
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    return { base: `http://127.0.0.1:${port}/`, browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Starts the app before a test file's tests and closes it after them. Read `page`, `base` and
 * `browser` inside the tests (they exist once beforeAll has run).
 */
export function useApp(): Readonly<Pick<App, 'page' | 'base' | 'browser'>> {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  const started = (): App => {
    if (!app) throw new Error('the app has not started (useApp starts it in beforeAll)');
    return app;
  };
  return {
    get page() {
      return started().page;
    },
    get base() {
      return started().base;
    },
    get browser() {
      return started().browser;
    },
  };
}

/**
 * Loads `url` as a new document. Going to a URL that differs only in its hash keeps the page, and
 * with it the simulation workers the job pool keeps warm between runs; a test that needs fresh
 * workers (one that breaks the worker script) loads the page anew.
 */
export async function loadFresh(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

/** The built worker script of the app (vite names it assets/worker-<hash>.js). */
export const WORKER_URL = /\/assets\/worker-[^/?]*\.js(\?.*)?$/;

/**
 * Makes the app's workers crash for real: each loads the real worker script and then throws an
 * uncaught error `afterMs` later (an `error` event on the Worker, as a crash in the model would
 * give). Returns the function that stops it.
 */
export async function crashWorkers(page: Page, afterMs: number, message: string): Promise<() => Promise<void>> {
  await page.route(WORKER_URL, (route) => {
    const url = route.request().url();
    if (url.endsWith('?real')) return route.continue();
    return route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      headers: { 'cache-control': 'no-store' },
      body: `import ${JSON.stringify(`${url}?real`)};\nsetTimeout(() => { throw new Error(${JSON.stringify(message)}); }, ${afterMs});\n`,
    });
  });
  return () => page.unroute(WORKER_URL);
}

/** Makes the app's worker script fail as it loads (it throws at once). Returns the function that stops it. */
export async function breakWorkerScript(page: Page, message: string): Promise<() => Promise<void>> {
  await page.route(WORKER_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      headers: { 'cache-control': 'no-store' },
      body: `throw new Error(${JSON.stringify(message)});\n`,
    }),
  );
  return () => page.unroute(WORKER_URL);
}

/**
 * Plays a short Explore run to its end and selects the person in the highest phase (Enter on the
 * people canvas), so that every part of the view, the route panel included, is on the page.
 */
export async function playExploreToEndAndSelect(page: Page, weeks: number): Promise<void> {
  await page.fill('#agents', '2000');
  await page.fill('#weeks', String(weeks));
  await page.click('#restart');
  await page.waitForSelector('#status[data-week="0"]');
  await page.fill('#speed', '15');
  await page.click('#play');
  await page.waitForSelector('#status[data-ended="true"][data-running="false"]');
  await page.focus('#people');
  await page.keyboard.press('Enter');
}
