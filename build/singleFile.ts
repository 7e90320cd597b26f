import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The single-file build (`vite build --mode single`): one HTML file holding the app's script,
 * styles, workers and presets, which opens from disk (file://) with no network. Chromium will not
 * load module scripts, stylesheets or workers from files beside a file:// page, so everything is
 * inline: the script and the style are allowed by their SHA-256 hashes and the workers start
 * from blob: URLs made from inlined code (Vite's `?worker&inline`) as classic workers: Chromium
 * refuses a module worker from a blob: URL made by a file:// page (origin null).
 */

/** Name of the single file in dist/. */
export const SINGLE_FILE_NAME = 'front-door.html';

/**
 * Policy of the single file: nothing may load from anywhere; only the one script and the one
 * style, by hash, and workers made by that script (blob:). No unsafe-inline, no unsafe-eval.
 */
export function singleFilePolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    'worker-src blob:',
    `style-src '${styleHash}'`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** CSP source expression for a text (the exact characters between the tags). */
export const sha256Source = (text: string): string => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * Makes code safe between <script> tags: `</script` would end the element and `<!--` can change
 * how the HTML parser reads what follows. `\x3C` is `<` inside strings, templates and regular
 * expressions (also with the u flag), and harmless in comments.
 */
export const escapeInlineScript = (code: string): string => code.replace(/<(\/script|!--)/gi, '\\x3C$1');

/** Inlines the one script chunk and the styles into the page and gives it a hash-based CSP. */
export function inlineIntoHtml(html: string, script: string, css: string): string {
  if (/<\/style/i.test(css)) throw new Error('single file: the styles contain "</style", which would end the inline style element');
  const code = escapeInlineScript(script);
  const policy = singleFilePolicy(sha256Source(code), sha256Source(css));
  const withoutTags = html
    .replace(/\s*<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="(?:stylesheet|modulepreload)"[^>]*>/g, '')
    .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
  if (withoutTags.includes('<script')) throw new Error('single file: index.html has a script the build did not expect');
  // The meta tag must come before anything it governs; the module script runs after parsing anyway.
  // Replacements are functions: minified code is full of `$&` and `$'`, which a string would expand.
  return withoutTags
    .replace('<head>', () => `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    .replace('</head>', () => `    <style>${css}</style>\n  </head>`)
    .replace('</body>', () => `    <script type="module">${code}</script>\n  </body>`);
}

/** Vite plugins of the single-file build: inline workers, one chunk, one HTML file. */
export function singleFile(): Plugin[] {
  return [
    {
      // Workers are started in src/worker/spawn.ts; the single file uses spawn.inline.ts instead.
      name: 'front-door-single-file-workers',
      enforce: 'pre',
      resolveId: {
        // A hook filter: the bundler calls this only for these imports, not for every module.
        filter: { id: /\/spawn\.ts$/ },
        async handler(source, importer, options) {
          const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
          if (!resolved?.id.endsWith('/src/worker/spawn.ts')) return resolved;
          return resolve(resolved.id, '../spawn.inline.ts');
        },
      },
    },
    {
      name: 'front-door-single-file',
      apply: 'build',
      enforce: 'post',
      config: () => ({
        publicDir: false,
        build: {
          emptyOutDir: false,
          cssCodeSplit: false,
          modulePreload: { polyfill: false },
          assetsInlineLimit: () => true,
          chunkSizeWarningLimit: 4096,
          rolldownOptions: { output: { codeSplitting: false } },
        },
      }),
      generateBundle(_options, bundle) {
        const files = Object.values(bundle);
        const chunks = files.filter((f) => f.type === 'chunk');
        const styles = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
        const page = files.find((f) => f.type === 'asset' && f.fileName === 'index.html');
        const others = files.filter((f) => f.type === 'asset' && f !== page && !styles.includes(f));
        if (chunks.length !== 1 || !page || page.type !== 'asset')
          throw new Error(`single file: expected one script chunk and index.html, got ${files.map((f) => f.fileName).join(', ')}`);
        if (others.length > 0) throw new Error(`single file: files that could not be inlined: ${others.map((f) => f.fileName).join(', ')}`);
        const css = styles.map((s) => (s.type === 'asset' ? String(s.source) : '')).join('\n');
        // The lazily loaded trainer is inlined too; Vite leaves its preload list as a placeholder
        // when there is no chunk to preload, and with nothing to preload the list is empty.
        const script = (chunks[0]!.type === 'chunk' ? chunks[0]!.code : '').replaceAll('__VITE_PRELOAD__', 'void 0');
        const html = inlineIntoHtml(String(page.source), script, css);
        for (const f of files) delete bundle[f.fileName];
        this.emitFile({ type: 'asset', fileName: SINGLE_FILE_NAME, source: html });
      },
    },
  ];
}
