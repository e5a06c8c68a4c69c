// The dashboard in a real browser: Debian's Chromium (headless, never a downloaded browser) driven by
// playwright-core against a gateway with a seeded ledger. BrowserTest (JUnit) starts the gateway, writes the
// fixture file named by the first argument, runs this script and fails when it exits non-zero.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const fixture = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const shots = fixture.screenshots;
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
const checks = [];
function check(name) { checks.push(name); console.log('ok - ' + name); }

/** True when the chart's canvas has painted pixels. */
async function drawn(page, id) {
  await page.waitForSelector('#' + id + '[data-drawn="true"] canvas', { timeout: 15000 });
  return page.$eval('#' + id + ' canvas', canvas => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) painted++; }
    return painted;
  });
}

async function signIn(context, key) {
  const page = await context.newPage();
  await page.goto(fixture.url + '/ui');
  await page.fill('input[name=key]', key);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}

async function allPages(page, first) {
  const ids = [];
  await page.goto(fixture.url + first);
  for (let i = 0; i < 100; i++) {
    ids.push(...await page.$$eval('tr[data-request]', rows => rows.map(r => r.getAttribute('data-request'))));
    const older = await page.$('#older');
    if (!older) break;
    await Promise.all([page.waitForNavigation(), older.click()]);
  }
  return ids;
}

function csvRows(text) {
  return text.trim().split('\n').slice(1).map(line => line.split(','));
}

function nanos(usd) {
  if (usd === '') return 0n;
  const [whole, fraction = ''] = usd.split('.');
  return BigInt(whole) * 1000000000n + BigInt((fraction + '000000000').slice(0, 9));
}

