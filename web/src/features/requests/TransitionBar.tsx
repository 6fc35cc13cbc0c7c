// The life-cycle moves the viewer may take on a request now, as buttons. Moves the other parties
// see at once wait a few seconds with Undo (sending, accepting, taking under consideration); moves
// that end something ask first (declining, withdrawing); a downgrade is chosen in a dialog.
import { requestCommands, type TransitionBody } from '../../api/hooks/requests';
import type { MeetingRequest } from '../../api/models';
import type { SummitNames } from '../../lib/names';
import { Button } from '../../ui/Button';
import { ConfirmButton, ModalButton } from '../../ui/Dialog';
import { DESTRUCTIVE, TRANSITION_LABEL, USER_TRANSITIONS } from './labels';
import type { Action } from './useAction';

/** Transitions that reach the other parties at once and can wait for Undo: what they say meanwhile. */
const DEFERRED: Readonly<Record<string, [doing: string, done: string]>> = {
  submit: ['Sending the request to', 'Sent the request to'],
  accept: ['Accepting the request of', 'Accepted the request of'],
  consider: ['Taking under consideration the request of', 'Took under consideration the request of'],
};

/** Buttons for `allowed` transitions (those a user takes directly). */
export function TransitionBar(props: {
  summit: string;
  request: MeetingRequest;
  allowed: string[];
  action: Action;
  names: SummitNames;
}) {
  const { summit, request, action, names } = props;
  const transitions = USER_TRANSITIONS.filter((t) => props.allowed.includes(t));
  if (transitions.length === 0) return null;
  const go = (body: TransitionBody) =>
    void action.run(
      TRANSITION_LABEL[body.name] ?? body.name,
      () => requestCommands.transition(summit, request, body),
      request,
    );
  const others = (name: string) =>
    name === 'submit' ? request.to.map(names.delegation).join(', ') : names.delegation(request.from);
  return (
    <div className="actions" role="group" aria-label="Request actions">
      {transitions.map((name) => {
        const label = TRANSITION_LABEL[name] ?? name;
        if (name === 'downgrade') {
          return (
            <ModalButton key={name} label="Downgrade…" title="Downgrade the request">
              {(close) => (
                <>
                  <p>Meet informally instead of a formal meeting:</p>
                  <div className="dialog-actions">
                    <Button onPress={close}>Cancel</Button>
                    <Button onPress={() => (close(), go({ name: 'downgrade', to: 'pull-aside' }))}>
                      To a pull-aside
                    </Button>
                    <Button onPress={() => (close(), go({ name: 'downgrade', to: 'encounter' }))}>
                      To an encounter
                    </Button>
                  </div>
                </>
              )}
            </ModalButton>
          );
        }
        if (DESTRUCTIVE.has(name)) {
          return (
            <ConfirmButton
              key={name}
              label={label}
              question={`${label}? The other parties see this at once and it cannot be undone.`}
              isDisabled={action.busy !== null}
              onConfirm={() => go({ name } as TransitionBody)}
            />
          );
        }
        const deferred = DEFERRED[name];
        return (
          <Button
            key={name}
            tone="primary"
            isDisabled={action.busy !== null}
            onPress={() =>
              deferred
                ? action.defer(
                    label,
                    () => requestCommands.transition(summit, request, { name } as TransitionBody),
                    request,
                    {
                      doing: `${deferred[0]} ${others(name)}`,
                      done: `${deferred[1]} ${others(name)}.`,
                    },
                  )
                : go({ name } as TransitionBody)
            }
          >
            {action.busy === label ? `${label}…` : label}
          </Button>
        );
      })}
    </div>
  );
}
