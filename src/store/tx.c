/*
 * tx.c - transactions: write transactions as savepoints in a shared batch
 * (group commit), read and audited-read transactions on the reader pool,
 * and the read-audit journal's part in them (an audited read's rows are
 * journaled at commit; a write transaction's batch folds the journal's
 * waiting records first). docs/architecture.md, "Storage", says why.
 *
 * Calls audit.c (the chain) only; store.c, backup.c, audit_log.c and the
 * entity modules call this file.
 */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/store_int.h"

static const char SQL_META_GET[] = "SELECT value FROM store_meta WHERE key = ?1";
/* the folded number only ever grows */
static const char SQL_META_SET[] =
    "INSERT INTO store_meta (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = CASE WHEN "
    "CAST(excluded.value AS INTEGER) > CAST(value AS INTEGER) THEN "
    "excluded.value ELSE value END";
static const char META_JOURNAL_SEQ[] = "audit_journal_seq";

const ov_actor ov_system_actor = {"overgang", OV_ROLE_SYSTEM,
                                  "revisionsjournal"};

/* The actor of a request's transaction until its session names the real
 * one (ov_tx_name_actor). Nothing is audited under it: the session look-up
 * writes no audit row, and every store function that does runs after the
 * actor is named. */
static const ov_actor unnamed_actor = {"overgang", OV_ROLE_SYSTEM,
                                       "sessionskontrol"};

/* Transactions begun by this thread through the public begin functions
 * (ov_tx_begun). The store's own transactions (folds before an audit-log
 * read and in the background, the write that takes an audited read's rows
 * when the journal failed) are not counted: they are not the caller's. */
static _Thread_local uint64_t begun;

uint64_t ov_tx_begun(void) { return begun; }

static ov_status write_begin(ov_store *s, const ov_actor *actor,
                             ov_tx **out, ov_err *err);

void ov_tx_pending_init(ov_tx *tx)
{
    tx->pending = tx->pending_inline;
    tx->pending_cap = OV_TX_PENDING_READS;
    tx->npending = 0;
}

void ov_tx_pending_free(ov_tx *tx)
{
    if (tx->pending && tx->pending != tx->pending_inline)
        free(tx->pending);
    ov_tx_pending_init(tx);
}

/* Fold the journal's waiting records into the batch just opened (write_lock
 * held, outside any writer's savepoint, so a writer's rollback keeps
 * them), with the highest folded number in store_meta. */
static ov_status fold_journal(ov_store *s, ov_err *err)
{
    size_t n;
    ov_jrec *r = ov_journal_take(s->journal, s->batch, &n);
    if (!r)
        return OV_OK;
    ov_tx t;
    memset(&t, 0, sizeof t);
    t.store = s;
    t.conn = s->writer;
    t.actor = &ov_system_actor;
    t.write = true;
    t.active = true;
    uint64_t last = 0;
    if (ov_audit_fold(&t, r, n, &last, err) != OV_OK)
        return err->code;
    return ov_folded_seq_write(s->writer, last, err);
}

/* The highest journal record already in audit_log (0 when none). */
ov_status ov_folded_seq_read(ov_conn *c, uint64_t *out, ov_err *err)
{
    *out = 0;
    ov_stmt *st;
    if (ov_stmt_prepare(c, SQL_META_GET, &st, err) != OV_OK)
        return err->code;
    ov_stmt_bind_cstr(st, 1, META_JOURNAL_SEQ);
    ov_step r = ov_stmt_step(st, err);
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        ov_str v = ov_stmt_col_text(st, 0, a);
        int64_t n;
        if (ov_str_to_i64(v, &n) == OV_OK && n >= 0)
            *out = (uint64_t)n;
        else
            r = (ov_err_set(err, OV_ECORRUPT, NULL,
                            "store_meta %s is not a number; the audit "
                            "journal cannot be folded safely",
                            META_JOURNAL_SEQ),
                 OV_STEP_ERROR);
        ov_arena_destroy(a);
    }
    ov_stmt_release(st);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

