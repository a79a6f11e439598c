/*
** Text at the door (see request_impl.h): every request's path, query,
** form fields (names, values, file names) and raw body (JSON) are checked
** once here, before authentication and before any page runs, so no page
** can store or echo text that is not valid UTF-8 or that carries control
** characters.
**
** The rules:
**  - everything must be valid UTF-8 without NUL bytes;
**  - the path, field names and file names: no control characters at
**    all, and no bidi controls (which make «foto<U+202E>gpj.exe» read
**    «fotoexe.jpg»); the query: no control characters;
**  - form values and JSON strings: no control characters but tab and line
**    breaks; form values get their CRLF (what browsers send for a textarea)
**    and lone CR made LF here, once.
** Whether a field may hold line breaks at all is the field's own rule,
** checked where it is validated (text_single_line_problem()): names,
** titles, file names are one line; descriptions and minutes are not.
**
** Uploaded file contents are not text and are left alone.
*/
#include <string.h>

#include "http/request_impl.h"
#include "util/text.h"

/* What is wrong, for the answer. */
typedef struct TextFault {
  int iStatus;        /* 400 (not UTF-8) or 422 (control characters) */
  const char *zField; /* The field at fault, when it can be named */
} TextFault;

/* 1 when the NUL-terminated z is a valid "name-like" text: UTF-8 with no
** control character and no bidi control. */
static int is_clean_line(const char *z) {
  return text_utf8_valid(z, strlen(z)) && !text_first_control(z, NULL) &&
         !text_first_bidi_control(z);
}

static void fault(TextFault *pF, int iStatus, const char *zField) {
  if (pF->iStatus) return; /* The first fault is the one reported */
  pF->iStatus = iStatus;
  pF->zField = zField && text_utf8_valid(zField, strlen(zField)) &&
                       !text_first_control(zField, NULL) && strlen(zField) <= 64
                   ? zField
                   : NULL;
}

static enum MHD_Result check_query_arg(void *pCls, enum MHD_ValueKind eKind,
                                       const char *zKey, const char *zValue) {
  (void)eKind;
  TextFault *pF = pCls;
  if (!zKey) return MHD_YES;
  if (!text_utf8_valid(zKey, strlen(zKey)) ||
      (zValue && !text_utf8_valid(zValue, strlen(zValue)))) {
    fault(pF, 400, zKey);
    return MHD_NO;
  }
  if (text_first_control(zKey, NULL) ||
      (zValue && text_first_control(zValue, NULL))) {
    fault(pF, 422, zKey);
    return MHD_NO;
  }
  return MHD_YES;
}

/* CRLF and lone CR become LF, in place. */
static void normalize_line_breaks(FormField *p) {
  size_t j = 0;
  for (size_t i = 0; i < p->nValue; i++) {
    char c = p->zValue[i];
    if (c == '\r') {
      if (i + 1 < p->nValue && p->zValue[i + 1] == '\n') continue;
      c = '\n';
    }
    p->zValue[j++] = c;
  }
  p->zValue[j] = 0;
  p->nValue = j;
}

static void check_fields(Request *r, TextFault *pF) {
  for (int i = 0; i < r->nField && !pF->iStatus; i++) {
    FormField *p = &r->aField[i];
    if (!is_clean_line(p->zName)) {
      fault(pF, text_utf8_valid(p->zName, strlen(p->zName)) ? 422 : 400, NULL);
      return;
    }
    if (p->zFilename) {
      /* A file: its name is text, its bytes are not. */
      if (!text_utf8_valid(p->zFilename, strlen(p->zFilename))) {
        fault(pF, 400, p->zName);
      } else if (text_first_control(p->zFilename, NULL) ||
                 text_first_bidi_control(p->zFilename)) {
        fault(pF, 422, p->zName);
      }
      continue;
    }
    if (!text_utf8_valid(p->zValue, p->nValue)) {
      fault(pF, 400, p->zName);
    } else if (text_first_control(p->zValue, "\t\r\n")) {
      fault(pF, 422, p->zName);
    } else if (memchr(p->zValue, '\r', p->nValue)) {
      normalize_line_breaks(p);
    }
  }
}

/* A JSON body: UTF-8, no raw control characters but JSON's white space,
** and no escaped ones (\u001b, \b, \f) but tab and line breaks. */
static void check_json(const char *z, size_t n, TextFault *pF) {
  if (!text_utf8_valid(z, n)) {
    fault(pF, 400, NULL);
    return;
  }
  if (text_first_control(z, "\t\r\n")) {
    fault(pF, 422, NULL);
    return;
  }
  for (size_t i = 0; i + 1 < n; i++) {
    if (z[i] != '\\') continue;
    char c = z[i + 1];
    if (c == 'b' || c == 'f') {
      fault(pF, 422, NULL);
      return;
    }
    if (c == 'u' && i + 5 < n) {
      unsigned cp = 0;
      int bHex = 1;
      for (size_t k = i + 2; k < i + 6; k++) {
        char h = z[k];
        int v = h >= '0' && h <= '9'   ? h - '0'
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                       : -1;
        if (v < 0) bHex = 0;
        cp = cp * 16 + (unsigned)(v < 0 ? 0 : v);
      }
      if (bHex && text_is_control(cp) && cp != '\t' && cp != '\n' &&
          cp != '\r') {
        fault(pF, 422, NULL);
        return;
      }
    }
    i++; /* Skip the escaped character: "\\u001b" is text, not an escape */
  }
}

int request_text_check(Request *r, int *piStatus, const char **pzMessage,
                       const char **pzField) {
  TextFault f = {0, NULL};
  if (!is_clean_line(r->zPath)) fault(&f, 400, NULL);
  if (!f.iStatus) {
    MHD_get_connection_values(r->pConn, MHD_GET_ARGUMENT_KIND, check_query_arg,
                              &f);
  }
  if (!f.iStatus) check_fields(r, &f);
  if (!f.iStatus && r->body.n > 0) check_json(buf_str(&r->body), r->body.n, &f);
  if (!f.iStatus) return 0;
  *piStatus = f.iStatus;
  *pzField = f.zField;
  const char *zWhere =
      f.zField ? arena_printf(r->pArena, " (en «%s»)", f.zField) : "";
  *pzMessage =
      f.iStatus == 400
          ? arena_printf(r->pArena,
                         "Lo que envió no es texto válido (UTF-8)%s. Revise "
                         "el texto o el nombre del archivo y vuelva a "
                         "intentarlo; no se guardó nada.",
                         zWhere)
          : arena_printf(r->pArena,
                         "Lo que envió tiene caracteres de control que no se "
                         "pueden guardar%s. Escríbalo de nuevo sin ellos; no "
                         "se guardó nada.",
                         zWhere);
  return 1;
}
