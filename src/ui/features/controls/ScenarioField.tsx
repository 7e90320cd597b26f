import { useState } from 'react';
import { OPTION_LABELS } from '../../lib/labels.ts';
import { fieldSpec, parseNumberText, sliderRange, validateField, type FieldPath, type FieldSpec } from '../../lib/fieldSpec.ts';

/** The id of a field's input, from its path (the error summary links to it). */
export function fieldId(path: FieldPath): string {
  return `field-${path.join('-')}`;
}

/** Reported by a field when it refuses or accepts what was typed. */
export type FieldErrorReporter = (path: FieldPath, message: string | null) => void;

interface Props {
  path: FieldPath;
  value: unknown;
  /** Applies a value that passed the field's schema. */
  onCommit: (path: FieldPath, value: unknown) => void;
  onFieldError: FieldErrorReporter;
  /** A problem from the whole-scenario rules (e.g. caps out of order), shown at the field. */
  problem?: string | undefined;
  /** Overrides the label (the schema's description becomes the hint). */
  label?: string;
}

/**
 * One scenario field as a control chosen from the schema: number box and slider, checkbox,
 * radios, or text. What is typed is checked against the field's own zod schema; a value it
 * refuses is shown with the schema's message and not applied.
 */
export function ScenarioField(props: Props) {
  const spec = fieldSpec(props.path);
  switch (spec.kind) {
    case 'number':
      return <NumberField {...props} spec={spec} />;
    case 'boolean':
      return <BooleanField {...props} spec={spec} />;
    case 'enum':
      return <EnumField {...props} spec={spec} />;
    case 'string':
      return <TextField {...props} spec={spec} />;
    case 'integerList':
      return <ListField {...props} spec={spec} />;
  }
}

function ErrorText({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <span className="error-message" id={id}>
      <span className="visually-hidden">Error:</span> {sentence(message)}
    </span>
  );
}

/** A message that reads after its label ("must be at least 0") as a sentence of its own. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Shows a number the way it was stored (no float noise such as 0.30000000000000004). */
function show(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function NumberField({ path, value, onCommit, onFieldError, problem, label, spec }: Props & { spec: Extract<FieldSpec, { kind: 'number' }> }) {
  const id = fieldId(path);
  const num = typeof value === 'number' ? value : 0;
  const [text, setText] = useState(show(num));
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(num);
  if (seen !== num) {
    // A new value from outside (e.g. a change to every team) replaces what is typed.
    setSeen(num);
    const typed = parseNumberText(text);
    if (!(typed.ok && typed.value === num)) setText(show(num));
    setError(null);
  }
  const accept = (t: string) => {
    setText(t);
    const n = parseNumberText(t);
    const checked = n.ok ? validateField(spec, n.value) : n;
    if (checked.ok) {
      setError(null);
      onFieldError(path, null);
      if (checked.value !== num) onCommit(path, checked.value);
    } else {
      setError(checked.message);
      onFieldError(path, checked.message);
    }
  };
  const range = sliderRange(spec, num);
  const message = error ?? problem;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const isShare = spec.min === 0 && spec.max === 1 && !spec.integer;
  return (
    <div className={`form-group${message ? ' form-group--error' : ''}`}>
      <label className="label label--normal" htmlFor={id}>
        {label ?? spec.description}
      </label>
      {label && (
        <p className="hint" id={hintId}>
          {spec.description}
        </p>
      )}
      <ErrorText id={errorId} message={message} />
      <div className="number-field">
        <input
          id={id}
          className={`input input--number${message ? ' input--error' : ''}`}
          type="text"
          inputMode={spec.integer ? 'numeric' : 'decimal'}
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={[label ? hintId : '', message ? errorId : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => accept(e.target.value)}
        />
        <input
          type="range"
          aria-label={`${label ?? spec.description} (slider)`}
          min={range.min}
          max={range.max}
          step={range.step}
          value={Math.min(range.max, Math.max(range.min, num))}
          onChange={(e) => accept(e.target.value)}
        />
        {isShare && <span className="number-field__aside">{Math.round(num * 1000) / 10}%</span>}
      </div>
    </div>
  );
}

function BooleanField({ path, value, onCommit, problem, label, spec }: Props & { spec: Extract<FieldSpec, { kind: 'boolean' }> }) {
  const id = fieldId(path);
  return (
    <div className={`form-group${problem ? ' form-group--error' : ''}`}>
      <ErrorText id={`${id}-error`} message={problem} />
      <div className="checkbox">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onCommit(path, e.target.checked)} />
        <label htmlFor={id}>{label ?? spec.description}</label>
      </div>
    </div>
  );
}

/** Splits a description such as "a: does this; b: does that" into a hint per option. */
export function optionHints(description: string, options: readonly string[]): { intro: string; hints: Record<string, string> } {
  const hints: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of description.split(/;\s*/)) {
    const m = /^\s*([A-Za-z]+):\s*(.*)$/.exec(part);
    if (m && options.includes(m[1] as string)) hints[m[1] as string] = (m[2] as string).charAt(0).toUpperCase() + (m[2] as string).slice(1);
    else rest.push(part);
  }
  return { intro: rest.join('; '), hints };
}

