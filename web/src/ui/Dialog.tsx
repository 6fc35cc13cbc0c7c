// A modal dialog opened by a button, on react-aria-components (focus trap, Escape, labelled).
import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type Tone } from './Button';

/** A button that opens a modal dialog titled `title`; `children` gets a function closing it. */
export function ModalButton(props: {
  label: string;
  /** Words of the label only screen readers need (the button shows `label` alone). */
  labelTail?: string;
  title: string;
  tone?: Tone;
  small?: boolean;
  wide?: boolean;
  isDisabled?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <DialogTrigger>
      <Button
        tone={props.tone ?? 'secondary'}
        className={props.small ? 'btn-small' : ''}
        isDisabled={props.isDisabled ?? false}
      >
        {props.label}
        {props.labelTail && <span className="visually-hidden"> {props.labelTail}</span>}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className={`modal${props.wide ? ' modal-wide' : ''}`}>
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{props.title}</Heading>
                {props.children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** Asks before an action that cannot be undone; `onConfirm` runs it. */
export function ConfirmButton(props: {
  label: string;
  /** Words of the label only screen readers need. */
  labelTail?: string;
  question: string;
  confirmLabel?: string;
  tone?: Tone;
  isDisabled?: boolean;
  onConfirm(): void;
}) {
  return (
    <ModalButton
      label={props.label}
      {...(props.labelTail ? { labelTail: props.labelTail } : {})}
      title={props.labelTail ? `${props.label} ${props.labelTail}` : props.label}
      tone={props.tone ?? 'danger'}
      isDisabled={props.isDisabled ?? false}
    >
      {(close) => (
        <>
          <p>{props.question}</p>
          <div className="dialog-actions">
            <Button onPress={close}>Cancel</Button>
            <Button
              tone={props.tone ?? 'danger'}
              onPress={() => {
                close();
                props.onConfirm();
              }}
            >
              {props.confirmLabel ?? props.label}
            </Button>
          </div>
        </>
      )}
    </ModalButton>
  );
}
