/*
** What libvips makes from a photo: a thumbnail at most PHOTO_THUMB_WIDTH
** wide, never enlarged, JPEG with transparency on white; a public copy in
** the photo's own format and size; and a refusal, not a crash, for bytes
** that only look like a photo. Pictures are made here with libvips itself.
*/
#include "support.h"

#include <string.h>
#include <vips/vips.h>

#include "store/evidence/photo_public.h"

/* A PNG of w x h pixels, RGBA, fully transparent (arena copy). */
static const void *transparent_png(Arena *pArena, int w, int h, size_t *pn) {
  VipsImage *pImg = NULL;
  void *pBuf = NULL;
  assert_int_equal(vips_black(&pImg, w, h, "bands", 4, NULL), 0);
  assert_int_equal(vips_image_write_to_buffer(pImg, ".png", &pBuf, pn, NULL),
                   0);
  const void *p = arena_memdup(pArena, pBuf, *pn);
  g_free(pBuf);
  g_object_unref(pImg);
  return p;
}

/* Width, height and the first band of pixel (0, 0) of an encoded image. */
static void decode(const PhotoImage *m, int *pw, int *ph, double *pFirst) {
  VipsImage *pImg = vips_image_new_from_buffer(m->pData, m->nData, "", NULL);
  assert_non_null(pImg);
  *pw = vips_image_get_width(pImg);
  *ph = vips_image_get_height(pImg);
  double *a = NULL;
  int n = 0;
  assert_int_equal(vips_getpoint(pImg, &a, &n, 0, 0, NULL), 0);
  *pFirst = a[0];
  g_free(a);
  g_object_unref(pImg);
}

static void a_wide_photo_gives_a_320_px_jpeg_thumbnail_on_white(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n = 0;
  const void *p = transparent_png(pArena, 1000, 500, &n);
  PhotoImage m;
  assert_int_equal(photo_thumbnail(pArena, p, n, &m), 0);
  assert_string_equal(m.zMime, "image/jpeg");
  assert_memory_equal(m.pData, "\xff\xd8\xff", 3);
  assert_int_equal(m.nWidth, PHOTO_THUMB_WIDTH);
  assert_int_equal(m.nHeight, 160);
  int w, h;
  double first;
  decode(&m, &w, &h, &first);
  assert_int_equal(w, 320);
  assert_int_equal(h, 160);
  assert_true(first > 250.0); /* White, not the saver's black */
  arena_free(pArena);
}

static void a_tall_photo_is_bounded_by_height_and_a_small_one_kept(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n = 0;
  PhotoImage m;
  const void *p = transparent_png(pArena, 300, 3000, &n);
  assert_int_equal(photo_thumbnail(pArena, p, n, &m), 0);
  assert_int_equal(m.nHeight, PHOTO_THUMB_HEIGHT_MAX);
  assert_int_equal(m.nWidth, 48);
  p = transparent_png(pArena, 40, 30, &n);
  assert_int_equal(photo_thumbnail(pArena, p, n, &m), 0);
  assert_int_equal(m.nWidth, 40);
  assert_int_equal(m.nHeight, 30);
  arena_free(pArena);
}

static void the_public_copy_keeps_format_and_size(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n = 0;
  const void *p = transparent_png(pArena, 64, 48, &n);
  PhotoImage m;
  assert_int_equal(photo_public_copy(pArena, p, n, "image/png", &m), 0);
  assert_string_equal(m.zMime, "image/png");
  assert_memory_equal(m.pData, "\x89PNG", 4);
  assert_int_equal(m.nWidth, 64);
  assert_int_equal(m.nHeight, 48);
  assert_int_equal(photo_public_copy(pArena, p, n, "application/pdf", &m), -1);
  arena_free(pArena);
}

static void bytes_that_only_look_like_a_photo_are_refused(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const unsigned char aFake[] = {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J',
                                        'F',  'I',  'F',  0,    1, 1,    0};
  PhotoImage m;
  assert_int_equal(photo_thumbnail(pArena, aFake, sizeof(aFake), &m), -1);
  assert_int_equal(
      photo_public_copy(pArena, aFake, sizeof(aFake), "image/jpeg", &m), -1);
  assert_true(photo_public_needed("image/webp"));
  assert_false(photo_public_needed("application/pdf"));
  arena_free(pArena);
}

int main(void) {
  if (VIPS_INIT("test_photo_public")) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_wide_photo_gives_a_320_px_jpeg_thumbnail_on_white),
      cmocka_unit_test(a_tall_photo_is_bounded_by_height_and_a_small_one_kept),
      cmocka_unit_test(the_public_copy_keeps_format_and_size),
      cmocka_unit_test(bytes_that_only_look_like_a_photo_are_refused),
  };
  return cmocka_run_group_tests_name("evidence/photo_public", tests, NULL,
                                     NULL);
}
