/**
 * A folder's entries, where a folder that does not exist yet is a normal state
 * (a collection before its first entry, the dev outbox before its first e-mail).
 */
import { readdirSync, type Dirent } from 'node:fs';

/**
 * The entries of a folder, with their types.
 * @param folder absolute path
 * @returns the folder's entries (not its sub-folders' ones), in the order the file system gives; none when the folder does not exist
 * @throws the file system's error for anything else (not a folder, no permission)
 */
export function readFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
