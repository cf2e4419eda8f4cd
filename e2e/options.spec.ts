import { expect, test } from './support/extension';

test('the options page validates and saves the worker address', async ({ context, extensionId, worker }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const input = page.getByLabel('Worker address');
  await expect(input).toHaveValue(worker.url);

  await input.fill('ftp://example.com');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status')).toContainText('Enter an https:// address');

  await input.fill('http://estait.example.com');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status')).toContainText('http:// is only for a worker on this computer');

  await input.fill(`${worker.url}/some/path`);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status')).toContainText('without a path');

  await input.fill(`${worker.url}/`);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status')).toContainText('The worker answers');
  await expect(input).toHaveValue(worker.url);
});
