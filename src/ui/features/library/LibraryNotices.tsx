import type { LibraryNotice, NoticeAction } from './notices.ts';

interface Props {
  notices: readonly LibraryNotice[];
  onAct: (a: NoticeAction) => void;
  onDismiss: (key: string) => void;
}

/** Messages about the user's saved work, each with the buttons that resolve it; errors are announced. */
export function LibraryNotices({ notices, onAct, onDismiss }: Props) {
  if (!notices.length) return null;
  return (
    <div className="library-notices" data-testid="library-notices">
      {notices.map((n) => (
        <div
          key={n.key}
          className={`notice ${n.kind === 'info' ? 'notice--info' : n.kind === 'error' ? 'notice--error' : ''}`}
          role={n.kind === 'info' ? 'status' : 'alert'}
          data-notice={n.key}
        >
          <h2>{n.title}</h2>
          <p className="small">{n.body}</p>
          <div className="button-group">
            {n.actions?.map((a) => (
              <button key={a.label} type="button" className="button button--secondary button--small" onClick={() => onAct(a)}>
                {a.label}
              </button>
            ))}
            <button type="button" className="link-button" onClick={() => onDismiss(n.key)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
