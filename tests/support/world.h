/*
 * world.h - a small organisation for store tests: Halsnæs (250) with two
 * teams, Tønder (550) with one, frontline staff on Team Nord, a leader, and
 * one citizen.
 */
#ifndef OV_TEST_WORLD_H
#define OV_TEST_WORLD_H

#include <stdint.h>

#include "core/date.h"
#include "model/actor.h"
#include "support/testutil.h"

typedef struct tu_world {
    tu_db t;
    int64_t team, other_team, team_tonder;
    int64_t job, social, cti, vk, cti_other, leader;
    int64_t citizen;
    int64_t company;
} tu_world;

void tu_world_init(tu_world *w);
/* A user with a role in a municipality, on a team when team != 0. */
int64_t tu_add_user(ov_tx *tx, const char *name, ov_role role, int muni,
                    int64_t team);
/* A course for w->citizen on Team Nord, started on `start`, with the four
 * frontline staff named. */
int64_t tu_course(tu_world *w, ov_date start);

/* The course's current stage (reads it in its own transaction). */
#include "model/course.h"
ov_stage tu_stage(tu_world *w, int64_t course);

#endif