int ov_store_writers_waiting(ov_store *s)
{
    pthread_mutex_lock(&s->commit_lock);
    int n = s->waiting;
    pthread_mutex_unlock(&s->commit_lock);
    return n;
}

ov_status ov_tx_begin_audit_log(ov_store *s, const ov_actor *actor,
                                ov_tx **out, ov_err *err)
{
    *out = NULL;
    ov_status st = ov_store_audit_sync(s, err);
    return st != OV_OK ? st : ov_tx_begin_audited(s, actor, out, err);
}

/* Returns when every record journaled before the call is committed in
 * audit_log, so that a read of audit_log begun after it sees them all.
 * Asking "does a record wait for a fold?" is not enough: a record another
 * batch has taken waits for nobody, yet is not committed until that batch
 * is (the background fold runs at low priority, so under load that batch
 * can stay open long), and a write transaction that joins an open batch
 * folds nothing, so a record journaled after that batch opened is still
 * in the journal when the batch commits. Both made a citizen's access log
 * miss a read acknowledged just before. So: note the newest record, and
 * run (empty) write transactions until no record up to it is left; each
 * waits for its batch on disk. A batch opened after the first round's
 * batch ended folds everything not taken, so two rounds are enough. */
ov_status ov_store_audit_sync(ov_store *s, ov_err *err)
{
    if (!s->journal)
        return OV_OK;
    uint64_t upto = ov_journal_last_seq(s->journal);
    while (ov_journal_unfolded(s->journal, upto)) {
        ov_tx *tx;
        ov_status st = write_begin(s, &ov_system_actor, &tx, err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, err);
        if (st != OV_OK)
            return st;
    }
    return OV_OK;
}

ov_status ov_store_seen_write(ov_store *s, ov_err *err)
{
    /* an empty write transaction: opening its batch writes them */
    ov_tx *tx;
    ov_status st = write_begin(s, &ov_system_actor, &tx, err);
    return st == OV_OK ? ov_tx_commit(tx, err) : st;
}

/* End the open batch (write_lock held): COMMIT it when `commit` and
 * SQLite still has it, else roll it back; tell its waiting writers. */
static ov_status batch_end(ov_store *s, bool commit, ov_err *err)
{
    ov_status st = OV_OK;
    ov_err e;
    ov_err_clear(&e);
    if (!s->batch_open)
        return OV_OK;
    if (!ov_conn_in_tx(s->writer)) {
        /* SQLite gave up the transaction (I/O error, full disk) */
        st = ov_err_set(&e, OV_EIO, NULL,
                        "the database aborted the transaction; nothing of "
                        "it was saved; try again");
    } else if (commit) {
        st = ov_conn_exec(s->writer, "COMMIT", &e);
    }
    if (st != OV_OK || !commit) {
        ov_err ignored;
        if (ov_conn_in_tx(s->writer) &&
            ov_conn_exec(s->writer, "ROLLBACK", &ignored) != OV_OK)
            ov_log_error("rollback failed: %s", ignored.msg);
        if (st == OV_OK)
            st = ov_err_set(&e, OV_EIO, NULL,
                            "the batch was rolled back; nothing was saved");
    }
    s->batch_open = false;
    if (s->journal)
        ov_journal_folded(s->journal, s->batch, commit && st == OV_OK);
    pthread_mutex_lock(&s->commit_lock);
    /* after the COMMIT: a reader that sees the new number also sees the
     * data (ov_store_data_version) */
    if (commit && st == OV_OK && s->batch_data)
        s->data_gen++;
    s->batch_data = false;
    for (commit_waiter **w = &s->waiters; *w;) {
        if ((*w)->batch == s->batch) {
            (*w)->done = true;
            (*w)->st = st;
            (*w)->err = e;
            *w = (*w)->next;
        } else {
            w = &(*w)->next;
        }
    }
    pthread_cond_broadcast(&s->commit_cond);
    pthread_mutex_unlock(&s->commit_lock);
    if (st != OV_OK && err)
        *err = e;
    return st;
}

