/*
 * path.h - small file-system helpers for commands that write output
 * folders.
 */
#ifndef OV_CORE_PATH_H
#define OV_CORE_PATH_H

#include <stdbool.h>

/* Create `dir` and any missing parents (mode 0777 less the umask), like
 * mkdir -p. *created is true when `dir` itself did not exist before.
 * Returns 0, or -1 with errno set. */
int ov_mkdir_p(const char *dir, bool *created);

/* Files that hold personal data (the database and its -wal and -shm,
 * the read-audit journal, the key file, backups and their .partial, the
 * evaluation's pairs of person ids) are created owner-only, whatever the
 * umask: a umask of 022 would otherwise leave them readable by every
 * local user. SQLite gives -wal and -shm the database file's mode. */
#define OV_PRIVATE_MODE 0600

/* Open `path` for writing, creating it with OV_PRIVATE_MODE (O_EXCL when
 * `exclusive`, else truncating an existing file), and set that mode with
 * fchmod, so neither the umask nor an older mode decides. Returns the
 * descriptor, or -1 with errno set. */
int ov_private_open(const char *path, bool exclusive);

/* Whether group or others may read the file at `path` (0: no; 1: yes,
 * with its permission bits in *mode; -1: it does not exist or cannot be
 * examined). */
int ov_path_others_read(const char *path, unsigned *mode);

#endif
