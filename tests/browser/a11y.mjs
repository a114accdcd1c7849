// Accessibility checks for the browser tests: axe-core against WCAG 2.0
// and 2.1 at levels A and AA (webtilgængelighedsloven points to EN 301 549,
// which is WCAG 2.1 AA), and the focus indicator of the focused element.
//
// axe-core runs inside the page: its source is evaluated through the
// DevTools protocol (page.evaluate), which the page's Content Security
// Policy does not govern, so nothing is added to the product for tests.
//
//   await checkA11y(page, 'the refused CTI form');   // throws on a violation
//   const found = await axeViolations(page, label);  // the list, to collect
//   await checkFocusVisible(page, 'after Tab');      // throws when invisible
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The success criteria the law asks for; best practices are not law and
// are left out (they are advice, and would make the test a style guide).
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Every violation on the page as one line each: the page, the rule, the
// elements (CSS selectors) and axe's help text with its address.
export async function axeViolations(page, label) {
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')),
      summary: v.nodes[0] ? v.nodes[0].failureSummary : '',
    }));
  }, WCAG_TAGS);
  const where = `${label} ${new URL(page.url()).pathname}${new URL(page.url()).search}`;
  return result.map((v) => `${where}: ${v.id} (${v.impact}) at ${v.targets.slice(0, 5).join(' | ')}` +
    `${v.targets.length > 5 ? ` and ${v.targets.length - 5} more` : ''}: ${v.help} <${v.helpUrl}>` +
    `${v.summary ? `\n         ${v.summary.split('\n').join(' ')}` : ''}`);
}

// The page has no WCAG 2.1 A/AA violation axe can find; the error lists
// every one.
export async function checkA11y(page, label) {
  const found = await axeViolations(page, label);
  assert.ok(found.length === 0, `axe found ${found.length} WCAG 2.1 A/AA violation(s):\n  ${found.join('\n  ')}`);
}

// The focused element shows where it is (WCAG 2.4.7): an outline of at
// least 2 px that is not "none", or a box shadow. Returns a description
// of the focused element.
export async function checkFocusVisible(page, label) {
  const f = await page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    return {
      what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.name ? `[name=${e.name}]` : ''}` +
        ` "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30)}"`,
      style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0, shadow: s.boxShadow,
    };
  });
  assert.ok(f, `${label}: nothing has the keyboard focus`);
  const visible = (f.style !== 'none' && f.width >= 2) || (f.shadow && f.shadow !== 'none');
  assert.ok(visible, `${label}: the focused ${f.what} shows no focus ` +
    `(outline ${f.style} ${f.width}px, box-shadow ${f.shadow})`);
  return f.what;
}

// ---- keyboard only ----

// Press Tab (or Shift+Tab with back) until the focused element matches
// `selector`; every element the focus passes must show it
// (checkFocusVisible). Returns the number of presses.
export async function tabTo(page, selector, { back = false, max = 120, label = selector } = {}) {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const at = await page.evaluate((s) => {
      const e = document.activeElement;
      return e && e !== document.body ? (e.matches(s) ? 'here' : 'other') : 'none';
    }, selector);
    if (at === 'none') continue; // past the last element: the browser's own UI, then round again
    await checkFocusVisible(page, `${back ? 'Shift+Tab' : 'Tab'} towards ${label}`);
    if (at === 'here') return n;
  }
  throw new assert.AssertionError({
    message: `${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${label} on ${page.url()}`,
  });
}

// Press a key that loads a new document (Enter on a link or a button).
export async function pressToLoad(page, key) {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
}

// Log in at /login with the keyboard alone: Tab to the user name, type,
// Tab to the password, type, Enter.
export async function keyboardLogin(page, base, name, password) {
  await page.goto(`${base}/login`);
  await tabTo(page, 'input[name=username]');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'password',
    'Tab from the user name goes to the password');
  await checkFocusVisible(page, 'the password field');
  await page.keyboard.type(password);
  await pressToLoad(page, 'Enter');
  assert.doesNotMatch(new URL(page.url()).pathname, /^\/login/, `the keyboard log-in of ${name} failed`);
}

// Type an ISO date (YYYY-MM-DD) into the focused date field by keyboard.
// The order of its parts (day, month, year) follows the browser's
// language, so each part is found as a user finds it: Arrow Up changes
// it (and Arrow Down undoes that), and the value shows which part it was.
export async function typeDate(page, selector, iso) {
  const [y, m, d] = iso.split('-');
  for (let part = 0; part < 3; part++) {
    const before = (await page.inputValue(selector)).split('-');
    let step = ['ArrowUp', 'ArrowDown'];
    await page.keyboard.press(step[0]);
    let after = (await page.inputValue(selector)).split('-');
    if (after.length !== 3) { // Arrow Up made an impossible date (31 February): the other way
      await page.keyboard.press(step[1]);
      step = ['ArrowDown', 'ArrowUp'];
      await page.keyboard.press(step[0]);
      after = (await page.inputValue(selector)).split('-');
    }
    await page.keyboard.press(step[1]);
    assert.equal(after.length, 3, `the date field ${selector} has a part that cannot be found by its arrows`);
    const which = after[0] !== before[0] ? 0 : after[1] !== before[1] ? 1 : 2;
    await page.keyboard.type([y, m, d][which]); // a full part moves on to the next
  }
  assert.equal(await page.inputValue(selector), iso, `the date typed into ${selector}`);
}
