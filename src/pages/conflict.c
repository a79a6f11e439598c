/*
** The conflict page's pieces (see conflict.h). Everything goes through the
** escaping writer; nothing here reads or writes the database.
*/
#include "pages/conflict.h"

#include <string.h>

#include "pages/page.h"

void conflict_begin(Html *h, Arena *pArena, const ConflictSaved *pSaved) {
  int bKnown = pSaved->zAuthor && *pSaved->zAuthor;
  html_printf(
      h,
      "<section class=\"conflict\" id=\"conflict\" aria-labelledby=\""
      "conflict-title\"><h2 id=\"conflict-title\">Dos versiones</h2>\n<p "
      "role=\"alert\">Mientras usted editaba, %s guardó la versión %d %s. "
      "Sus cambios <strong>no se han guardado</strong>. Compare y elija: "
      "guardar su versión encima de la guardada (queda como una versión "
      "nueva) o descartar sus cambios.</p>\n<table class=\"conflict-table\">"
      "<thead><tr><th scope=\"col\">Campo</th><th scope=\"col\">Su versión "
      "(no guardada)</th><th scope=\"col\">Versión guardada (%d, por %s, %s)"
      "</th></tr></thead><tbody>\n",
      bKnown ? pSaved->zAuthor : "otra persona", pSaved->iVersion, pSaved->zOf,
      pSaved->iVersion, bKnown ? pSaved->zAuthor : "la línea de comandos",
      page_time(pArena, pSaved->tSaved));
}

void conflict_row(Html *h, const char *zLabel, const char *zMine,
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

void conflict_end(Html *h) { html_printf(h, "</tbody></table></section>\n"); }

void conflict_submit(Html *h, const char *zDiscard) {
  html_printf(
      h,
      "<div class=\"actions\"><button type=\"submit\" class=\"button "
      "button-primary\" name=\"conflict_choice\" value=\"mine\">Guardar mi "
      "versión</button><a class=\"button button-secondary\" href=\"%s\">"
      "Descartar mis cambios</a></div>\n</form>\n",
      zDiscard);
}

void conflict_submit_or_save(Html *h, int bConflict, const char *zDiscard,
                             const char *zButton) {
  if (bConflict) {
    conflict_submit(h, zDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button\">%s</button></div></form>\n",
              zButton);
}
