import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { escapeInlineScript, inlineIntoHtml, sha256Source } from '../../build/singleFile.ts';
import { serviceWorkerSource } from '../../build/serviceWorker.ts';
import { SKIP_WAITING } from '../../src/offline/serviceWorker.ts';

/** The pieces of the single-file build and the service worker that can be checked without a browser. */
const page = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('the single file', () => {
  it('inlines script and style, drops the links and the hosted policy, and allows both by hash', () => {
    const script = "const s = '$& and $\\' stay'; console.log(s);";
    const css = 'body { color: red; }';
    const html = inlineIntoHtml(page, script, css);
    expect(html).not.toContain('./assets/');
    expect(html).not.toContain("default-src 'self'");
    expect(html).toContain(`<script type="module">${script}</script>`);
    expect(html).toContain(`<style>${css}</style>`);
    const csp = /content="([^"]+)"/.exec(html.slice(html.indexOf('Content-Security-Policy')))?.[1] ?? '';
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(css)}`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toMatch(/unsafe-/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('escapes what would end the script element, keeping the code’s meaning', () => {
    const code = 'const a = "</script><!-- x"; const b = /<\\/SCRIPT>/u;';
    const escaped = escapeInlineScript(code);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    // The escaped code evaluates to the same values (\x3C is "<").
    expect(escaped).toBe('const a = "\\x3C/script>\\x3C!-- x"; const b = /<\\/SCRIPT>/u;');
    expect(sha256Source('a')).toBe(`sha256-${createHash('sha256').update('a').digest('base64')}`);
  });

  it('refuses styles that would end the style element', () => {
    expect(() => inlineIntoHtml(page, '', 'a{content:"</style>"}')).toThrow(/<\/style/);
  });
});

describe('the service worker source', () => {
  it('is the self-contained function called with the build’s precache list, and understands the page’s skip-waiting message', () => {
    const source = serviceWorkerSource({ version: 'abc123', files: ['index.html', 'assets/x.js'] });
    expect(source).toContain('(function serviceWorkerMain(');
    expect(source).toContain('{"version":"abc123","files":["index.html","assets/x.js"]}');
    expect(source).toContain(`"${SKIP_WAITING}"`);
    expect(() => new Script(source)).not.toThrow();
  });
});
