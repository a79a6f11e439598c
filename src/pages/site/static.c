/*
** GET /static/NAME — assets compiled into the binary (CSS, icons).
**
** They are immutable for a given build, and the shell links them with the
** commit in the query string, so browsers may keep them for a long time.
*/
#include <string.h>

#include "pages/page.h"
#include "util/embedded.h"
#include "util/version.h"

static const char *content_type(const char *zName) {
  const char *zDot = strrchr(zName, '.');
  if (!zDot) return "application/octet-stream";
  if (strcmp(zDot, ".css") == 0) return "text/css; charset=utf-8";
  if (strcmp(zDot, ".svg") == 0) return "image/svg+xml";
  if (strcmp(zDot, ".png") == 0) return "image/png";
  if (strcmp(zDot, ".js") == 0) return "text/javascript; charset=utf-8";
  return "application/octet-stream";
}

void page_static(Request *r) {
  const char *zName = request_param(r, 0);
  const EmbeddedFile *pFile = embedded_find(embedded_static, zName);
  if (!pFile) {
    respond_error(r, 404, NULL);
    return;
  }
  const char *zEtag =
      arena_printf(request_arena(r), "\"%s-%s\"", cosoc_commit, zName);
  const char *zIfNone = request_header(r, "If-None-Match");
  response_header(r, "Cache-Control", "public, max-age=31536000, immutable");
  response_header(r, "ETag", zEtag);
  if (zIfNone && strcmp(zIfNone, zEtag) == 0) {
    respond_bytes(r, 304, content_type(zName), "", 0);
    return;
  }
  respond_bytes(r, 200, content_type(zName), pFile->aData, pFile->nSize);
}