/* The writer is done (write_lock held; its savepoint released or rolled
 * back). When others wait and the batch is not full, leave the batch open
 * for them and, if `durable`, wait until it is committed; otherwise commit
 * it now. Releases write_lock. */
static ov_status writer_done(ov_tx *tx, bool durable, ov_err *err)
{
    ov_store *s = tx->store;
    tx->active = false;
    ov_tx_pending_free(tx);
    pthread_mutex_lock(&s->commit_lock);
    bool defer = s->waiting > 0 && s->batch_n < 64 &&
                 ov_conn_in_tx(s->writer);
    commit_waiter me = {s->batch, false, OV_OK, {.code = OV_OK}, NULL};
    if (defer && durable) {
        me.next = s->waiters;
        s->waiters = &me;
    }
    pthread_mutex_unlock(&s->commit_lock);
    if (!defer) {
        ov_status st = batch_end(s, true, err);
        pthread_mutex_unlock(&s->write_lock);
        return durable ? st : OV_OK;
    }
    pthread_mutex_unlock(&s->write_lock);
    if (!durable)
        return OV_OK;
    pthread_mutex_lock(&s->commit_lock);
    while (!me.done)
        pthread_cond_wait(&s->commit_cond, &s->commit_lock);
    pthread_mutex_unlock(&s->commit_lock);
    if (me.st != OV_OK && err)
        *err = me.err;
    return me.st;
}

static ov_status write_begin(ov_store *s, const ov_actor *actor,
                             ov_tx **out, ov_err *err)
{
    *out = NULL;
    if (s->readonly)
        return ov_err_msg(err, OV_EPERM, "--db", tx_read_only);
    ov_status st = ov_actor_validate(actor, err);
    if (st != OV_OK)
        return st;
    pthread_mutex_lock(&s->commit_lock);
    s->waiting++;
    pthread_mutex_unlock(&s->commit_lock);
    pthread_mutex_lock(&s->write_lock);
    pthread_mutex_lock(&s->commit_lock);
    s->waiting--;
    pthread_mutex_unlock(&s->commit_lock);
    if (!s->batch_open) {
        st = ov_conn_exec(s->writer, "BEGIN IMMEDIATE", err);
        if (st != OV_OK) {
            pthread_mutex_unlock(&s->write_lock);
            return st;
        }
        s->batch_open = true;
        s->batch++;
        s->batch_n = 0;
        if (s->journal && fold_journal(s, err) != OV_OK) {
            ov_err ignored;
            batch_end(s, false, &ignored);
            pthread_mutex_unlock(&s->write_lock);
            return err->code;
        }
        /* the sessions' seen times noted since the last batch (seen.c) */
        ov_seen_flush(s, s->writer);
    }
    st = ov_conn_exec(s->writer, "SAVEPOINT ov_tx", err);
    if (st != OV_OK) {
        /* the batch is unusable: end it for everyone in it */
        batch_end(s, false, err);
        pthread_mutex_unlock(&s->write_lock);
        return st;
    }
    s->batch_n++;
    if (actor != &ov_system_actor)
        s->batch_data = true;
    ov_tx *tx = &s->wtx;
    memset(tx, 0, sizeof *tx);
    ov_tx_pending_init(tx);
    tx->store = s;
    tx->conn = s->writer;
    tx->actor = actor;
    tx->write = true;
    tx->active = true;
    *out = tx;
    return OV_OK;
}

ov_status ov_tx_begin(ov_store *s, const ov_actor *actor, ov_tx **out,
                      ov_err *err)
{
    begun++;
    return write_begin(s, actor, out, err);
}

void ov_store_data_version(ov_store *s, uint64_t *instance, uint64_t *gen)
{
    pthread_mutex_lock(&s->commit_lock);
    *instance = s->instance;
    *gen = s->data_gen;
    pthread_mutex_unlock(&s->commit_lock);
}

bool ov_tx_data_version(const ov_tx *tx, uint64_t *instance, uint64_t *gen)
{
    if (!tx || tx->write)
        return false;
    *instance = tx->store->instance;
    *gen = tx->data_gen;
    return true;
}

