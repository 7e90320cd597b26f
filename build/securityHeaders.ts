/**
 * The Content-Security-Policy of the hosted app and the headers a host should send with it.
 * One list, used by the build (meta tag), by `vite preview`, and checked against the files for
 * static hosts (public/_headers, docs/hosting/nginx.conf) by test/build/hostingFiles.test.ts.
 */

/**
 * Directives of the hosted page: everything from its own origin, no eval, no inline script or
 * style, no connections elsewhere (nothing leaves the machine). Images may be data: or blob:
 * (the favicon, chart PNG export).
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as the page's meta tag carries it (frame-ancestors cannot be set in a meta tag). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * Headers a host should send with every file: the same policy plus frame-ancestors 'none'
 * (no framing, so no clickjacking), no MIME sniffing, and no referrer (a scenario travels in the
 * link's fragment, which browsers never send, but the path need not leak either).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
