/** radsim web app: a hash router over four views (Explore, Compare, Research, About). */
import { ETHICS_LINE } from '../sim/index.ts';
import { compareView } from './compare.ts';
import { exploreView } from './explore.ts';
import { getLang, setLang, t, type Key, type Lang } from './i18n.ts';
import { researchView } from './research.ts';
import { h } from './util.ts';

const VIEWS = ['explore', 'compare', 'research', 'about'] as const;
type View = (typeof VIEWS)[number];
let cleanup: () => void = () => {};

function aboutView(root: HTMLElement): () => void {
  // The source documents, kept in docs/sources/ (its README gives each one's publisher and link).
  const seeds: [string, Record<Lang, string>][] = [
    [
      '003_b01ffb2916f57b10.txt',
      {
        en: 'WODC study 3421 (University of Amsterdam, 2025), "Radicalisering en psychosociale problematiek: Beter begrijpen, beter ingrijpen" (summary)',
        nl: 'WODC-onderzoek 3421 (Universiteit van Amsterdam, 2025), "Radicalisering en psychosociale problematiek: Beter begrijpen, beter ingrijpen" (samenvatting)',
      },
    ],
    [
      '001_9985252c126c6d4e.txt',
      {
        en: 'Ministry memo (2025) on presenting that study to parliament',
        nl: 'Beslisnota van het ministerie (2025) over het aanbieden van dat onderzoek aan de Kamer',
      },
    ],
    [
      '000_eb77dd75b44609ec.txt',
      {
        en: "Minister's letter (2025) offering the study to parliament",
        nl: 'Brief van de minister (2025) waarmee het onderzoek aan de Kamer wordt aangeboden',
      },
    ],
    [
      '002_8eba30a1dfbc2ef6.txt',
      {
        en: `Minister's letter (2015) on the study "Triggerfactoren in het radicaliseringsproces"`,
        nl: 'Brief van de minister (2015) over het onderzoek "Triggerfactoren in het radicaliseringsproces"',
      },
    ],
    [
      '004_3f123f64741c8191.txt',
      {
        en: "Minister's letter (2024) on the Inspectorate's study of early detection in the local domain (Kamerstuk 29 754, nr. 731)",
        nl: 'Brief van de minister (2024) over het onderzoek van de Inspectie naar vroegsignalering in het lokale domein (Kamerstuk 29 754, nr. 731)',
      },
    ],
  ];
  const lang = getLang();
  const terms: Key[] = ['signal', 'triage', 'pga', 'caseMeeting'];
  root.replaceChildren(
    h(
      'div',
      { class: 'panel', id: 'about' },
      h('h2', {}, t('about')),
      h('p', { class: 'ethics', id: 'ethics' }, t('ethics')),
      lang === 'en' && h('p', {}, ETHICS_LINE.replace(/^> /, '').replace(/\*\*/g, '')),
      h('h3', {}, t('sources')),
      h('p', {}, t('aboutSources')),
      h('ul', {}, ...seeds.map(([f, d]) => h('li', {}, h('code', {}, f), ` — ${d[lang]}`))),
      h('h3', {}, t('terms')),
      h('ul', {}, ...terms.map((k) => h('li', {}, t(k)))),
      h('p', {}, t('aboutFooter')),
    ),
  );
  return () => {};
}

function route(): void {
  const hash = location.hash.replace(/^#/, '');
  const [name, query] = [hash.split('?')[0], hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : null];
  const view: View = (VIEWS as readonly string[]).includes(name) ? (name as View) : 'explore';
  render(view, query);
}

function render(view: View, query: string | null): void {
  cleanup();
  document.documentElement.lang = getLang();
  document.title = t('title');
  const app = document.getElementById('app')!;
  const main = h('main', { id: `view-${view}` });
  const nav = h(
    'nav',
    { 'aria-label': t('viewsNav') },
    ...VIEWS.map((v) =>
      h(
        'button',
        {
          type: 'button',
          id: `nav-${v}`,
          'aria-current': v === view ? 'page' : false,
          onclick: () => (location.hash = v),
        },
        t(v),
      ),
    ),
  );
  const langBtn = h(
    'button',
    {
      type: 'button',
      id: 'lang',
      onclick: () => {
        setLang(getLang() === 'en' ? 'nl' : 'en');
        render(view, query);
      },
    },
    getLang() === 'en' ? 'Nederlands' : 'English',
  );
  app.replaceChildren(
    h('header', {}, h('h1', {}, 'radsim'), nav, h('div', { class: 'lang' }, langBtn)),
    h('div', { style: 'padding: 0 1rem' }, h('p', { class: 'ethics' }, t('ethics'))),
    main,
  );
  const views: Record<View, (root: HTMLElement) => () => void> = {
    explore: (r) => exploreView(r, query ? new URLSearchParams(query).get('scenario') : null),
    compare: (r) => compareView(r, query),
    research: researchView,
    about: aboutView,
  };
  try {
    cleanup = views[view](main);
  } catch (err) {
    main.replaceChildren(h('div', { class: 'error', role: 'alert' }, (err as Error).message));
    cleanup = () => {};
  }
}

// Compare rewrites its own share link with history.replaceState, which fires no hashchange.
window.addEventListener('hashchange', route);
route();
