// Buttons and links styled as buttons, on react-aria-components (press, focus ring, disabled).
import {
  Button as AriaButton,
  Link as AriaLink,
  type ButtonProps,
  type LinkProps,
} from 'react-aria-components';

/** How prominent a button is. */
export type Tone = 'primary' | 'secondary' | 'danger' | 'quiet';

/** A button; `tone` sets its prominence. */
export function Button({ tone = 'secondary', className, ...props }: ButtonProps & { tone?: Tone }) {
  return <AriaButton {...props} className={`btn btn-${tone}${className ? ` ${String(className)}` : ''}`} />;
}

/** A link that looks like a button (navigation, downloads). */
export function ButtonLink({ tone = 'secondary', className, ...props }: LinkProps & { tone?: Tone }) {
  return <AriaLink {...props} className={`btn btn-${tone}${className ? ` ${String(className)}` : ''}`} />;
}
