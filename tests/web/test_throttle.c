/* Log-in throttling (web/throttle.h): per account and per address, no
 * other name can reset a counter, refusals instead of delays, and the
 * table's eviction never frees a key that still counts. Time is passed
 * in, so nothing here sleeps. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "web/throttle.h"

#define NOADDR OV_STR_LIT("")
#define T0 1000000 /* an arbitrary start on the monotonic clock */

static ov_str name(char *buf, size_t cap, const char *prefix, int i)
{
    snprintf(buf, cap, "%s%d", prefix, i);
    return ov_str_c(buf);
}

static void an_account_has_three_free_attempts_then_waits_doubling(
    void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str admin = OV_STR_LIT("admin");
    for (int i = 0; i < 3; i++)
        assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0), 0);
    /* the third failure set a wait of 1 s */
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0), 1);
    assert_int_equal(ov_throttle_check(t, admin, NOADDR, T0 + 999), 1);
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0 + 1000), 0);
    /* then 2 s, 4 s, ... from each admitted attempt */
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0 + 1001), 2);
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0 + 3000), 0);
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0 + 3000), 4);
    int64_t now = T0 + 7000;
    int64_t wait = 4000;
    for (int i = 0; i < 10; i++) {
        assert_int_equal(ov_throttle_admit(t, admin, NOADDR, now), 0);
        wait = wait * 2 > 60000 ? 60000 : wait * 2;
        assert_int_equal(ov_throttle_admit(t, admin, NOADDR, now),
                         (int)(wait / 1000));
        now += wait;
    }
    /* at most a minute, however many failures */
    assert_int_equal(wait, 60000);
    assert_int_equal(ov_throttle_failures(t, admin, now), 3 + 2 + 10);
    ov_throttle_free(t);
}

static void refused_attempts_are_not_counted_and_check_counts_nothing(
    void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str u = OV_STR_LIT("job");
    for (int i = 0; i < 5; i++)
        assert_int_equal(ov_throttle_check(t, u, NOADDR, T0), 0);
    assert_int_equal(ov_throttle_failures(t, u, T0), 0);
    for (int i = 0; i < 3; i++)
        ov_throttle_admit(t, u, NOADDR, T0);
    for (int i = 0; i < 50; i++)
        assert_int_equal(ov_throttle_admit(t, u, NOADDR, T0 + 10), 1);
    assert_int_equal(ov_throttle_failures(t, u, T0 + 10), 3);
    /* the wait did not grow with the refusals */
    assert_int_equal(ov_throttle_admit(t, u, NOADDR, T0 + 1000), 0);
    ov_throttle_free(t);
}

/* The finding: "admin" alternated with another name in the same slot
 * reset admin's count. No other name, however many, touches it. */
static void alternating_names_never_reset_another_accounts_counter(
    void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str admin = OV_STR_LIT("admin");
    char buf[32];
    int64_t now = T0;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(ov_throttle_admit(t, admin, NOADDR, now), 0);
        assert_int_equal(
            ov_throttle_admit(t, name(buf, sizeof buf, "x", i), NOADDR, now),
            0);
    }
    /* 2000 other names, each failing, all within admin's wait */
    for (int i = 0; i < 2000; i++) {
        ov_throttle_admit(t, name(buf, sizeof buf, "x", i), NOADDR, now);
        assert_int_not_equal(ov_throttle_check(t, admin, NOADDR, now), 0);
    }
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, now + 999), 1);
    assert_int_equal(ov_throttle_failures(t, admin, now), 3);
    ov_throttle_free(t);
}

/* Filling the table with new names evicts only forgotten keys: a counting
 * key stays, and a new key finding its bucket full is refused until a
 * place is forgotten (fail closed), never given someone's place. */
static void filling_the_table_never_evicts_a_counting_key(void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str admin = OV_STR_LIT("admin");
    for (int i = 0; i < 3; i++)
        ov_throttle_admit(t, admin, NOADDR, T0);
    char buf[32];
    int admitted = 0, refused = 0;
    const int n = 3 * OV_THROTTLE_BUCKETS * OV_THROTTLE_WAYS;
    for (int i = 0; i < n; i++) {
        int r = ov_throttle_admit(t, name(buf, sizeof buf, "filler", i),
                                  NOADDR, T0 + 1);
        if (r == 0) {
            admitted++;
        } else {
            refused++;
            /* until the oldest key of the full bucket is forgotten */
            assert_true(r >= 1 && r <= 15 * 60);
        }
    }
    assert_true(admitted < OV_THROTTLE_BUCKETS * OV_THROTTLE_WAYS);
    assert_true(refused > 0);
    assert_int_equal(ov_throttle_failures(t, admin, T0 + 1), 3);
    assert_int_equal(ov_throttle_admit(t, admin, NOADDR, T0 + 2), 1);
    /* 15 quiet minutes later the fillers are forgotten and free */
    int64_t later = T0 + 1 + 15 * 60 * 1000;
    assert_int_equal(ov_throttle_admit(t, OV_STR_LIT("job"), NOADDR, later),
                     0);
    assert_int_equal(ov_throttle_failures(t, admin, later), 0);
    ov_throttle_free(t);
}

