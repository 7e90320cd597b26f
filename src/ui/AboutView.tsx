import { GetFrontDoor } from './features/offline/GetFrontDoor.tsx';
import { ExampleFiles } from './ExampleFiles.tsx';

/** About the tool: what it is for, how to read results, privacy, the ways to use it, example files, and the accessibility statement. */
export function AboutView() {
  return (
    <div style={{ maxWidth: '44em' }}>
      <h1>About Front Door</h1>
      <p className="lede">
        Front Door simulates how contacts about children move through a local authority’s front door: screening, duty decisions, assessment, and children who
        come back.
      </p>
      <h2>What it is for</h2>
      <p>
        Service designers, trainers and managers use it to ask “what if”: what if the contact centre stopped re-screening known children, the duty threshold
        were applied more consistently, or three more social workers joined each duty team? It shows three things: re-referrals, duplicated work, and assessment
        backlogs.
      </p>
      <h2>How to read the results</h2>
      <ul>
        <li>Each run is repeated (replications) with different random numbers. Numbers shown are the mean across replications.</li>
        <li>Ranges and bands are 95% confidence intervals for that mean: with more replications they get narrower.</li>
        <li>The first weeks of a run are a warm-up while work builds up; they are shaded on charts and not counted.</li>
        <li>Comparisons run every scenario on the same random numbers, so a difference is “clear” when the interval of the paired difference excludes zero.</li>
        <li>Every measure’s definition is shown when you hover over, focus or click its name.</li>
        <li>
          A run can finish at once: the app works out the run on screen while you read it, keeps finished runs in this browser, and each preset’s run at the
          default settings comes with the app, worked out by the same simulation when this version was built. With the same seeds they are the same numbers a
          fresh run gives; the line under Run says when a run’s replications were ready before you pressed it.
        </li>
      </ul>
      <ExampleFiles />
      <h2>Your data</h2>
      <p>
        Everything runs in this browser. Scenarios are kept in this browser’s storage so they are still here next time, and a shared link carries the scenario
        inside the link itself. Nothing is sent to a server.
      </p>
      <GetFrontDoor />
      <h2>Accessibility statement</h2>
      <p>
        We want as many people as possible to be able to use this tool. It aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA.
        You should be able to use it with a keyboard alone, zoom to 200%, use it with a screen reader, and change colours through your browser. Every chart has
        its data as a table and as a CSV file; chart lines differ in pattern as well as colour. Animations respect your device’s reduced-motion setting.
      </p>
      <p>
        Each release is tested automatically with axe-core for WCAG 2.2 A and AA failures. Automated tests find only some problems; if you find something that
        does not work for you, tell the team that gave you this tool, and say which page and what you were trying to do.
      </p>
    </div>
  );
}
