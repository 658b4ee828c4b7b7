import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/*
 * Helpers for driving antd controls in jsdom the way a person does (click, type, click the option).
 */

/** A button by its text; antd puts a space between two Chinese characters ("提 交"), which this ignores. */
export function buttonName(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
}

/** Picks an option of an antd Select (the open dropdown's item with exactly this text). */
export async function chooseOption(user: UserEvent, combobox: HTMLElement, option: string): Promise<void> {
  await user.click(combobox);
  const items = await screen.findAllByTitle(option);
  const item = items.find((el) => el.classList.contains('ant-select-item-option')) ?? items[items.length - 1];
  await user.click(item);
}

/** Picks a region in a RegionPicker by searching `text` and clicking the hit shown as `path`. */
export async function pickRegion(user: UserEvent, combobox: HTMLElement, text: string, path: string): Promise<void> {
  await user.click(combobox);
  await user.type(combobox, text);
  const hits = await screen.findAllByText(path, { selector: '.ant-select-tree-title' });
  await user.click(hits[hits.length - 1]);
}

/** The validation messages shown under a form field, found by the field's label. */
export function fieldErrors(container: HTMLElement, label: string): string[] {
  const input = within(container).getByLabelText(label);
  const item = input.closest('.ant-form-item');
  return [...(item?.querySelectorAll('.ant-form-item-explain-error') ?? [])].map((e) => e.textContent ?? '');
}

/**
 * An antd message (from `App.useApp().message`) once it shows. Waiting for it lets the handler that sends it
 * finish before the test ends: a message sent after the console is unmounted has no holder to show it in,
 * and antd warns "You are calling notice in render".
 */
export function findMessage(text: string): Promise<HTMLElement> {
  return screen.findByText(text, { selector: '.ant-message-custom-content > span' });
}