static void an_address_waits_after_ten_failures_whatever_the_names(
    void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str addr = OV_STR_LIT("192.0.2.7");
    char buf[32];
    for (int i = 0; i < 10; i++)
        assert_int_equal(
            ov_throttle_admit(t, name(buf, sizeof buf, "guess", i), addr, T0),
            0);
    assert_int_equal(ov_throttle_admit(t, OV_STR_LIT("fresh"), addr, T0), 1);
    assert_int_equal(ov_throttle_check(t, OV_STR_LIT("fresh"), addr, T0), 1);
    /* another address is not affected */
    assert_int_equal(ov_throttle_admit(t, OV_STR_LIT("fresh"),
                                       OV_STR_LIT("192.0.2.8"), T0),
                     0);
    ov_throttle_free(t);
}

/* A right password forgets the account's failures, but cannot be used
 * to reset an address: a user with a valid log-in still waits for the
 * failures their address made on other accounts. */
static void a_right_password_forgets_the_account_not_the_address(
    void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str addr = OV_STR_LIT("192.0.2.9");
    ov_str job = OV_STR_LIT("job");
    char buf[32];
    /* two wrong passwords, then the right one */
    ov_throttle_admit(t, job, addr, T0);
    ov_throttle_admit(t, job, addr, T0);
    assert_int_equal(ov_throttle_admit(t, job, addr, T0), 0);
    ov_throttle_succeeded(t, job, addr, T0);
    assert_int_equal(ov_throttle_failures(t, job, T0), 0);
    assert_int_equal(ov_throttle_check(t, job, addr, T0), 0);
    /* 2 failures so far from the address; 8 more on other names */
    for (int i = 0; i < 8; i++)
        assert_int_equal(
            ov_throttle_admit(t, name(buf, sizeof buf, "g", i), addr, T0), 0);
    /* the attacker's own valid log-in does not reset the address */
    assert_int_equal(ov_throttle_admit(t, job, addr, T0), 1);
    ov_throttle_free(t);
}

static void a_quiet_account_is_forgotten_after_fifteen_minutes(void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str u = OV_STR_LIT("vk");
    for (int i = 0; i < 3; i++)
        ov_throttle_admit(t, u, NOADDR, T0);
    int64_t later = T0 + 15 * 60 * 1000;
    assert_int_equal(ov_throttle_failures(t, u, later - 1), 3);
    assert_int_equal(ov_throttle_failures(t, u, later), 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(ov_throttle_admit(t, u, NOADDR, later), 0);
    ov_throttle_free(t);
}

/* Attempts are counted when admitted, before the password is checked, so
 * many at once cannot all pass the limit. */
typedef struct racer {
    ov_throttle *t;
    int admitted;
} racer;

static void *race(void *arg)
{
    racer *r = arg;
    for (int i = 0; i < 25; i++)
        if (ov_throttle_admit(r->t, OV_STR_LIT("admin"),
                              OV_STR_LIT("192.0.2.10"), T0) == 0)
            r->admitted++;
    return NULL;
}

static void parallel_attempts_cannot_pass_the_limit_together(void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    pthread_t th[8];
    racer r[8];
    for (int i = 0; i < 8; i++) {
        r[i] = (racer){t, 0};
        assert_int_equal(pthread_create(&th[i], NULL, race, &r[i]), 0);
    }
    int total = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        total += r[i].admitted;
    }
    assert_int_equal(total, 3);
    ov_throttle_free(t);
}

/* A password check may take longer than the first wait: the wait starts
 * again when the failure is known, so the next attempt after the answer
 * is still refused. */
static void the_wait_restarts_when_the_password_proved_wrong(void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_str u = OV_STR_LIT("admin");
    ov_str addr = OV_STR_LIT("192.0.2.20");
    for (int i = 0; i < 3; i++)
        assert_int_equal(ov_throttle_admit(t, u, addr, T0), 0);
    /* the third check took 1.5 s */
    ov_throttle_failed(t, u, addr, T0 + 1500);
    assert_int_equal(ov_throttle_admit(t, u, addr, T0 + 1600), 1);
    assert_int_equal(ov_throttle_admit(t, u, addr, T0 + 2500), 0);
    /* a key that was forgotten or never counted is not made up */
    ov_throttle_failed(t, OV_STR_LIT("nobody"), OV_STR_LIT(""), T0);
    assert_int_equal(ov_throttle_failures(t, OV_STR_LIT("nobody"), T0), 0);
    ov_throttle_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            an_account_has_three_free_attempts_then_waits_doubling),
        cmocka_unit_test(
            refused_attempts_are_not_counted_and_check_counts_nothing),
        cmocka_unit_test(
            alternating_names_never_reset_another_accounts_counter),
        cmocka_unit_test(filling_the_table_never_evicts_a_counting_key),
        cmocka_unit_test(
            an_address_waits_after_ten_failures_whatever_the_names),
        cmocka_unit_test(
            a_right_password_forgets_the_account_not_the_address),
        cmocka_unit_test(a_quiet_account_is_forgotten_after_fifteen_minutes),
        cmocka_unit_test(parallel_attempts_cannot_pass_the_limit_together),
        cmocka_unit_test(the_wait_restarts_when_the_password_proved_wrong),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
