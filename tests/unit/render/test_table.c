/*
** The table writer labels every cell with its column's heading, escapes
** headings, captions and values, and writes the markup the stylesheet's
** card layout reads.
*/
#include "support.h"

#include <string.h>

#include "render/table.h"

static void each_cell_is_labelled_with_its_column_heading(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  static const char *const azColumn[] = {"Nombre", "Correo"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption(&t, "%d %s", 1, "persona");
  table_head(&t, azColumn, 2);
  table_row_open(&t);
  table_cell(&t, "<a href=\"/p/%d\">%s</a>", 7, "Ana");
  table_cell(&t, "%s", "ana@example.cl");
  table_row_close(&t);
  table_close(&t);
  assert_string_equal(
      html_str(&h),
      "<div class=\"table-wrap\"><table class=\"table table-cards\">"
      "<caption>1 persona</caption><thead><tr><th scope=\"col\">Nombre</th>"
      "<th scope=\"col\">Correo</th></tr></thead><tbody>\n"
      "<tr><td data-label=\"Nombre\"><a href=\"/p/7\">Ana</a></td>"
      "<td data-label=\"Correo\">ana@example.cl</td></tr>\n"
      "</tbody></table></div>\n");
  arena_free(pArena);
}

static void headings_captions_and_values_are_escaped(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  const char *const azColumn[] = {"A & \"B\""};
  HtmlTable t;
  table_open(&t, &h, "table", "x");
  table_caption(&t, "%s", "<b>");
  table_head(&t, azColumn, 1);
  table_row_open(&t);
  table_cell(&t, "%s", "<script>");
  table_row_close(&t);
  table_close(&t);
  assert_string_equal(
      html_str(&h),
      "<div class=\"table-wrap\"><table class=\"table\" id=\"x\">"
      "<caption>&lt;b&gt;</caption><thead><tr><th scope=\"col\">"
      "A &amp; &quot;B&quot;</th></tr></thead><tbody>\n"
      "<tr><td data-label=\"A &amp; &quot;B&quot;\">&lt;script&gt;</td>"
      "</tr>\n</tbody></table></div>\n");
  arena_free(pArena);
}

static void rows_and_cells_take_attributes_and_row_headings(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  static const char *const azColumn[] = {"Lugar", "Inscritos", "Plazo"};
  HtmlTable t;
  table_open(&t, &h, "table", NULL);
  table_head(&t, azColumn, 3);
  table_row_open_with(&t, "id=\"fila-%d\"", 2);
  table_row_heading(&t, "%s", "Elqui");
  table_cell(&t, "%d", 14);
  table_cell_open_with(&t, "class=\"%s\"", "urgent");
  html_printf(&h, "3 días");
  table_cell_close(&t);
  table_row_close(&t);
  table_close(&t);
  assert_string_equal(
      html_str(&h),
      "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
      "<th scope=\"col\">Lugar</th><th scope=\"col\">Inscritos</th>"
      "<th scope=\"col\">Plazo</th></tr></thead><tbody>\n"
      "<tr id=\"fila-2\"><th scope=\"row\">Elqui</th>"
      "<td data-label=\"Inscritos\">14</td>"
      "<td data-label=\"Plazo\" class=\"urgent\">3 días</td></tr>\n"
      "</tbody></table></div>\n");
  arena_free(pArena);
}

static void a_grid_table_has_no_labels_and_a_caption_counts_rows(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  static const char *const azColumn[] = {"Incidente"};
  HtmlTable t;
  table_open_grid(&t, &h, "table", NULL);
  table_caption_count(&t, 1, "incidente", "incidentes");
  table_head(&t, azColumn, 1);
  table_row_open(&t);
  table_cell(&t, "%s", "Robo");
  table_row_close(&t);
  table_close(&t);
  table_open(&t, &h, "table", NULL);
  table_caption_count(&t, 0, "incidente", "incidentes");
  assert_string_equal(
      html_str(&h),
      "<div class=\"table-wrap\"><table class=\"table\">"
      "<caption>1 incidente</caption><thead><tr><th scope=\"col\">"
      "Incidente</th></tr></thead><tbody>\n<tr><td>Robo</td></tr>\n"
      "</tbody></table></div>\n<div class=\"table-wrap\"><table "
      "class=\"table\"><caption>0 incidentes</caption>");
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(each_cell_is_labelled_with_its_column_heading),
      cmocka_unit_test(headings_captions_and_values_are_escaped),
      cmocka_unit_test(rows_and_cells_take_attributes_and_row_headings),
      cmocka_unit_test(a_grid_table_has_no_labels_and_a_caption_counts_rows),
  };
  return cmocka_run_group_tests_name("render/table", tests, NULL, NULL);
}
