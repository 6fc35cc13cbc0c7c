// Modal dialogs on react-aria-components (focus trap, labelled): opened by a button, or by code to
// confirm an action. Every one closes with Escape and has a Cancel that changes nothing.
import { useCallback, useState, type ReactNode } from 'react';
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

/** What a confirmation asks. */
export interface Confirmation {
  title: string;
  /** What will happen, in a sentence or a short list. */
  body: ReactNode;
  confirmLabel: string;
  tone?: Tone;
}

/**
 * A confirmation opened by code rather than by its own button (accepting a plan, sending despite
 * warnings): Cancel and Escape close it and change nothing.
 */
export function ConfirmDialog(props: { ask: Confirmation | null; onAnswer(confirmed: boolean): void }) {
  const { ask } = props;
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={ask !== null}
      onOpenChange={(open) => {
        if (!open) props.onAnswer(false);
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          {ask && (
            <>
              <Heading slot="title">{ask.title}</Heading>
              <div className="dialog-body">{ask.body}</div>
              <div className="dialog-actions">
                <Button onPress={() => props.onAnswer(false)}>Cancel</Button>
                <Button tone={ask.tone ?? 'primary'} onPress={() => props.onAnswer(true)}>
                  {ask.confirmLabel}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A confirmation to open from code: `const ok = await confirm({…})`, plus the dialog to render. */
export function useConfirm(): [(ask: Confirmation) => Promise<boolean>, ReactNode] {
  const [state, setState] = useState<{ ask: Confirmation; resolve(ok: boolean): void } | null>(null);
  const confirm = useCallback(
    (ask: Confirmation) => new Promise<boolean>((resolve) => setState({ ask, resolve })),
    [],
  );
  const dialog = (
    <ConfirmDialog
      ask={state?.ask ?? null}
      onAnswer={(ok) => {
        state?.resolve(ok);
        setState(null);
      }}
    />
  );
  return [confirm, dialog];
}
