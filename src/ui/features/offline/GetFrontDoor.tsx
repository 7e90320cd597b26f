import { BUILD, IS_SINGLE_FILE } from '../../../offline/buildInfo.ts';

/** File name the single file is published under in the hosted build (build/singleFile.ts). */
const SINGLE_FILE = 'front-door.html';

/**
 * The About page's "Without installing anything" section: the version and build date, and the
 * ways to use Front Door where a council laptop allows nothing else: one file to download (in
 * the hosted app), or what to do with the one file (in the file itself), and offline use.
 */
export function GetFrontDoor() {
  const version = `version ${BUILD.version}, built ${BUILD.date}`;
  return (
    <section aria-labelledby="get-front-door" data-build-version={BUILD.version} data-build-date={BUILD.date}>
      <h2 id="get-front-door">Use it without installing anything</h2>
      {IS_SINGLE_FILE ? (
        <>
          <p>
            You are using Front Door as one file (<span data-testid="build-version">{version}</span>). It works without a network connection: open it by
            double-clicking, from a USB stick or from an email attachment, in Microsoft Edge or Google Chrome.
          </p>
          <p>
            To share it, send the file itself. Your scenarios are kept in this browser; links copied from this file open only where the same file is at the same
            place, so to share a scenario use “Save as a file”.
          </p>
        </>
      ) : (
        <>
          <p>
            <a href={`./${SINGLE_FILE}`} download={`front-door-${BUILD.version}.html`}>
              Download Front Door as one file
            </a>{' '}
            (<span data-testid="build-version">{version}</span>, about 1.1 MB). The file opens by double-clicking, with no network, no server and nothing to
            install: keep it on a laptop or a USB stick, or send it to colleagues. It does everything this site does.
          </p>
          <p>
            Once this site has been opened, it also opens without a network connection in this browser, and your browser may offer to install it as an app. When
            a new version is published you are asked before it is used.
          </p>
        </>
      )}
    </section>
  );
}
