#include "core/path.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
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

/* The group set by ov_file_group_use: set once at start, before threads,
 * read afterwards. */
static bool group_set;
static gid_t group_gid;
static char group_name[64];

/* Whether this process may give a file to group gid (chown(2): root, or
 * a member of the group). */
static bool may_use_group(gid_t gid)
{
    if (geteuid() == 0 || getegid() == gid)
        return true;
    int n = getgroups(0, NULL);
    if (n <= 0)
        return false;
    gid_t *list = calloc((size_t)n, sizeof *list);
    if (!list)
        return false;
    n = getgroups(n, list);
    bool in = false;
    for (int i = 0; i < n; i++)
        in = in || list[i] == gid;
    free(list);
    return in;
}

ov_status ov_file_group_use(const char *name, ov_err *err)
{
    if (!name || !*name) {
        group_set = false;
        group_name[0] = '\0';
        return OV_OK;
    }
    if (strlen(name) >= sizeof group_name)
        return ov_err_set(err, OV_EINVAL, "file_group",
                          "file_group: '%.40s...' is too long for a group "
                          "name", name);
    errno = 0;
    struct group *g = getgrnam(name);
    if (!g)
        return ov_err_set(err, OV_EINVAL, "file_group",
                          "file_group: there is no group '%s' on this "
                          "system; create it (groupadd %s) or name an "
                          "existing one",
                          name, name);
    if (!may_use_group(g->gr_gid)) {
        struct passwd *pw = getpwuid(geteuid());
        const char *user = pw ? pw->pw_name : "this user";
        return ov_err_set(err, OV_EPERM, "file_group",
                          "file_group: %s is not a member of group '%s', so "
                          "overgang cannot give its files to that group; add "
                          "it (usermod -aG %s %s, then log in again) or name "
                          "one of its groups (id -Gn)",
                          user, name, name, user);
    }
    group_gid = g->gr_gid;
    snprintf(group_name, sizeof group_name, "%s", name);
    group_set = true;
    return OV_OK;
}

const char *ov_file_group_name(void)
{
    return group_set ? group_name : "";
}

bool ov_file_group(gid_t *gid)
{
    if (group_set && gid)
        *gid = group_gid;
    return group_set;
}

unsigned ov_private_mode(void)
{
    return group_set ? OV_GROUP_MODE : OV_PRIVATE_MODE;
}

int ov_private_fd(int fd)
{
    if (group_set && fchown(fd, (uid_t)-1, group_gid) != 0)
        return -1;
    /* after the chown: changing the group may clear set-id bits, and the
     * mode is set last so it is exactly this */
    return fchmod(fd, (mode_t)ov_private_mode());
}

int ov_private_open(const char *path, bool exclusive)
{
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
                (exclusive ? O_EXCL : O_TRUNC);
    int fd = open(path, flags, OV_PRIVATE_MODE);
    if (fd < 0)
        return -1;
    if (ov_private_fd(fd) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

int ov_path_same_group(const char *path, const char *like)
{
    struct stat a, b;
    if (stat(like, &b) != 0 || stat(path, &a) != 0)
        return 0;
    if (a.st_gid == b.st_gid)
        return 0;
    return chown(path, (uid_t)-1, b.st_gid);
}

int ov_path_others_read(const char *path, unsigned *mode)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    *mode = (unsigned)(st.st_mode & 07777);
    return (st.st_mode & (S_IRGRP | S_IROTH)) ? 1 : 0;
}
