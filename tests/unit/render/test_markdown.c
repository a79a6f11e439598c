/*
** Markdown: what people write in an acta is rendered with its structure
** and accents, and nothing they write can run in the reader's browser.
*/
#include "support.h"

#include <string.h>

#include "render/markdown.h"

static const char *render(Arena *pArena, const char *z) {
  Html h;
  html_init(&h, pArena);
  markdown_render(&h, z);
  return arena_strdup(pArena, html_str(&h));
}

/* Lower-cased copy, so that "<SCRIPT" and "JaVaScRiPt:" are found. */
static const char *lower(Arena *pArena, const char *z) {
  char *zOut = arena_strdup(pArena, z);
  for (char *p = zOut; *p; p++) {
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
  }
  return zOut;
}

static const char *const azHostile[] = {
    "<script>alert(1)</script>",
    "Texto <script>alert(1)</script> en línea",
    "<SCRIPT SRC=//x.cl/a.js></SCRIPT>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "Hola <img src=x onerror=alert(1)> mundo",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=\"https://malo.example\"></iframe>",
    "<div onclick=\"alert(1)\">x</div>",
    "[x]: javascript:alert(1)\n\n[enlace][x]",
    "<javascript:alert(1)>",
    "<style>body{display:none}</style>",
};

static void hostile_markdown_renders_inert(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  for (size_t i = 0; i < sizeof(azHostile) / sizeof(azHostile[0]); i++) {
    const char *zOut = lower(pArena, render(pArena, azHostile[i]));
    /* The words may remain as visible text (an autolink's label), never
    ** as markup or as a link target. */
    const char *azBad[] = {"<script",
                           "href=\"javascript",
                           "href=\"vbscript",
                           "href=\"data",
                           "src=\"data",
                           "src=\"javascript",
                           "onerror",
                           "onclick",
                           "<img src=\"x\"",
                           "<iframe",
                           "<div",
                           "<style"};
    for (size_t j = 0; j < sizeof(azBad) / sizeof(azBad[0]); j++) {
      if (strstr(zOut, azBad[j])) {
        fail_msg("«%s» rendered as «%s» (contains %s)", azHostile[i], zOut,
                 azBad[j]);
      }
    }
  }
  /* The link itself stays, without a target. */
  assert_string_equal(render(pArena, "[x](javascript:alert(1))"),
                      "<p><a href=\"\">x</a></p>\n");
  arena_free(pArena);
}

static void structure_and_accents_are_kept(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zOut = render(pArena,
                            "# Cuenta de la Dirección\n\n"
                            "Se informó el **avance** del *Plan de "
                            "Emergencia Habitacional* en Coquimbo.\n\n"
                            "- Ñuñoa y Peñalolén\n- Vicuña\n\n"
                            "1. Primero\n2. Segundo\n\n"
                            "Ver [informe](https://www.minvu.gob.cl/x?a=1&b=2)"
                            " y [acta](/actas/3) y `código`.\n");
  const char *azWant[] = {
      "<h3>Cuenta de la Dirección</h3>",
      "<strong>avance</strong>",
      "<em>Plan de Emergencia Habitacional</em>",
      "<ul>\n<li>Ñuñoa y Peñalolén</li>\n<li>Vicuña</li>\n</ul>",
      "<ol>\n<li>Primero</li>",
      "<a href=\"https://www.minvu.gob.cl/x?a=1&amp;b=2\">informe</a>",
      "<a href=\"/actas/3\">acta</a>",
      "<code>código</code>",
  };
  for (size_t i = 0; i < sizeof(azWant) / sizeof(azWant[0]); i++) {
    if (!strstr(zOut, azWant[i])) fail_msg("missing %s in %s", azWant[i], zOut);
  }
  /* Text that looks like markup is shown, escaped, not dropped. */
  assert_string_equal(render(pArena, "5 < 7 & 8 > 3"),
                      "<p>5 &lt; 7 &amp; 8 &gt; 3</p>\n");
  assert_string_equal(render(pArena, NULL), "");
  assert_string_equal(render(pArena, ""), "");
  arena_free(pArena);
}

static void url_allow_list(void **state) {
  (void)state;
  assert_true(markdown_url_is_safe("https://x.cl"));
  assert_true(markdown_url_is_safe("HTTP://x.cl"));
  assert_true(markdown_url_is_safe("mailto:pac@minvu.cl"));
  assert_true(markdown_url_is_safe("/actas/1"));
  assert_true(markdown_url_is_safe("informe.pdf"));
  assert_true(markdown_url_is_safe("#punto-2"));
  assert_true(markdown_url_is_safe("a/b:c"));
  assert_false(markdown_url_is_safe("javascript:alert(1)"));
  assert_false(markdown_url_is_safe("data:image/png;base64,AAA"));
  assert_false(markdown_url_is_safe("file:///etc/passwd"));
  assert_false(markdown_url_is_safe(" javascript:x"));
}

static void plain_text_for_pdfs_keeps_words_and_drops_markup(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *z =
      markdown_to_text(pArena,
                       "## Acuerdos de la sesión\n\nSe **aprobó** el plan de "
                       "[trabajo](https://x.cl).\nSegunda línea.\n\n"
                       "- Ñandú\n- Pingüino\n\n3. Tercero\n4. Cuarto\n\n"
                       "<script>alert(1)</script>\n\nFin.\n\n\n");
  assert_string_equal(z,
                      "Acuerdos de la sesión\n\n"
                      "Se aprobó el plan de trabajo. Segunda línea.\n\n"
                      "• Ñandú\n• Pingüino\n\n"
                      "3. Tercero\n4. Cuarto\n\n"
                      "Fin.");
  assert_string_equal(markdown_to_text(pArena, NULL), "");
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(hostile_markdown_renders_inert),
      cmocka_unit_test(structure_and_accents_are_kept),
      cmocka_unit_test(url_allow_list),
      cmocka_unit_test(plain_text_for_pdfs_keeps_words_and_drops_markup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
