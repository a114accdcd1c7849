#include "stats/par.h"

#include <pthread.h>

void ov_par_run(void *(*fn)(void *), void *jobs, size_t job_size, int n)
{
    pthread_t th[OV_PAR_MAX];
    char *base = jobs;
    if (n > OV_PAR_MAX)
        n = OV_PAR_MAX;
    int started = 0;
    for (int t = 1; t < n; t++) {
        if (pthread_create(&th[t], NULL, fn, base + (size_t)t * job_size) !=
            0)
            break;
        started = t;
    }
    if (n > 0)
        fn(base);
    for (int t = 1; t <= started; t++)
        pthread_join(th[t], NULL);
    for (int t = started + 1; t < n; t++)
        fn(base + (size_t)t * job_size);
}
