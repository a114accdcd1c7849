/*
 * view.h - the reads for the pages and the API, in one include: each is
 * declared by the header of the entity it reads (meetings in
 * store/meeting.h, plan versions in store/plan.h, proposals and
 * employment in store/match.h, placements with agreement and hours in
 * store/placement.h, companies and teams in store/org.h, screening
 * batches in store/screening.h, the municipality's audit log in
 * store/audit.h). Every function that reads a citizen's data writes one
 * audit "read" row in the caller's transaction. Lists follow the store's
 * list convention (docs/architecture.md, "Where do I put X?").
 */
#ifndef OV_STORE_VIEW_H
#define OV_STORE_VIEW_H

#include "store/audit.h"
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/plan.h"
#include "store/screening.h"

#endif
