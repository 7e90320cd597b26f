import { useRef, useState, memo } from 'react';
import { decodeTextBytes, MAX_SCENARIO_CHARS, tooLargeProblem } from '../../../scenario/inputBounds.ts';
import { parseScenarioJson, type Problem } from '../../../scenario/parse.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { URL_FRAGMENT_SAFE_LENGTH } from '../../../scenario/urlCodec.ts';
import { downloadText, safeFileName } from '../../lib/download.ts';
import { pathLabel } from '../../lib/labels.ts';
import type { ScenarioAction } from '../controls/useScenarioStore.ts';

interface Props {
  presets: readonly Scenario[];
  /** The scenario as it stands, if valid (saving needs a valid scenario). */
  scenario: Scenario | null;
  canUndo: boolean;
  canRedo: boolean;
  dispatch: (action: ScenarioAction) => void;
  /** The shareable address of the current scenario (kept in the #fragment), if valid. */
  shareUrl: string | null;
}

/** Choose a preset, undo, save or open a scenario file, and copy a link that carries the scenario. */
function ScenarioActionsView({ presets, scenario, canUndo, canRedo, dispatch, shareUrl }: Props) {
  const [presetId, setPresetId] = useState(presets[0]?.id ?? '');
  const [fileProblems, setFileProblems] = useState<{ name: string; problems: Problem[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [showLink, setShowLink] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const openFile = async (file: File) => {
    setMessage(null);
    // Size is checked before reading; the text follows a byte-order mark (UTF-8 or UTF-16).
    if (file.size > MAX_SCENARIO_CHARS) {
      setFileProblems({ name: file.name, problems: [tooLargeProblem('file', file.size, 'bytes')] });
      return;
    }
    let text: string;
    try {
      text = decodeTextBytes(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      setFileProblems({ name: file.name, problems: [{ path: '', message: `the file could not be read: ${(e as Error).message}` }] });
      return;
    }
    const parsed = parseScenarioJson(text);
    if (!parsed.ok) {
      setFileProblems({ name: file.name, problems: parsed.problems });
      return;
    }
    setFileProblems(null);
    dispatch({ type: 'replace', scenario: parsed.value, origin: `file ${file.name}` });
    setMessage(`Opened “${parsed.value.name}” from ${file.name}.`);
  };

  const copyLink = async () => {
    if (!shareUrl) return;
    setShowLink(true);
    try {
      await navigator.clipboard.writeText(shareUrl);
      setMessage('Link copied. Anyone who opens it sees this scenario; it is carried in the link itself, not stored anywhere.');
    } catch {
      setMessage('Copy the link below. It carries the scenario itself; nothing is stored anywhere.');
    }
  };

  return (
    <div className="panel" style={{ marginTop: 0 }}>
      <h2 style={{ fontSize: 19 }}>Scenario</h2>
      <div className="form-group">
        <label className="label" htmlFor="preset">
          Start from a preset
        </label>
        <select id="preset" className="select input--wide" value={presetId} onChange={(e) => setPresetId(e.target.value)}>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            const p = presets.find((x) => x.id === presetId);
            if (p) {
              dispatch({ type: 'replace', scenario: p, origin: `preset ${p.id}` });
              setFileProblems(null);
              setMessage(`Loaded the preset “${p.name}”.`);
            }
          }}
        >
          Load preset
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!canUndo} onClick={() => dispatch({ type: 'undo' })}>
          Undo
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!canRedo} onClick={() => dispatch({ type: 'redo' })}>
          Redo
        </button>
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!scenario}
          onClick={() =>
            scenario && downloadText(`${safeFileName(scenario.id || scenario.name)}.json`, JSON.stringify(scenario, null, 2) + '\n', 'application/json')
          }
        >
          Save as a file
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => fileInput.current?.click()}>
          Open a file
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!shareUrl} onClick={copyLink}>
          Copy link
        </button>
      </div>
      <label className="visually-hidden" htmlFor="scenario-file">
        Scenario file (JSON)
      </label>
      <input
        ref={fileInput}
        id="scenario-file"
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFile(f);
          e.target.value = '';
        }}
      />
      {showLink && shareUrl && (
        <div className="form-group">
          <label className="label label--normal" htmlFor="share-link">
            Link to this scenario
          </label>
          {shareUrl.length > URL_FRAGMENT_SAFE_LENGTH && (
            <p className="hint" id="share-link-hint">
              This link is long ({shareUrl.length.toLocaleString('en-GB')} characters, mostly the scenario’s source citations). Some email and chat tools cut
              long links: if it does not open, save the scenario as a file and send that.
            </p>
          )}
          <input
            id="share-link"
            className="input input--wide"
            type="text"
            readOnly
            value={shareUrl}
            aria-describedby={shareUrl.length > URL_FRAGMENT_SAFE_LENGTH ? 'share-link-hint' : undefined}
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      <output className="small status-line">{message}</output>
      {fileProblems && (
        <div className="notice notice--error" role="alert" style={{ marginTop: 10, marginBottom: 0 }} data-testid="file-problems">
          <h3>{fileProblems.name} is not a scenario this tool can use</h3>
          <p className="small">
            The scenario you had is unchanged. {fileProblems.problems.length === 1 ? 'The problem:' : `${fileProblems.problems.length} problems:`}
          </p>
          <ul className="small">
            {fileProblems.problems.slice(0, 12).map((p, i) => (
              <li key={i}>
                <strong>{p.path ? `${pathLabel(p.path)} (${p.path})` : 'The file'}</strong>: {p.message}
              </li>
            ))}
          </ul>
          {fileProblems.problems.length > 12 && <p className="small">…and {fileProblems.problems.length - 12} more.</p>}
        </div>
      )}
    </div>
  );
}

/** Redrawn only when its props change (not on every run progress or keystroke elsewhere). */
export const ScenarioActions = memo(ScenarioActionsView);
