import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../build/securityHeaders.ts';

/**
 * The files for static hosts (issue 14, item 5) say the same as build/securityHeaders.ts, which
 * `vite preview` sends and test/e2e/security.e2e.ts checks in Chromium: a host copying one of
 * them gets the policy the app is tested under.
 */
const read = (path: string) => readFileSync(path, 'utf8');
const xmlEscape = (v: string) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

describe('security headers for static hosts', () => {
  it('public/_headers (Netlify, Cloudflare Pages) sends every header for every path', () => {
    const text = read('public/_headers');
    const all = text.split(/\n(?=\/)/).find((block) => block.startsWith('/*\n'));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(all).toContain(`\n  ${name}: ${value}\n`);
  });

  it('hosting/nginx.conf sends every header at the top and repeats them in each location (add_header is not inherited)', () => {
    const text = read('hosting/nginx.conf');
    const locations = text.split(/\nlocation /).length - 1;
    expect(locations).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(text.split(`add_header ${name} "${value}" always;`).length - 1).toBe(locations + 1);
  });

  it('public/.htaccess (Apache) and public/web.config (IIS) send every header', () => {
    const apache = read('public/.htaccess');
    const iis = read('public/web.config');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(apache).toContain(`Header always set ${name} "${value}"`);
      expect(iis).toContain(`<add name="${name}" value="${xmlEscape(value)}" />`);
    }
  });

  it('forbids framing, sniffing and referrers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toMatch(/frame-ancestors 'none'$/);
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toMatch(/unsafe-(inline|eval)/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});
