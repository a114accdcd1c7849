/*
 * testutil.h - helpers shared by the cmocka tests: temporary directories and
 * a freshly initialised store.
 */
#ifndef OV_TESTUTIL_H
#define OV_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

typedef struct tu_db {
    char dir[256];
    char db[300];
    char key[300];
    ov_store *store;
} tu_db;

/* A new temp directory with an initialised database and key file. */
void tu_db_init(tu_db *t);
/* Close the store (if open) and remove the directory. */
void tu_db_free(tu_db *t);
/* Reopen the store in the given mode (closing it first). */
void tu_db_reopen(tu_db *t, ov_open_mode mode);
/* Run a shell command; returns its exit status. */
/* Take the database file `db` back to schema `version`, as a file of that
 * version would be: each later migration's undo (testutil.c, newest
 * first) in one transaction, then schema_migrations and user_version.
 * Fails the test when a later migration has no undo there: a new
 * migration adds its undo beside it. */
void tu_db_rewind(const char *db, int version);
int tu_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Read a whole command's stdout into a malloc'd string. */
char *tu_sh_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

extern const ov_actor tu_actor;

#endif
