/*
 * fuzz.h - what every libFuzzer target under tests/fuzz shares.
 *
 * Why: a target must prove invariants of its parser ("a parsed CPR number
 * formats back to its input"), not only survive it. FUZZ_CHECK states one;
 * when it does not hold the target prints where and why and aborts, and
 * libFuzzer keeps the input as a crash (make fuzz: build/fuzz/crashes).
 *
 * Targets are built with clang -fsanitize=fuzzer,address,undefined by
 * `make fuzz` (docs/fuzzing.md). Each file defines LLVMFuzzerTestOneInput
 * and, when it needs one-time set-up, LLVMFuzzerInitialize.
 */
#ifndef OV_TESTS_FUZZ_H
#define OV_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond, ...)                                               \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__,      \
                    __LINE__, #cond);                                       \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)

/* The input as a string view; an empty input gets a valid pointer, as a
 * request body or a file would. */
static inline ov_str fuzz_str(const uint8_t *data, size_t size)
{
    return (ov_str){size ? (const char *)data : "", size};
}

/* Split the input at the first "\n--\n": two documents in one input (two
 * files of the register extract, two journal files). *b is empty when
 * the mark is absent. */
static inline void fuzz_split(ov_str in, ov_str *a, ov_str *b)
{
    static const char mark[] = "\n--\n";
    for (size_t i = 0; i + 4 <= in.len; i++)
        if (memcmp(in.ptr + i, mark, 4) == 0) {
            *a = (ov_str){in.ptr, i + 1};
            *b = (ov_str){in.ptr + i + 4, in.len - i - 4};
            return;
        }
    *a = in;
    *b = (ov_str){"", 0};
}

/* Write a whole file; aborts on failure (a broken harness, not input). */
static inline void fuzz_write_file(const char *path, ov_str s)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL, "cannot create %s", path);
    FUZZ_CHECK(s.len == 0 || fwrite(s.ptr, 1, s.len, f) == s.len,
               "cannot write %s", path);
    FUZZ_CHECK(fclose(f) == 0, "cannot close %s", path);
}

/* A private temp directory for the whole fuzzing process, removed at
 * exit (the target removes the files it makes inside). In /dev/shm when
 * there is one: a target that writes files per input then measures its
 * parser, not the disk. */
static char fuzz_dir_[64];
static inline void fuzz_rmdir_(void) { rmdir(fuzz_dir_); }
static inline const char *fuzz_tmpdir(void)
{
    if (!fuzz_dir_[0]) {
        snprintf(fuzz_dir_, sizeof fuzz_dir_, "%s/overgang-fuzz-XXXXXX",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        FUZZ_CHECK(mkdtemp(fuzz_dir_) != NULL, "cannot make a temp dir");
        atexit(fuzz_rmdir_);
    }
    return fuzz_dir_;
}

#endif
