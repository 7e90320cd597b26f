import { isScenarioFragment, URL_BROWSER_MAX_LENGTH } from '../../../scenario/urlCodec.ts';

/**
 * Keeps the address's #fragment equal to the scenario being edited, or empty: a scenario
 * with problems (no link) or too long for browsers to keep removes the fragment, so a reload
 * never brings back an older scenario than the one saved in the library.
 */
export function writeAddressFragment(encoded: string | null): void {
  if (encoded !== null && addressLength(encoded) <= URL_BROWSER_MAX_LENGTH) {
    if (location.hash.slice(1) !== encoded) history.replaceState(history.state, '', `#${encoded}`);
  } else if (isScenarioFragment(location.hash)) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
}

/** The full shareable address for an encoded scenario, or null when browsers would not keep it. */
export function shareableUrl(encoded: string | null): string | null {
  if (encoded === null) return null;
  // The address without its fragment: location.origin is "null" for a file:// page in Firefox.
  const url = `${location.href.split('#')[0]}#${encoded}`;
  return url.length <= URL_BROWSER_MAX_LENGTH ? url : null;
}

/** The length of the full address that would carry an encoded scenario (characters). */
export function addressLength(encoded: string): number {
  return location.href.split('#')[0]!.length + 1 + encoded.length;
}
