import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * Single-key shortcuts for the trainer (WCAG 2.1.4): they act only while focus is in the trainer
 * (or nowhere in particular), never while typing in a field or choosing in a list, never with
 * Ctrl, Alt or Meta, and the trainer can turn them off.
 */

export type ShortcutAction =
  | 'playPause'
  | 'step'
  | 'faster'
  | 'slower'
  | 'restart'
  | 'fullScreen'
  | 'presenting'
  | 'loops'
  | 'decisions'
  | 'cameBack'
  | 'motion'
  | 'stopFollowing'
  | 'help';

/** Keys and what they do, for the help list and the handler. */
export const SHORTCUTS: readonly { keys: string[]; action: ShortcutAction; what: string }[] = [
  { keys: ['K', 'Space'], action: 'playPause', what: 'Play or pause' },
  { keys: ['S', '.'], action: 'step', what: 'Step one event' },
  { keys: ['+'], action: 'faster', what: 'Faster' },
  { keys: ['-'], action: 'slower', what: 'Slower' },
  { keys: ['R'], action: 'restart', what: 'Restart on the same seed' },
  { keys: ['L'], action: 'loops', what: 'Highlight duplication loops' },
  { keys: ['D'], action: 'decisions', what: 'Highlight threshold decisions' },
  { keys: ['C'], action: 'cameBack', what: 'Ring children who came back after being closed with need unmet' },
  { keys: ['M'], action: 'motion', what: 'Smooth or stepped motion' },
  { keys: ['P'], action: 'presenting', what: 'Presentation mode (large text)' },
  { keys: ['F'], action: 'fullScreen', what: 'Full screen' },
  { keys: ['Escape'], action: 'stopFollowing', what: 'Stop following a child; then leave presentation mode' },
  { keys: ['?'], action: 'help', what: 'Show these shortcuts' },
];

/** The action for a key press, or null (the key is not a shortcut, or must be left alone here). */
export function shortcutFor(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean; target: EventTarget | null }): ShortcutAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const el = e.target as HTMLElement | null;
  const tag = el?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || el?.isContentEditable) return null;
  const onButton = tag === 'button' || tag === 'summary' || tag === 'a' || el?.getAttribute?.('role') === 'button';
  if (onButton && (e.key === ' ' || e.key === 'Enter')) return null;
  const key = e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const alias: Record<string, string> = { '=': '+', _: '-' };
  const k = alias[key] ?? key;
  return SHORTCUTS.find((s) => s.keys.includes(k))?.action ?? null;
}

/**
 * Listens for shortcuts while `enabled`, when focus is inside `root`, on the page body, or on a
 * container that holds the trainer (the app's main region after a click on plain text).
 */
export function useShortcuts(root: RefObject<HTMLElement | null>, enabled: boolean, onAction: (a: ShortcutAction) => void): void {
  const act = useEffectEvent(onAction);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const active = document.activeElement;
      const r = root.current;
      const inside = r && (active === null || active === document.body || r.contains(active) || active.contains(r));
      if (!inside) return;
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      act(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [root, enabled]);
}
