/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithAntd } from '../../../test/render';
import { useRealServer } from '../../../test/real-server';
import { RegionPicker } from '.';

useRealServer();

/** The picker as a form would hold it, with the picked code printed below. */
function Harness({ within }: { within: string }) {
  const [value, setValue] = useState<string>();
  return (
    <div>
      <RegionPicker within={within} value={value} onChange={setValue} aria-label="地区" />
      <output data-testid="picked">{value ?? ''}</output>
    </div>
  );
}

describe('RegionPicker (real /regions endpoints)', () => {
  it('searches Chinese text within the subtree only, and shows the picked region with its path', async () => {
    renderWithAntd(<Harness within="330304" />);
    const user = userEvent.setup({ delay: null });
    const box = screen.getByRole('combobox');
    await user.click(box);
    await user.type(box, '景山');

    // 景山街道 and its 景山社区 are in 瓯海区; 景山村 (杭州) and 西景山村 (金华) are not offered.
    const hit = await screen.findByText('瓯海区 / 景山街道 / 景山社区');
    expect(screen.getByText('瓯海区 / 景山街道')).toBeTruthy();
    expect(screen.queryByText(/景山村/)).toBeNull();
    expect(document.querySelectorAll('.ant-select-tree-title')).toHaveLength(2);

    await user.click(hit);
    await waitFor(() => expect(screen.getByTestId('picked').textContent).toBe('330304001003'));
    await waitFor(() => expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('瓯海区 / 景山街道 / 景山社区'));
  });

  it('finds regions by pinyin initials', async () => {
    renderWithAntd(<Harness within="330304" />);
    const user = userEvent.setup({ delay: null });
    const box = screen.getByRole('combobox');
    await user.click(box);
    await user.type(box, 'wtjd');
    expect(await screen.findByText('瓯海区 / 梧田街道')).toBeTruthy();
  });

  it('browses the tree: the root first, children loaded when opened', async () => {
    renderWithAntd(<Harness within="330304001" />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox'));
    expect(await screen.findByText('景山街道')).toBeTruthy();
    expect(screen.queryByText('繁荣社区')).toBeNull();

    await user.click(document.querySelector('.ant-select-tree-switcher') as Element);
    await user.click(await screen.findByText('繁荣社区'));
    await waitFor(() => expect(screen.getByTestId('picked').textContent).toBe('330304001002'));
    expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('景山街道 / 繁荣社区');
  });
});