function EnumField({ path, value, onCommit, problem, label, spec }: Props & { spec: Extract<FieldSpec, { kind: 'enum' }> }) {
  const id = fieldId(path);
  const { intro, hints } = optionHints(spec.description, spec.options);
  return (
    <div className={`form-group${problem ? ' form-group--error' : ''}`}>
      <fieldset aria-describedby={problem ? `${id}-error` : undefined}>
        <legend>{label ?? (intro || 'Choose one')}</legend>
        {label && intro && <p className="hint">{intro}</p>}
        <ErrorText id={`${id}-error`} message={problem} />
        {spec.options.map((option, i) => (
          <div className="radio" key={option}>
            <input
              id={i === 0 ? id : `${id}-${option}`}
              type="radio"
              name={id}
              value={option}
              checked={value === option}
              onChange={() => onCommit(path, option)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${option}`}>
              {OPTION_LABELS[option] ?? option}
              {hints[option] && <span className="radio__hint">{hints[option]}</span>}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function TextField({ path, value, onCommit, onFieldError, problem, label, spec }: Props & { spec: Extract<FieldSpec, { kind: 'string' }> }) {
  const id = fieldId(path);
  const str = typeof value === 'string' ? value : '';
  const [text, setText] = useState(str);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(str);
  if (seen !== str) {
    setSeen(str);
    setText(str);
    setError(null);
  }
  const accept = (t: string) => {
    setText(t);
    const checked = validateField(spec, t);
    if (checked.ok) {
      setError(null);
      onFieldError(path, null);
      onCommit(path, checked.value);
    } else {
      setError(checked.message);
      onFieldError(path, checked.message);
    }
  };
  const message = error ?? problem;
  const long = path[path.length - 1] === 'description';
  return (
    <div className={`form-group${message ? ' form-group--error' : ''}`}>
      <label className="label label--normal" htmlFor={id}>
        {label ?? spec.description}
      </label>
      <ErrorText id={`${id}-error`} message={message} />
      {long ? (
        <textarea
          id={id}
          className="textarea"
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => accept(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className={`input input--wide${message ? ' input--error' : ''}`}
          type="text"
          value={text}
          spellCheck={false}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => accept(e.target.value)}
        />
      )}
    </div>
  );
}

function ListField({ path, value, onCommit, onFieldError, problem, label, spec }: Props & { spec: Extract<FieldSpec, { kind: 'integerList' }> }) {
  const id = fieldId(path);
  const list = Array.isArray(value) ? (value as number[]) : [];
  const joined = list.join(', ');
  const [text, setText] = useState(joined);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(joined);
  if (seen !== joined) {
    setSeen(joined);
    setText(joined);
    setError(null);
  }
  const accept = (t: string) => {
    setText(t);
    const parts = t.split(/[,\s]+/).filter(Boolean);
    const numbers = parts.map(Number);
    const bad = parts.find((_, i) => !Number.isFinite(numbers[i]));
    const checked = bad !== undefined ? { ok: false as const, message: `“${bad}” is not a number` } : validateField(spec, numbers);
    if (checked.ok) {
      setError(null);
      onFieldError(path, null);
      onCommit(path, checked.value);
    } else {
      setError(checked.message);
      onFieldError(path, checked.message);
    }
  };
  const message = error ?? problem;
  return (
    <div className={`form-group${message ? ' form-group--error' : ''}`}>
      <label className="label label--normal" htmlFor={id}>
        {label ?? spec.description}
      </label>
      <p className="hint" id={`${id}-hint`}>
        Whole numbers from {spec.min} to {spec.max}, separated by commas.
      </p>
      <ErrorText id={`${id}-error`} message={message} />
      <input
        id={id}
        className={`input input--wide${message ? ' input--error' : ''}`}
        type="text"
        value={text}
        spellCheck={false}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
        onChange={(e) => accept(e.target.value)}
      />
    </div>
  );
}
