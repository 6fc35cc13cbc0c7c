// Screen size as the app's layout decides it: a phone below 700 px gets lists instead of grids.
import { useSyncExternalStore } from 'react';

/** The width below which screens show their phone layout (an agenda instead of the grid). */
export const PHONE_QUERY = '(max-width: 699px)';

/** True while the media query matches (false where there is no window). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : false),
    () => false,
  );
}

/** True on a phone-sized screen. */
export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY);
}
