import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Confirms the card and waits until what it wrote has landed: first a new write at the top of the
 * outbox (the row there before may be an earlier write, already done), then `count` rows done
 * (two when a new lead is added first).
 */
export async function confirmAndLand(side: Page, card: Locator, count = 1): Promise<void> {
  const rows = side.getByTestId('outbox-entry');
  const before = (await rows.count()) ? await rows.first().getAttribute('data-key') : null;
  await card.getByRole('button', { name: /Confirm/ }).click();
  if (before) await expect(rows.first()).not.toHaveAttribute('data-key', before);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toHaveAttribute('data-state', 'done');
}