static ov_status read_begin(ov_store *s, ov_tx **out, ov_err *err)
{
    *out = NULL;
    pthread_mutex_lock(&s->pool_lock);
    int slot = -1;
    for (;;) {
        for (int i = 0; i < s->nreaders; i++) {
            if (!s->reader_busy[i]) {
                slot = i;
                break;
            }
        }
        if (slot >= 0)
            break;
        pthread_cond_wait(&s->pool_cond, &s->pool_lock);
    }
    s->reader_busy[slot] = true;
    pthread_mutex_unlock(&s->pool_lock);

    /* before the snapshot (the first read after BEGIN): the snapshot then
     * holds at least the data of this version (ov_tx_data_version) */
    uint64_t instance, gen;
    ov_store_data_version(s, &instance, &gen);
    ov_status st = OV_OK;
    if (!s->readers[slot])
        st = ov_conn_open(s->db_path, false, true, &s->readers[slot], err);
    if (st == OV_OK)
        st = ov_conn_exec(s->readers[slot], "BEGIN", err);
    if (st != OV_OK) {
        pthread_mutex_lock(&s->pool_lock);
        s->reader_busy[slot] = false;
        pthread_cond_signal(&s->pool_cond);
        pthread_mutex_unlock(&s->pool_lock);
        return st;
    }
    ov_tx *tx = &s->rtx[slot];
    memset(tx, 0, sizeof *tx);
    ov_tx_pending_init(tx);
    tx->store = s;
    tx->conn = s->readers[slot];
    tx->active = true;
    tx->reader = slot;
    tx->data_gen = gen;
    *out = tx;
    return OV_OK;
}

ov_status ov_tx_begin_read(ov_store *s, ov_tx **out, ov_err *err)
{
    begun++;
    return read_begin(s, out, err);
}

ov_status ov_tx_begin_audited(ov_store *s, const ov_actor *actor,
                              ov_tx **out, ov_err *err)
{
    *out = NULL;
    if (s->readonly)
        return ov_err_msg(err, OV_EPERM, "--db", tx_read_only_audit);
    ov_status st = ov_actor_validate(actor, err);
    if (st != OV_OK)
        return st;
    st = ov_tx_begin_read(s, out, err);
    if (st != OV_OK)
        return st;
    (*out)->actor = actor;
    return OV_OK;
}

ov_status ov_tx_begin_request(ov_store *s, ov_tx_kind kind, ov_tx **out,
                              ov_err *err)
{
    *out = NULL;
    if (kind == OV_TXK_AUDIT_LOG) {
        /* the store's own folds, so the read sees every access made so
         * far; not the request's transaction */
        ov_status st = ov_store_audit_sync(s, err);
        if (st != OV_OK)
            return st;
    }
    if (kind == OV_TXK_WRITE)
        return ov_tx_begin(s, &unnamed_actor, out, err);
    return ov_tx_begin_read(s, out, err);
}

ov_status ov_tx_name_actor(ov_tx *tx, ov_tx_kind kind, const ov_actor *actor,
                           ov_err *err)
{
    if (!tx || !tx->active || tx->npending ||
        (tx->write ? tx->actor != &unnamed_actor : tx->actor != NULL))
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the actor of a transaction is named once, before "
                          "anything is audited (a bug)");
    if (kind == OV_TXK_READ && !tx->write)
        return OV_OK; /* a plain read stays one: no citizen data */
    if (!tx->write && tx->store->readonly)
        return ov_err_msg(err, OV_EPERM, "--db", tx_read_only_audit);
    ov_status st = ov_actor_validate(actor, err);
    if (st != OV_OK)
        return st;
    tx->actor = actor;
    return OV_OK;
}

