/*
 * path.h - small file-system helpers for commands that write output
 * folders.
 */
#ifndef OV_CORE_PATH_H
#define OV_CORE_PATH_H

#include <stdbool.h>
#include <sys/types.h>

#include "core/err.h"

/* Create `dir` and any missing parents (mode 0777 less the umask), like
 * mkdir -p. *created is true when `dir` itself did not exist before.
 * Returns 0, or -1 with errno set. */
int ov_mkdir_p(const char *dir, bool *created);

/* Files that hold personal data (the database and its -wal and -shm,
 * the read-audit journal, the anchors, backups and their .partial, the
 * evaluation's pairs of person ids) are created owner-only, whatever the
 * umask: a umask of 022 would otherwise leave them readable by every
 * local user. SQLite gives -wal and -shm the database file's mode.
 *
 * With a file group configured (setting file_group, ov_file_group_use)
 * they are created OV_GROUP_MODE (0640) and given to that group instead,
 * so its members (a backup or monitoring account) can read them. The
 * key file and the audit key stay OV_PRIVATE_MODE whatever the setting:
 * whoever reads the key file can decrypt every CPR number, and whoever
 * reads the audit key can forge the audit chain; a group that may read
 * the database must not get either. */
#define OV_PRIVATE_MODE 0600
#define OV_GROUP_MODE 0640

/* Give files holding personal data to group `name` from now on (process
 * wide, like the umask); "" or NULL: none, owner-only. Fails, and changes
 * nothing, when no such group exists or this process may not give files
 * to it (it is neither root nor a member). */
ov_status ov_file_group_use(const char *name, ov_err *err);
/* The configured group's name ("" when none). */
const char *ov_file_group_name(void);
/* Whether a group is configured; its id in *gid. */
bool ov_file_group(gid_t *gid);
/* The mode a new file with personal data gets: OV_GROUP_MODE with a
 * group, else OV_PRIVATE_MODE. */
unsigned ov_private_mode(void);

/* Give a file just created (open descriptor) the private mode, and the
 * configured group if any, whatever the umask. 0, or -1 with errno. */
int ov_private_fd(int fd);

/* Open `path` for writing, creating it with the private mode (O_EXCL
 * when `exclusive`, else truncating an existing file), and set mode and
 * group with ov_private_fd, so neither the umask nor an older mode
 * decides. Returns the descriptor, or -1 with errno set. */
int ov_private_open(const char *path, bool exclusive);

/* Give `path` the group of `like` (SQLite creates a database's -wal and
 * -shm with the database's mode, but in the process's own group unless
 * it runs as root). Nothing when either is missing or they already
 * match. 0, or -1 with errno set. */
int ov_path_same_group(const char *path, const char *like);

/* Whether group or others may read the file at `path` (0: no; 1: yes,
 * with its permission bits in *mode; -1: it does not exist or cannot be
 * examined). */
int ov_path_others_read(const char *path, unsigned *mode);

#endif
