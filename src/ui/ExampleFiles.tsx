import { PRESETS } from '../scenario/presets.ts';
import { EXAMPLE_FILES, exampleHref } from '../scenario/examples.ts';

/** The About page's list of example scenario files to download (open one with “Open a file”). */
export function ExampleFiles() {
  return (
    <>
      <h2>Example scenario files</h2>
      <p>Download a scenario to look at, edit in any text editor, or open again with “Open a file” in Explore.</p>
      <ul>
        {EXAMPLE_FILES.map((e) => (
          <li key={e.id}>
            <a href={exampleHref(e.id)} download={`${e.id}.json`}>
              {PRESETS.find((p) => p.id === e.id)?.name ?? e.id} ({e.id}.json)
            </a>
            : {e.why}.
          </li>
        ))}
      </ul>
    </>
  );
}
