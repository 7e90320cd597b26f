import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The term shown (e.g. the metric's label). */
  children: ReactNode;
  /** The definition, shown on hover, on focus, or pinned with a click; Escape hides it. */
  definition: string;
}

/**
 * A term with its definition one focus or click away (a toggletip). The definition is also the
 * button's accessible description, so screen readers announce it with the term. Meets WCAG 1.4.13:
 * dismissible with Escape, hoverable, and it stays until focus or hover leaves.
 */
export function MetricTerm({ children, definition }: Props) {
  const id = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const open = !dismissed && (hover || focus || pinned);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setDismissed(true);
        setPinned(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <span
      className="term"
      ref={ref}
      onMouseEnter={() => {
        setHover(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHover(false)}
    >
      <button
        type="button"
        className="term__button"
        aria-describedby={`${id}-def`}
        aria-expanded={open}
        onFocus={() => {
          setFocus(true);
          setDismissed(false);
        }}
        onBlur={() => {
          setFocus(false);
          setPinned(false);
        }}
        onClick={() => {
          setPinned((p) => !p);
          setDismissed(false);
        }}
      >
        {children}
      </button>
      <span id={`${id}-def`} role="tooltip" className="term__tip" hidden={!open}>
        {definition}
      </span>
    </span>
  );
}
