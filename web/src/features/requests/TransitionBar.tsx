// The life-cycle moves the viewer may take on a request now, as buttons.
import { requestCommands, type TransitionBody } from '../../api/hooks/requests';
import type { MeetingRequest } from '../../api/models';
import { Button } from '../../ui/Button';
import { ConfirmButton, ModalButton } from '../../ui/Dialog';
import { DESTRUCTIVE, TRANSITION_LABEL, USER_TRANSITIONS } from './labels';
import type { Action } from './useAction';

/** Buttons for `allowed` transitions (those a user takes directly). */
export function TransitionBar(props: {
  summit: string;
  request: MeetingRequest;
  allowed: string[];
  action: Action;
}) {
  const { summit, request, action } = props;
  const names = USER_TRANSITIONS.filter((t) => props.allowed.includes(t));
  if (names.length === 0) return null;
  const go = (body: TransitionBody) =>
    void action.run(
      TRANSITION_LABEL[body.name] ?? body.name,
      () => requestCommands.transition(summit, request, body),
      request,
    );
  return (
    <div className="actions" role="group" aria-label="Request actions">
      {names.map((name) => {
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
        return (
          <Button
            key={name}
            tone="primary"
            isDisabled={action.busy !== null}
            onPress={() => go({ name } as TransitionBody)}
          >
            {action.busy === label ? `${label}…` : label}
          </Button>
        );
      })}
    </div>
  );
}
