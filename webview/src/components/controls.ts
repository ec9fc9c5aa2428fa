/** Form controls for chart options, built on @vscode-elements: a checkbox, a number box and a filter box. */
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { codicon, h } from './dom.js';

/** `fn` once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void): VscodeCheckbox {
  const box = document.createElement('vscode-checkbox');
  box.label = label;
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

/** A labelled whole-number box; calls back with a valid number in [min, max] only. */
export function numberField(label: string, value: number, min: number, max: number, onChange: (value: number) => void): HTMLElement {
  const field = document.createElement('vscode-textfield');
  field.type = 'number';
  field.min = min;
  field.max = max;
  field.step = 1;
  field.value = String(value);
  field.label = label;
  field.className = 'number-field';
  const report = debounce(() => {
    const n = Number(field.value);
    const valid = field.value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
    field.invalid = !valid;
    if (valid) onChange(n);
  }, 300);
  field.addEventListener('input', report);
  return h('label', { className: 'control' }, [h('span', { className: 'control-label', text: label }), field]);
}

/** A text box with a filter icon; calls back (debounced) with the text. */
export function filterField(placeholder: string, label: string, value: string, onChange: (text: string) => void): VscodeTextfield {
  const field = document.createElement('vscode-textfield');
  field.placeholder = placeholder;
  field.label = label;
  field.value = value;
  field.className = 'filter-field';
  const icon = codicon('filter');
  icon.slot = 'content-before';
  field.append(icon);
  field.addEventListener('input', debounce(() => onChange(field.value), 250));
  return field;
}
