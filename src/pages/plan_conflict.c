/*
** The conflict page's pieces, shared by the plan, objectives and line
** forms: when a save was drawn from an older version, the page shows what
** the user typed (not saved) next to the version saved meanwhile, field by
** field, and lets the user choose. It must never write anything: saving
** "mine" is an ordinary save of the form, with the latest version as base.
*/
#include <string.h>

#include "domain/plan_catalog.h"
#include "pages/plan_pages.h"

/* Slugs of a repeated field as their catalogue labels, joined by ", ". */
const char *plan_conflict_kinds_text(Arena *pArena, const PlanKind *aKind,
                                     int nKind, const char *const *azSlug,
                                     int nSlug) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < nSlug; i++) {
    const char *zLabel = azSlug[i];
    for (int k = 0; k < nKind; k++) {
      if (strcmp(aKind[k].zSlug, azSlug[i]) == 0) zLabel = aKind[k].zLabel;
    }
    if (i) buf_puts(&b, ", ");
    buf_puts(&b, zLabel);
  }
  return buf_str(&b);
}

/* Opens the comparison of what the user typed with the stored version
** pInfo; the user's version is not saved, and the page says so. */
void plan_conflict_begin(Html *h, Arena *pArena, const PlanVersionInfo *pInfo) {
  html_printf(
      h,
      "<section class=\"conflict\" id=\"conflict\"><h2>Dos versiones"
      "</h2>\n<p>Mientras usted editaba, %s guardó la versión %d del "
      "plan. Sus cambios <strong>no se han guardado</strong>. Compare "
      "y elija: guardar su versión encima de la guardada (queda como "
      "una versión nueva en el historial) o descartar sus cambios."
      "</p>\n<table class=\"conflict-table\"><thead><tr><th scope="
      "\"col\">Campo</th><th scope=\"col\">Su versión (no guardada)"
      "</th><th scope=\"col\">Versión guardada (%d, por %s, %s)</th>"
      "</tr></thead><tbody>\n",
      pInfo->zAuthor && *pInfo->zAuthor ? pInfo->zAuthor : "otra persona",
      pInfo->iNumber, pInfo->iNumber,
      pInfo->zAuthor && *pInfo->zAuthor ? pInfo->zAuthor
                                        : "la línea de comandos",
      plan_page_time(pArena, pInfo->tCreated));
}

/* One field of the comparison; rows that differ are marked. */
void plan_conflict_row(Html *h, const char *zLabel, const char *zMine,
                       const char *zSaved) {
  zMine = zMine ? zMine : "";
  zSaved = zSaved ? zSaved : "";
  int bDiffers = strcmp(zMine, zSaved) != 0;
  html_printf(h,
              "<tr class=\"%s\"><th scope=\"row\">%s%s</th><td "
              "class=\"conflict-mine\">%s</td><td class=\"conflict-saved\">%s"
              "</td></tr>\n",
              bDiffers ? "differs" : "same", zLabel,
              bDiffers ? " (distinto)" : "", zMine, zSaved);
}

void plan_conflict_end(Html *h) {
  html_printf(h, "</tbody></table></section>\n");
}

/* The buttons of a conflict form: saving carries the typed values and the
** latest version as base, so it is a deliberate overwrite. */
void plan_conflict_submit(Html *h, const char *zDiscard) {
  html_printf(
      h,
      "<div class=\"actions\"><button type=\"submit\" class=\"button "
      "button-primary\" name=\"conflict_choice\" value=\"mine\">Guardar mi "
      "versión</button><a class=\"button button-secondary\" href=\"%s\">"
      "Descartar mis cambios</a></div>\n</form>\n",
      zDiscard);
}
