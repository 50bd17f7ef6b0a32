// Screenshots for docs/operations.md, in Debian's headless Chromium (no browser download):
//   cd tools/screenshots && npm install && SETTLE_MS=2000 node shoot.js <url> <out.png> [click]...
// Each click is the accessible name of a button (Hawtio's tree nodes), "text:<text>" for any element
// with that text (Hawtio's tabs), or "last:<name>" for the last button of that name (the MBean node
// next to a folder of the same name). Waits for Hawtio's navigation before clicking. Hawtio is behind a login
// (ADR 0017): on the login page it signs in as LOGIN/PASSWORD, by default the demo's operator.
const { chromium } = require('playwright-core');
(async () => {
  const [url, out, ...clicks] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 90000 });
  if (new URL(page.url()).pathname === '/login') {
    await page.fill('#username', process.env.LOGIN || 'operator');
    await page.fill('#password', process.env.PASSWORD || 'demo-operator-pw');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle', timeout: 90000 }),
      page.click('button[type=submit]')]);
  }
  await page.getByRole('link', { name: 'JMX' }).first().waitFor({ timeout: 90000 });
  await page.waitForTimeout(3000);
  for (const text of clicks) {
    const [role, name] = text.includes(':') ? text.split(':') : ['button', text];
    const target = role === 'text' ? page.getByText(name, { exact: true }) : page.getByRole(role, { name, exact: true });
    await (role === 'last' ? page.getByRole('button', { name, exact: true }).last() : target.first()).click({ timeout: 30000 });
    await page.waitForTimeout(2500);
  }
  await page.waitForTimeout(Number(process.env.SETTLE_MS || 0));
  await page.screenshot({ path: out });
  await browser.close();
})().catch(e => { console.error(e.message); process.exit(1); });
