#include "web/app.h"

#include <string.h>

static void h_health(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    (void)req;
    ov_response_json(res, 200, OV_STR_LIT("{\"status\":\"ok\"}"));
}

const ov_route ov_routes[] = {
    {OV_GET, "/api/v1/health", OV_ACCESS_PUBLIC, h_health,
     "liveness: answers {\"status\": \"ok\"} without a log-in"},
};
const int ov_nroutes = (int)(sizeof ov_routes / sizeof ov_routes[0]);

bool ov_route_match(const char *pattern, ov_str path, ov_request *req)
{
    ov_str p = ov_str_c(pattern);
    int np = 0;
    size_t i = 0, j = 0;
    while (i < p.len && j < path.len) {
        if (p.ptr[i] == '{') {
            const char *close = memchr(p.ptr + i, '}', p.len - i);
            if (!close || np >= 4)
                return false;
            i = (size_t)(close - p.ptr) + 1;
            size_t start = j;
            while (j < path.len && path.ptr[j] != '/')
                j++;
            if (j == start)
                return false;
            if (req)
                req->params[np] = (ov_str){path.ptr + start, j - start};
            np++;
            continue;
        }
        if (p.ptr[i] != path.ptr[j])
            return false;
        i++;
        j++;
    }
    if (i != p.len || j != path.len)
        return false;
    if (req)
        req->nparams = np;
    return true;
}

ov_status ov_web_authorize(ov_web *app, const ov_route *route,
                           ov_request *req, ov_err *err)
{
    (void)app;
    (void)req;
    if (route->access == OV_ACCESS_PUBLIC)
        return OV_OK;
    /* sessions arrive with the log-in; until then nothing else is open */
    return ov_err_set(err, OV_EPERM, NULL, "log in first");
}

void ov_web_handle(ov_web *app, ov_request *req, ov_response *res)
{
    ov_response_security_headers(res);
    const ov_route *found = NULL;
    bool path_known = false;
    for (int i = 0; i < ov_nroutes; i++) {
        if (!ov_route_match(ov_routes[i].pattern, req->path, NULL))
            continue;
        path_known = true;
        if (ov_routes[i].method == req->method) {
            found = &ov_routes[i];
            ov_route_match(found->pattern, req->path, req);
            break;
        }
    }
    if (!found) {
        if (path_known) {
            ov_response_header(res, "Allow", "GET");
            ov_response_error_status(res, 405, "method_not_allowed",
                                     "this address does not take that "
                                     "method");
        } else {
            ov_response_error_status(res, 404, "not_found",
                                     "no such page or API route");
        }
        return;
    }
    ov_err err;
    ov_err_clear(&err);
    if (ov_web_authorize(app, found, req, &err) != OV_OK) {
        if (err.code == OV_EPERM)
            ov_response_error_status(res, 401, "unauthorized",
                                     "log in first (POST /api/v1/session)");
        else
            ov_response_error(res, &err);
        return;
    }
    found->handler(app, req, res);
}