ov_status ov_tx_undo(ov_tx *tx, ov_err *err)
{
    if (!tx || !tx->active)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "undo without an active transaction (a bug)");
    ov_err ignored;
    if (tx->write && (!ov_conn_in_tx(tx->conn) ||
                      ov_conn_exec(tx->conn, "ROLLBACK TO ov_tx", &ignored) !=
                          OV_OK)) {
        ov_err_set(err, OV_EIO, NULL,
                   "the database aborted the transaction; nothing of it was "
                   "saved; try again");
        ov_tx_rollback(tx);
        return OV_EIO;
    }
    /* what was read for the undone work is not shown: no audit row */
    tx->npending = 0;
    tx->failed = false;
    ov_err_clear(&tx->err);
    tx->head_id = 0;
    tx->head = NULL;
    return OV_OK;
}

/* End a read transaction: its reader goes back to the pool. (Writers end
 * in writer_done.) */
static void tx_end(ov_tx *tx)
{
    ov_store *s = tx->store;
    tx->active = false;
    ov_tx_pending_free(tx);
    pthread_mutex_lock(&s->pool_lock);
    s->reader_busy[tx->reader] = false;
    pthread_cond_signal(&s->pool_cond);
    pthread_mutex_unlock(&s->pool_lock);
}

void ov_tx_rollback(ov_tx *tx)
{
    if (!tx || !tx->active)
        return;
    ov_err ignored;
    if (!tx->write) {
        if (ov_conn_exec(tx->conn, "ROLLBACK", &ignored) != OV_OK)
            ov_log_error("rollback failed: %s", ignored.msg);
        tx_end(tx);
        return;
    }
    /* undo this writer's work only; the batch may hold others' */
    if (ov_conn_in_tx(tx->conn) &&
        (ov_conn_exec(tx->conn, "ROLLBACK TO ov_tx", &ignored) != OV_OK ||
         ov_conn_exec(tx->conn, "RELEASE ov_tx", &ignored) != OV_OK))
        ov_log_error("rollback failed: %s", ignored.msg);
    writer_done(tx, false, &ignored);
}

/* Journal an audited read's rows and wait until they are on disk. On a
 * journal failure the journal is left (it keeps what it has for the next
 * fold) and the caller writes the rows into the database instead: a row
 * may then be recorded twice, never lost. */
static void journal_failed(ov_store *s, const ov_err *err)
{
    pthread_mutex_lock(&s->commit_lock);
    bool first = !s->journal_warned;
    s->journal_warned = true;
    pthread_mutex_unlock(&s->commit_lock);
    if (first)
        ov_log_error("%s; read audit rows now go straight into the "
                     "database until restart",
                     err->msg);
}

static ov_status journal_reads(ov_store *s, const ov_actor *actor,
                               const ov_pending_read *p, int n,
                               uint64_t *ticket, ov_err *err)
{
    uint64_t seq = 0;
    ov_status st = OV_OK;
    for (int i = 0; i < n && st == OV_OK; i++)
        st = ov_journal_append(s->journal, actor, OV_ACT_READ,
                               p[i].citizen_id,
                               p[i].criteria[0] ? p[i].criteria : NULL, &seq,
                               err);
    if (st == OV_EIO) /* the journal broke (not a refused field) */
        journal_failed(s, err);
    *ticket = seq;
    return st;
}

ov_status ov_store_audit_wait(ov_store *s, uint64_t ticket, ov_err *err)
{
    if (!ticket || !s->journal)
        return OV_OK;
    return ov_journal_sync(s->journal, ticket, err);
}

bool ov_store_audit_durable(ov_store *s, uint64_t ticket)
{
    return !ticket || !s->journal || ov_journal_synced(s->journal, ticket);
}

void ov_store_audit_notify(ov_store *s, uint64_t ticket,
                           void (*fn)(void *ctx, ov_status st), void *ctx)
{
    if (!ticket || !s->journal) {
        fn(ctx, OV_OK);
        return;
    }
    ov_journal_notify(s->journal, ticket, fn, ctx);
}

/* Commit; for an audited read with the journal, *ticket is what to wait
 * for (0: nothing). */
