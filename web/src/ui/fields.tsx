// Labelled form fields on react-aria-components: text, long text, number, choice, check box.
import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField as AriaNumberField,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField as AriaTextField,
  Button as AriaButton,
  type Key,
} from 'react-aria-components';

interface FieldBase {
  label: string;
  description?: string;
  /** A message from the server for this field; shown under it and marks it invalid. */
  error?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
  className?: string;
}

/** A one-line text field. */
export function TextField(
  props: FieldBase & {
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'datetime-local' | 'date' | 'time';
    autoComplete?: string;
    placeholder?: string;
  },
) {
  return (
    <AriaTextField
      className={`field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      type={props.type ?? 'text'}
      isRequired={props.isRequired ?? false}
      isDisabled={props.isDisabled ?? false}
      isInvalid={Boolean(props.error)}
      name={props.name}
      autoComplete={props.autoComplete}
    >
      <Label>{props.label}</Label>
      <Input placeholder={props.placeholder} />
      {props.description && <Text slot="description">{props.description}</Text>}
      <FieldError>{props.error}</FieldError>
    </AriaTextField>
  );
}

/** A multi-line text field. */
export function TextAreaField(
  props: FieldBase & { value: string; onChange(value: string): void; rows?: number },
) {
  return (
    <AriaTextField
      className={`field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      isRequired={props.isRequired ?? false}
      isDisabled={props.isDisabled ?? false}
      isInvalid={Boolean(props.error)}
      name={props.name}
    >
      <Label>{props.label}</Label>
      <TextArea rows={props.rows ?? 3} />
      {props.description && <Text slot="description">{props.description}</Text>}
      <FieldError>{props.error}</FieldError>
    </AriaTextField>
  );
}

/** A whole-number field with steppers typed in. */
export function NumberField(
  props: FieldBase & { value: number; onChange(value: number): void; minValue?: number; maxValue?: number },
) {
  return (
    <AriaNumberField
      className={`field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      minValue={props.minValue}
      maxValue={props.maxValue}
      isRequired={props.isRequired ?? false}
      isDisabled={props.isDisabled ?? false}
      isInvalid={Boolean(props.error)}
      name={props.name}
    >
      <Label>{props.label}</Label>
      <Input />
      {props.description && <Text slot="description">{props.description}</Text>}
      <FieldError>{props.error}</FieldError>
    </AriaNumberField>
  );
}

/** One choice of a SelectField. */
export interface Choice {
  id: string;
  label: string;
}

/** A drop-down choice of one value; `''` is the "any" choice when `anyLabel` is given. */
export function SelectField(
  props: FieldBase & {
    value: string;
    onChange(value: string): void;
    choices: readonly Choice[];
    anyLabel?: string;
    /** Shown while nothing is chosen (the library's own says "Select an item"). */
    placeholder?: string;
  },
) {
  const items: Choice[] = props.anyLabel
    ? [{ id: '', label: props.anyLabel }, ...props.choices]
    : [...props.choices];
  return (
    <Select
      className={`field select ${props.className ?? ''}`}
      value={props.value === '' && !props.anyLabel ? null : props.value}
      onChange={(key: Key | null) => props.onChange(key === null ? '' : String(key))}
      isRequired={props.isRequired ?? false}
      isDisabled={props.isDisabled ?? false}
      isInvalid={Boolean(props.error)}
      name={props.name}
      placeholder={props.placeholder ?? 'Choose…'}
    >
      <Label>{props.label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-caret">
          ▾
        </span>
      </AriaButton>
      {props.description && <Text slot="description">{props.description}</Text>}
      <FieldError>{props.error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={items}>
          {(c) => (
            <ListBoxItem id={c.id} className="listbox-item" textValue={c.label}>
              {c.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A check box with its label. */
export function Checkbox(props: {
  isSelected: boolean;
  onChange(value: boolean): void;
  children: ReactNode;
  isDisabled?: boolean;
}) {
  return (
    <AriaCheckbox
      className="checkbox"
      isSelected={props.isSelected}
      onChange={props.onChange}
      isDisabled={props.isDisabled ?? false}
    >
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18">
          <polyline points="2 9 7 14 16 4" />
        </svg>
      </span>
      {props.children}
    </AriaCheckbox>
  );
}
