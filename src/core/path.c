#include "core/path.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int ov_mkdir_p(const char *dir, bool *created)
{
    *created = false;
    char buf[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, dir, n + 1);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    for (size_t i = 1; i <= n; i++) {
        if (i < n && buf[i] != '/')
            continue;
        char c = buf[i];
        buf[i] = '\0';
        if (mkdir(buf, 0777) == 0) {
            if (i == n)
                *created = true;
        } else if (errno != EEXIST) {
            return -1;
        } else if (i == n) {
            struct stat st;
            if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
                errno = ENOTDIR;
                return -1;
            }
        }
        buf[i] = c;
    }
    return 0;
}

int ov_private_open(const char *path, bool exclusive)
{
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
                (exclusive ? O_EXCL : O_TRUNC);
    int fd = open(path, flags, OV_PRIVATE_MODE);
    if (fd < 0)
        return -1;
    if (fchmod(fd, OV_PRIVATE_MODE) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

int ov_path_others_read(const char *path, unsigned *mode)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    *mode = (unsigned)(st.st_mode & 07777);
    return (st.st_mode & (S_IRGRP | S_IROTH)) ? 1 : 0;
}