static ov_status commit(ov_tx *tx, uint64_t *ticket, ov_err *err)
{
    *ticket = 0;
    if (!tx || !tx->active)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "commit without an active transaction (a bug)");
    if (tx->failed) {
        ov_err first = tx->err;
        ov_tx_rollback(tx);
        if (err)
            *err = first;
        return first.code;
    }
    if (!tx->write) {
        ov_status st = ov_conn_exec(tx->conn, "COMMIT", err);
        if (st != OV_OK) {
            ov_tx_rollback(tx);
            return st;
        }
        /* an audited read: its audit rows must be on disk before the
         * caller shows anything it read. The snapshot is released first,
         * so the reader goes back to the pool meanwhile. */
        int n = tx->npending;
        ov_pending_read inline_copy[OV_TX_PENDING_READS];
        ov_pending_read *pending = inline_copy;
        if (tx->pending != tx->pending_inline) {
            pending = tx->pending; /* ours now; the reader's slot forgets it */
            tx->pending = tx->pending_inline;
        } else if (n) {
            memcpy(inline_copy, tx->pending, (size_t)n * sizeof *pending);
        }
        const ov_actor *actor = tx->actor;
        ov_store *s = tx->store;
        tx_end(tx);
        st = OV_OK;
        if (n && !(s->journal &&
                   journal_reads(s, actor, pending, n, ticket, err) == OV_OK)) {
            /* no journal (or it failed): straight into the database, in
             * a write transaction of the group-commit batch */
            *ticket = 0;
            ov_tx *w;
            st = write_begin(s, actor, &w, err);
            for (int i = 0; i < n && st == OV_OK; i++)
                st = ov_audit_append(w, OV_ACT_READ, pending[i].citizen_id,
                                     pending[i].criteria[0]
                                         ? pending[i].criteria
                                         : NULL,
                                     err);
            if (st == OV_OK)
                st = ov_tx_commit(w, err);
            else if (w)
                ov_tx_rollback(w);
        }
        if (pending != inline_copy)
            free(pending);
        return st;
    }
    /* the reads' audit rows go in with everything else, or nothing does */
    ov_status st = tx->npending ? ov_audit_flush(tx, err) : OV_OK;
    if (st == OV_OK)
        st = ov_conn_exec(tx->conn, "RELEASE ov_tx", err);
    if (st != OV_OK) {
        ov_err first = *err;
        ov_tx_rollback(tx);
        *err = first;
        return st;
    }
    /* returns when the batch is on disk */
    return writer_done(tx, true, err);
}

ov_status ov_tx_commit_deferred(ov_tx *tx, uint64_t *ticket, ov_err *err)
{
    return commit(tx, ticket, err);
}

ov_status ov_tx_commit(ov_tx *tx, ov_err *err)
{
    ov_store *s = tx ? tx->store : NULL;
    uint64_t ticket;
    ov_status st = commit(tx, &ticket, err);
    if (st != OV_OK || !ticket)
        return st;
    st = ov_store_audit_wait(s, ticket, err);
    if (st != OV_OK)
        journal_failed(s, err);
    return st;
}

const ov_actor *ov_tx_actor(const ov_tx *tx) { return tx->actor; }
bool ov_tx_writes(const ov_tx *tx) { return tx && tx->write; }
ov_time ov_tx_now(const ov_tx *tx)
{
    return tx->now ? tx->now : ov_time_now();
}
void ov_tx_set_now(ov_tx *tx, ov_time at) { tx->now = at; }

ov_status ov_folded_seq_write(ov_conn *c, uint64_t seq, ov_err *err)
{
    ov_stmt *st;
    if (ov_stmt_prepare(c, SQL_META_SET, &st, err) != OV_OK)
        return err->code;
    char v[24];
    snprintf(v, sizeof v, "%llu", (unsigned long long)seq);
    ov_stmt_bind_cstr(st, 1, META_JOURNAL_SEQ);
    ov_stmt_bind_cstr(st, 2, v);
    return ov_stmt_run(st, err);
}

ov_status ov_store_folded_seq(ov_store *s, uint64_t *out, ov_err *err)
{
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    st = ov_folded_seq_read(tx->conn, out, err);
    ov_tx_rollback(tx);
    return st;
}
