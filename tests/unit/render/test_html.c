/*
** The HTML writer escapes every %s by default, formats numbers like printf,
** and writes raw markup only through html_raw_trusted().
*/
#include "support.h"

#include <string.h>

#include "render/form.h"
#include "render/html.h"

static const char *render(Arena *pArena, const char *zFmt, const char *zArg) {
  Html h;
  html_init(&h, pArena);
  html_printf(&h, zFmt, zArg);
  return html_str(&h);
}

static void string_arguments_are_escaped_for_text_and_attributes(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const struct {
    const char *zIn;
    const char *zOut;
  } aCase[] = {
      {"plain", "<p>plain</p>"},
      {"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
      {"a & b", "<p>a &amp; b</p>"},
      {"\" onmouseover=\"x", "<p>&quot; onmouseover=&quot;x</p>"},
      {"it's", "<p>it&#39;s</p>"},
      {"Región de Ñuble — año", "<p>Región de Ñuble — año</p>"},
      {"", "<p></p>"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_string_equal(render(pArena, "<p>%s</p>", aCase[i].zIn), aCase[i].zOut);
  }
  arena_free(pArena);
}

static void the_format_string_itself_is_trusted_markup(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  html_printf(&h, "<a href=\"/x/%lld\" class=\"%s\">%d%%</a>", 42LL, "a\"b", 7);
  assert_string_equal(html_str(&h), "<a href=\"/x/42\" class=\"a&quot;b\">7%</a>");
  arena_free(pArena);
}

static void numbers_width_and_precision_follow_printf(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  html_printf(&h, "[%05d|%-3u|%x|%.2f|%zu|%ld|%.3s|%c]", 42, 7u, 255u, 3.14159,
              (size_t)9, -5L, "abcdef", '<');
  assert_string_equal(html_str(&h), "[00042|7  |ff|3.14|9|-5|abc|&lt;]");
  arena_free(pArena);
}

static void a_precision_never_cuts_a_character_in_two(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  /* "Participación": the "ó" is bytes 11-12; a cut at 12 bytes would keep
  ** half of it. */
  assert_string_equal(render(pArena, "[%.12s]", "Participación"),
                      "[Participaci]");
  assert_string_equal(render(pArena, "[%.13s]", "Participación"),
                      "[Participació]");
  assert_string_equal(render(pArena, "[%.1s]", "Ñuble"), "[]");
  arena_free(pArena);
}

static void a_null_string_prints_as_empty(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  assert_string_equal(render(pArena, "<b>%s</b>", NULL), "<b></b>");
  arena_free(pArena);
}

static void raw_output_is_only_through_the_trusted_function(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h, inner;
  html_init(&h, pArena);
  html_init(&inner, pArena);
  html_printf(&inner, "<em>%s</em>", "<x>");
  html_raw_trusted(&h, "<svg></svg>");
  html_append(&h, &inner);
  html_text(&h, "<y>");
  assert_string_equal(html_str(&h), "<svg></svg><em>&lt;x&gt;</em>&lt;y&gt;");
  arena_free(pArena);
}

static void text_lines_keep_line_breaks_safely(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Html h;
  html_init(&h, pArena);
  html_text_lines(&h, "uno\n<dos>\n");
  assert_string_equal(html_str(&h), "uno<br>&lt;dos&gt;<br>");
  arena_free(pArena);
}

static void url_arguments_are_percent_encoded(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  assert_string_equal(html_url_arg(pArena, "/admin/usuarios?a=1&b=ñ"),
                      "%2Fadmin%2Fusuarios%3Fa%3D1%26b%3D%C3%B1");
  assert_string_equal(html_url_arg(pArena, "Río Hurtado"), "R%C3%ADo%20Hurtado");
  arena_free(pArena);
}

static void user_supplied_links_keep_only_safe_schemes(void **state) {
  (void)state;
  assert_string_equal(html_safe_href("https://minvu.cl"), "https://minvu.cl");
  assert_string_equal(html_safe_href("/plan"), "/plan");
  assert_string_equal(html_safe_href("javascript:alert(1)"), "#");
  assert_string_equal(html_safe_href("JaVaScRiPt:alert(1)"), "#");
  assert_string_equal(html_safe_href("//evil.example"), "#");
  assert_string_equal(html_safe_href("data:text/html,x"), "#");
  assert_string_equal(html_safe_href(NULL), "#");
}

static void form_fields_show_their_error_and_keep_the_typed_value(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  FormErrors err;
  form_errors_init(&err);
  form_error(&err, "email", "Escriba un correo válido.");
  form_error(&err, "email", "Un segundo mensaje se ignora.");
  form_error(&err, "name", NULL);
  assert_int_equal(err.n, 1);
  Html h;
  html_init(&h, pArena);
  form_input(&h, &err, "email", "Correo", "email", "a\"<b", NULL, "required");
  const char *z = html_str(&h);
  assert_non_null(strstr(z, "class=\"field has-error\""));
  assert_non_null(strstr(z, "value=\"a&quot;&lt;b\""));
  assert_non_null(strstr(z, "aria-invalid=\"true\""));
  assert_non_null(strstr(z, "aria-describedby=\"email-error\""));
  assert_non_null(strstr(z, "Escriba un correo válido."));
  html_init(&h, pArena);
  form_input(&h, &err, "password", "Clave", "password", "secreta", NULL, NULL);
  assert_null(strstr(html_str(&h), "secreta"));
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(string_arguments_are_escaped_for_text_and_attributes),
      cmocka_unit_test(the_format_string_itself_is_trusted_markup),
      cmocka_unit_test(numbers_width_and_precision_follow_printf),
      cmocka_unit_test(a_precision_never_cuts_a_character_in_two),
      cmocka_unit_test(a_null_string_prints_as_empty),
      cmocka_unit_test(raw_output_is_only_through_the_trusted_function),
      cmocka_unit_test(text_lines_keep_line_breaks_safely),
      cmocka_unit_test(url_arguments_are_percent_encoded),
      cmocka_unit_test(user_supplied_links_keep_only_safe_schemes),
      cmocka_unit_test(form_fields_show_their_error_and_keep_the_typed_value),
  };
  return cmocka_run_group_tests_name("render/html", tests, NULL, NULL);
}