try {
  // an unauthenticated browser is refused: the sign-in page, no data
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['/ui', '/ui/requests', '/ui/keys', '/ui/gap']) {
      const response = await page.goto(fixture.url + path);
      assert.equal(response.status(), 401, path);
      assert.equal(await page.$('table'), null, path + ' shows no table');
      assert.ok(await page.$('input[name=key]'), path + ' offers the sign-in form');
    }
    const csv = await context.request.get(fixture.url + '/ui/requests.csv');
    assert.equal(csv.status(), 401);
    await page.screenshot({ path: shots + '/signin.png' });
    check('an unauthenticated browser gets the sign-in page and no data');
    await context.close();
  }

  const admin = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await signIn(admin, fixture.adminKey);
  const cookies = await admin.cookies();
  assert.ok(cookies.some(c => c.name === 'gapwise_ui' && c.httpOnly && c.sameSite === 'Strict'));
  assert.ok(!page.url().includes(fixture.adminKey), 'the key is not in the URL');

  // every page loads and its charts paint
  const pages = [
    ['/ui', 'overview', ['spend-by-day', 'tier-share-chart']],
    ['/ui/routing', 'routing', ['tier-flow', 'tier-source-chart']],
    ['/ui/requests', 'requests', []],
    ['/ui/keys', 'keys', []],
    ['/ui/deployments', 'deployments', []],
    ['/ui/gap', 'gap', ['open-vs-closed-frontiers', 'open-vs-closed-lag', 'china-vs-us-frontiers', 'matrix-frontiers']],
  ];
  for (const [path, name, charts] of pages) {
    const response = await page.goto(fixture.url + path);
    assert.equal(response.status(), 200, path);
    for (const chart of charts) {
      assert.ok(await drawn(page, chart) > 1000, chart + ' has painted pixels');
    }
    await page.screenshot({ path: shots + '/' + name + '.png', fullPage: true });
  }
  check('every page loads for an admin and every chart paints its canvas');

  // the overview's lines are gapwise ledger's
  await page.goto(fixture.url + '/ui?days=30');
  await page.click('#ledger-lines >> xpath=ancestor::details/summary');
  const lines = await page.$$eval('#ledger-lines tbody tr', rows => rows.map(r =>
    Array.from(r.querySelectorAll('td')).map(td => td.textContent).join('|')));
  assert.deepEqual(lines, fixture.ledgerLines);
  await page.screenshot({ path: shots + '/overview-ledger.png', fullPage: true });
  check('the overview shows the lines of gapwise ledger, number for number');

  // hovering a frontier point names the model
  await page.goto(fixture.url + '/ui/gap');
  await drawn(page, 'open-vs-closed-frontiers');
  const tip = await page.evaluate(() => {
    const chart = echarts.getInstanceByDom(document.getElementById('open-vs-closed-frontiers'));
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
    return new Promise(resolve => setTimeout(() => resolve(
      Array.from(document.querySelectorAll('#open-vs-closed-frontiers div')).map(d => d.textContent).join(' ')), 300));
  });
  assert.ok(tip.includes(fixture.firstLeaderRecord), 'tooltip names ' + fixture.firstLeaderRecord + ': ' + tip);
  await page.screenshot({ path: shots + '/gap-hover.png' });
  check('hovering a frontier point shows the model (' + fixture.firstLeaderRecord + ')');

  // pagination visits every request once; filters narrow it
  const ids = await allPages(page, '/ui/requests?size=40');
  assert.equal(ids.length, fixture.requests);
  assert.equal(new Set(ids).size, fixture.requests);
  await page.goto(fixture.url + '/ui/requests');
  await page.fill('input[name=tier]', 'critical');
  await page.fill('input[name=size]', '200');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
  const tiers = await page.$$eval('tr[data-request] td:nth-child(3)', cells => cells.map(c => c.textContent));
  assert.equal(tiers.length, fixture.criticalRequests);
  assert.ok(tiers.every(t => t === 'critical'));
  await page.screenshot({ path: shots + '/requests-filtered.png', fullPage: true });
  await page.click('tr[data-request] td a');
  await page.waitForSelector('#attempts');
  await page.screenshot({ path: shots + '/request-detail.png', fullPage: true });
  check('keyset pages visit all ' + fixture.requests + ' requests once; the tier filter keeps only its tier; a request opens with its attempts');

  // the CSV export is the ledger
  const csv = await admin.request.get(fixture.url + '/ui/requests.csv');
  assert.equal(csv.status(), 200);
  const rows = csvRows(await csv.text());
  assert.equal(rows.length, fixture.attempts);
  const cost = rows.reduce((sum, r) => sum + nanos(r[18]), 0n);
  assert.equal(cost.toString(), fixture.costNanos);
  assert.equal(rows.filter(r => r[19] === '1' && r[18] === '').length, fixture.unpricedAttempts);
  check('the CSV export has every attempt of the ledger and its total cost; unpriced costs are empty, not 0');
  await admin.close();

  // a key holder sees only its own data
  const holder = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const own = await signIn(holder, fixture.userKey);
  assert.ok(await own.$('#own-days'), 'the overview shows the key\'s own days');
  assert.equal(await own.$('#ledger-lines'), null);
  await own.screenshot({ path: shots + '/self-service.png', fullPage: true });
  const ownIds = await allPages(own, '/ui/requests?size=200&key=key_other1');
  assert.equal(ownIds.length, fixture.userRequests);
  const keysShown = await own.$$eval('tr[data-request] td:nth-child(2)', cells => cells.map(c => c.textContent));
  assert.ok(keysShown.every(k => k === fixture.userKeyId));
  assert.equal((await own.goto(fixture.url + '/ui/routing')).status(), 403);
  const ownCsv = csvRows(await (await holder.request.get(fixture.url + '/ui/requests.csv')).text());
  assert.equal(ownCsv.length, fixture.userAttempts);
  assert.ok(ownCsv.every(r => r[3] === fixture.userKeyId));
  check('a key holder sees only its own ' + fixture.userRequests + ' requests and ' + fixture.userAttempts + ' attempts; routing is 403');
  await holder.close();
  console.log('all ' + checks.length + ' browser checks passed');
} catch (error) {
  console.error('FAILED: ' + (error && error.stack || error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
