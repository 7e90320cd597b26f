/** Plain words for the file-system errors a user can cause with a path; never a stack trace. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such file: ${path}`;
    case 'ELOOP':
      return `${path} is a loop of symbolic links (a link that leads back to itself), not a file`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${path}`;
    case 'ENOTDIR':
      return `part of the path ${path} is a file where a folder should be`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    case 'ENAMETOOLONG':
      return `the path is too long: ${path.slice(0, 200)}…`;
    case 'ENOSPC':
      return `the disk is full (writing ${path})`;
    case 'EDQUOT':
      return `the disk quota is used up (writing ${path})`;
    case 'EFBIG':
      return `the file is larger than this system allows (writing ${path})`;
    case 'EROFS':
      return `the disk is read-only (writing ${path})`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (opening ${path})`;
    default:
      return `${path}: ${code ?? ''} ${(error as Error | null)?.message ?? String(error)}`.trim();
  }
}
