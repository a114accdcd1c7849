#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/crypto.h"

const ov_actor tu_actor = {"test-user", OV_ROLE_EMPLOYMENT_CASEWORKER,
                           "forløb 1 (test)"};

void tu_db_init(tu_db *t)
{
    memset(t, 0, sizeof *t);
    assert_int_equal(ov_crypto_init(NULL), OV_OK);
    snprintf(t->dir, sizeof t->dir, "/tmp/overgang-test-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->db, sizeof t->db, "%s/t.db", t->dir);
    snprintf(t->key, sizeof t->key, "%s/t.db.key", t->dir);
    tu_db_reopen(t, OV_OPEN_INIT);
}

void tu_db_reopen(tu_db *t, ov_open_mode mode)
{
    ov_store_close(t->store);
    t->store = NULL;
    ov_store_options o = {.db_path = t->db, .key_path = t->key, .mode = mode};
    ov_err err;
    ov_err_clear(&err);
    if (ov_store_open(&o, &t->store, &err) != OV_OK)
        fail_msg("opening %s: %s", t->db, err.msg);
}

void tu_db_free(tu_db *t)
{
    ov_store_close(t->store);
    t->store = NULL;
    if (t->dir[0])
        tu_sh("rm -rf '%s'", t->dir);
}

int tu_sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd);
    return rc == -1 ? -1 : (rc >> 8) & 0xff;
}

char *tu_sh_out(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 4096, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    size_t n;
    while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 1024) {
            cap *= 2;
            out = realloc(out, cap);
            assert_non_null(out);
        }
    }
    out[len] = '\0';
    pclose(p);
    return out;
}
