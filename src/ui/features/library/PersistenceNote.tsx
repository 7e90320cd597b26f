import { useEffect, useState } from 'react';

type State = 'unknown' | 'kept' | 'may-clear' | 'refused';

/**
 * Says whether the browser has promised to keep the library (persistent storage) and offers to
 * ask for it. Without it a browser may clear site data when the disk runs low; asking is left
 * to a click because some browsers (Firefox) show a permission prompt.
 */
export function PersistenceNote() {
  const [state, setState] = useState<State>('unknown');
  useEffect(() => {
    let live = true;
    navigator.storage
      ?.persisted?.()
      .then((p) => live && setState(p ? 'kept' : 'may-clear'))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (state === 'unknown') return null;
  if (state === 'kept') return <p className="small">This browser has agreed to keep these scenarios even when its disk runs low.</p>;
  return (
    <p className="small">
      {state === 'refused'
        ? 'This browser did not agree to keep them for sure: export them now and then. '
        : 'A browser may clear these scenarios when its disk runs low. '}
      {state === 'may-clear' && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void navigator.storage
              .persist()
              .then((ok) => setState(ok ? 'kept' : 'refused'))
              .catch(() => setState('refused'))
          }
        >
          Ask this browser to keep them
        </button>
      )}
    </p>
  );
}
