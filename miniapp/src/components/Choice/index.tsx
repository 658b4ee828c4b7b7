import { Text, View } from '@tarojs/components';
import './index.css';
import { FOCUSABLE } from '../a11y';

/** One option of a Choice. */
export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** Props of a single-choice group. */
export interface ChoiceProps<T extends string> {
  /** The group's name, read out with it. */
  label: string;
  options: readonly ChoiceOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  /** Stack the options (long labels, elderly mode does it anyway). */
  vertical?: boolean;
  testId?: string;
}

/**
 * A single choice as a row of large buttons (a radio group): the chosen one has a check mark and bold
 * text as well as a colour; no pop-up picker.
 */
export default function Choice<T extends string>({ label, options, value, onChange, vertical, testId }: ChoiceProps<T>) {
  return (
    <View className={`choice ${vertical ? 'choice--vertical' : ''}`} role='radiogroup' aria-label={label} data-testid={testId}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View key={o.value} className={`choice__option ${on ? 'choice__option--on' : ''}`} role='radio' {...FOCUSABLE} aria-checked={on} data-value={o.value} onClick={() => onChange(o.value)}>
            <Text className='choice__label'>
              {on ? '✓ ' : ''}
              {o.label}
            </Text>
            {o.hint && <Text className='choice__hint'>{o.hint}</Text>}
          </View>
        );
      })}
    </View>
  );
}
