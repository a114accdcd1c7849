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

#endif
