/** Where a command writes; injected so tests run commands in-process. */
export interface Io {
  /** Standard output: results. */
  out: (s: string) => void;
  /** Standard error: messages and progress (escaped for the terminal by the entry point). */
  err: (s: string) => void;
}
