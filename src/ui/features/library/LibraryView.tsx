import { useRef, useState } from 'react';
import './library.css';
import { PersistenceNote } from './PersistenceNote.tsx';
import { quarantinedText } from './library.ts';
import { entryName, type Quarantined, type ReadEntry } from './records.ts';
import type { useLibrarySession } from './useLibrarySession.ts';

type Session = ReturnType<typeof useLibrarySession>;

const when = (ms: number) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const size = (n: number) => (n < 1024 ? `${n} characters` : `${Math.round(n / 1024).toLocaleString('en-GB')} kB`);

/** “My scenarios”: every scenario kept in this browser, to open, rename, duplicate, delete (with undo) or export; and what could not be read. */
export function LibraryView({ session }: { session: Session }) {
  const live = session.entries.filter((e) => e.entry.deletedAt === null);
  const importInput = useRef<HTMLInputElement>(null);
  return (
    <div className="library">
      <h1>My scenarios</h1>
      <p className="secondary-text">
        Every scenario you edit or open is kept in this browser ({session.backendKind === 'memory' ? 'for this tab only' : session.backendKind}), with its
        earlier versions. The results of the last few hundred replications run are kept too, so a run done before shows at once; a new version of Front Door
        computes them again. Nothing leaves this computer.
      </p>
      {session.backendKind === 'IndexedDB' && <PersistenceNote />}
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void session.actions.exportAll()}>
          Export all scenarios
        </button>
        <button type="button" className="button button--secondary" onClick={() => importInput.current?.click()}>
          Import an export
        </button>
      </div>
      <label className="visually-hidden" htmlFor="library-import">
        Export of My scenarios to import (JSON)
      </label>
      <input
        ref={importInput}
        id="library-import"
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void session.actions.importFile(f);
          e.target.value = '';
        }}
      />
      {live.length === 0 ? (
        <p>No scenarios kept yet.</p>
      ) : (
        <ul className="library__list" aria-label="Scenarios kept in this browser">
          {live.map((e) => (
            <EntryRow key={e.entry.id} e={e} current={e.entry.id === session.currentId} session={session} />
          ))}
        </ul>
      )}
      {session.quarantined.length > 0 && (
        <section aria-labelledby="quarantine-heading">
          <h2 id="quarantine-heading">Could not be read</h2>
          <p className="small">
            These records were found in this browser but could not be read. They are kept exactly as found and never overwritten: download one to recover its
            work by hand.
          </p>
          <ul className="library__list">
            {session.quarantined.map((q) => (
              <QuarantineRow key={q.id} q={q} session={session} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function EntryRow({ e, current, session }: { e: ReadEntry; current: boolean; session: Session }) {
  const [renaming, setRenaming] = useState(false);
  const name = entryName(e);
  const [label, setLabel] = useState(name);
  const id = e.entry.id;
  const versions = e.entry.versions;
  return (
    <li className="library__entry" data-entry-id={id}>
      <h3 className="library__name">
        {name}
        {current && <span className="tag">open in this tab</span>}
        {!e.valid && <span className="tag tag--near">draft with problems</span>}
      </h3>
      <p className="small secondary-text">
        Saved {when(e.entry.updatedAt)} · {versions.length} {versions.length === 1 ? 'version' : 'versions'} · from {e.entry.origin}
      </p>
      {renaming ? (
        <form
          className="button-group"
          onSubmit={(ev) => {
            ev.preventDefault();
            void session.actions.rename(id, label);
            setRenaming(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`rename-${id}`}>
            New name for {name}
          </label>
          <input id={`rename-${id}`} className="input" value={label} maxLength={200} onChange={(ev) => setLabel(ev.target.value)} />
          <button type="submit" className="button button--small">
            Save name
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="button-group">
          <button type="button" className="button button--small" disabled={current} onClick={() => session.actions.open(id)} aria-label={`Open ${name}`}>
            Open
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setRenaming(true)} aria-label={`Rename ${name}`}>
            Rename
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void session.actions.duplicate(id)}
            aria-label={`Duplicate ${name}`}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button button--warning button--small"
            disabled={current}
            onClick={() => void session.actions.remove(id)}
            aria-label={`Delete ${name}`}
            title={current ? 'Open another scenario first' : undefined}
          >
            Delete
          </button>
        </div>
      )}
      {versions.length > 1 && (
        <details className="library__history">
          <summary>Earlier versions</summary>
          <ol reversed>
            {versions
              .map((v, i) => ({ v, i }))
              .slice(0, -1)
              .reverse()
              .map(({ v, i }) => (
                <li key={i}>
                  {when(v.savedAt)}
                  {v.valid ? '' : ' (draft with problems)'}{' '}
                  <button type="button" className="link-button" onClick={() => session.actions.openVersion(id, i)}>
                    Open as a copy<span className="visually-hidden"> the version of {when(v.savedAt)}</span>
                  </button>
                </li>
              ))}
          </ol>
        </details>
      )}
    </li>
  );
}

function QuarantineRow({ q, session }: { q: Quarantined; session: Session }) {
  return (
    <li className="library__entry" data-quarantine-id={q.id}>
      <h3 className="library__name">{q.source}</h3>
      <p className="small">
        Found {q.foundAt ? when(q.foundAt) : 'earlier'} · {size(quarantinedText(q).length)}. Why it could not be read: {q.reason}
      </p>
      <div className="button-group">
        <button type="button" className="button button--small" onClick={() => session.actions.downloadQuarantined(q.id)}>
          Download
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => void session.actions.forgetQuarantined(q.id)}>
          Remove
        </button>
      </div>
    </li>
  );
}
