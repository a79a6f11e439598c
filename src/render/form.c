/*
** Form fields and error reporting (see form.h). Fields are drawn so that
** screen readers announce errors: aria-invalid and aria-describedby point at
** the message.
*/
#include "render/form.h"

#include <string.h>

void form_errors_summary(Html *h, const FormErrors *pErr) {
  if (!pErr || pErr->n == 0) return;
  html_printf(h, "<div class=\"notice notice-error\" role=\"alert\">"
                 "<p>Revise %s:</p><ul>",
              pErr->n == 1 ? "lo siguiente" : "los siguientes puntos");
  for (int i = 0; i < pErr->n; i++) {
    if (pErr->azField[i]) {
      html_printf(h, "<li><a href=\"#%s\">%s</a></li>", pErr->azField[i],
                  pErr->azMessage[i]);
    } else {
      html_printf(h, "<li>%s</li>", pErr->azMessage[i]);
    }
  }
  html_printf(h, "</ul></div>\n");
}

void form_csrf(Html *h, const char *zToken) {
  html_printf(h, "<input type=\"hidden\" name=\"csrf_token\" value=\"%s\">\n",
              zToken ? zToken : "");
}

/* Opening of a field: the wrapper and the label. */
static const char *field_open(Html *h, const FormErrors *pErr,
                              const char *zName, const char *zLabel) {
  const char *zError = form_error_for(pErr, zName);
  html_printf(h, "<div class=\"field%s\"><label for=\"%s\">%s</label>",
              zError ? " has-error" : "", zName, zLabel);
  return zError;
}

/* The attributes that tie a control to its message and hint. */
static void field_aria(Html *h, const char *zName, const char *zError,
                       const char *zHint) {
  if (zError) html_printf(h, " aria-invalid=\"true\"");
  if (zError && zHint) {
    html_printf(h, " aria-describedby=\"%s-error %s-hint\"", zName, zName);
  } else if (zError) {
    html_printf(h, " aria-describedby=\"%s-error\"", zName);
  } else if (zHint) {
    html_printf(h, " aria-describedby=\"%s-hint\"", zName);
  }
}

static void field_close(Html *h, const char *zName, const char *zError,
                        const char *zHint) {
  if (zError) {
    html_printf(h, "<p class=\"field-error\" id=\"%s-error\">%s</p>", zName,
                zError);
  }
  if (zHint) {
    html_printf(h, "<p class=\"field-hint\" id=\"%s-hint\">%s</p>", zName,
                zHint);
  }
  html_printf(h, "</div>\n");
}

void form_input(Html *h, const FormErrors *pErr, const char *zName,
                const char *zLabel, const char *zType, const char *zValue,
                const char *zHint, const char *zTrustedAttrs) {
  const char *zError = field_open(h, pErr, zName, zLabel);
  html_printf(h, "<input id=\"%s\" name=\"%s\" type=\"%s\"", zName, zName,
              zType);
  /* Passwords are never sent back to the browser. */
  if (zValue && strcmp(zType, "password") != 0) {
    html_printf(h, " value=\"%s\"", zValue);
  }
  field_aria(h, zName, zError, zHint);
  if (zTrustedAttrs && *zTrustedAttrs) {
    html_printf(h, " ");
    html_raw_trusted(h, zTrustedAttrs);
  }
  html_printf(h, ">");
  field_close(h, zName, zError, zHint);
}

void form_select_begin(Html *h, const FormErrors *pErr, const char *zName,
                       const char *zLabel) {
  const char *zError = field_open(h, pErr, zName, zLabel);
  html_printf(h, "<select id=\"%s\" name=\"%s\"", zName, zName);
  field_aria(h, zName, zError, NULL);
  html_printf(h, ">");
}

void form_select_end(Html *h, const FormErrors *pErr, const char *zName) {
  html_printf(h, "</select>");
  field_close(h, zName, form_error_for(pErr, zName), NULL);
}

void form_select(Html *h, const FormErrors *pErr, const char *zName,
                 const char *zLabel, const char *const *azValue,
                 const char *const *azLabel, int n, const char *zSelected) {
  form_select_begin(h, pErr, zName, zLabel);
  for (int i = 0; i < n; i++) {
    int bSel = zSelected && strcmp(zSelected, azValue[i]) == 0;
    html_printf(h, "<option value=\"%s\"%s>%s</option>", azValue[i],
                bSel ? " selected" : "", azLabel[i]);
  }
  form_select_end(h, pErr, zName);
}
