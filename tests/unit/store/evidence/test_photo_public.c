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
  assert_int_equal(photo_thumbnail(pArena, p, n, "image/png", NULL, &m), 0);
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
  assert_int_equal(photo_thumbnail(pArena, p, n, "image/png", NULL, &m), 0);
  assert_int_equal(m.nHeight, PHOTO_THUMB_HEIGHT_MAX);
  assert_int_equal(m.nWidth, 48);
  p = transparent_png(pArena, 40, 30, &n);
  assert_int_equal(photo_thumbnail(pArena, p, n, "image/png", NULL, &m), 0);
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
  assert_int_equal(photo_public_copy(pArena, p, n, "image/png", NULL, &m),
                   PHOTO_OK);
  assert_string_equal(m.zMime, "image/png");
  assert_memory_equal(m.pData, "\x89PNG", 4);
  assert_int_equal(m.nWidth, 64);
  assert_int_equal(m.nHeight, 48);
  assert_int_equal(photo_public_copy(pArena, p, n, "application/pdf", NULL, &m),
                   PHOTO_UNREADABLE);
  arena_free(pArena);
}

static void bytes_that_only_look_like_a_photo_are_refused(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const unsigned char aFake[] = {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J',
                                        'F',  'I',  'F',  0,    1, 1,    0};
  PhotoImage m;
  assert_int_equal(
      photo_thumbnail(pArena, aFake, sizeof(aFake), "image/jpeg", NULL, &m),
      PHOTO_UNREADABLE);
  assert_int_equal(
      photo_public_copy(pArena, aFake, sizeof(aFake), "image/jpeg", NULL, &m),
      PHOTO_UNREADABLE);
  assert_true(photo_public_needed("image/webp"));
  assert_false(photo_public_needed("application/pdf"));
  arena_free(pArena);
}

/* PNG's chunk CRC (CRC-32, as zlib's crc32()). */
static uint32_t png_crc(const unsigned char *p, size_t n) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
  }
  return c ^ 0xffffffffu;
}

/* A PNG whose IHDR claims w x h (8-bit RGB) with almost no pixel data, as
** an attacker writes it by hand: 69 bytes for a million pixels a side. */
static size_t claiming_png(unsigned char *a, uint32_t w, uint32_t h) {
  static const unsigned char aTail[] = {
      /* IDAT: zlib of four zero bytes (less than one row), then IEND */
      0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60,
      0x60, 0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0xf6, 0x17, 0x38, 0x55,
      0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  size_t n = 0;
  memcpy(a, "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  n = 16;
  for (int i = 3; i >= 0; i--) a[n++] = (unsigned char)(w >> (8 * i));
  for (int i = 3; i >= 0; i--) a[n++] = (unsigned char)(h >> (8 * i));
  memcpy(a + n, "\x08\x02\0\0\0", 5);
  n += 5;
  uint32_t crc = png_crc(a + 12, 17); /* A valid CRC: only the size lies */
  for (int i = 3; i >= 0; i--) a[n++] = (unsigned char)(crc >> (8 * i));
  memcpy(a + n, aTail, sizeof(aTail));
  return n + sizeof(aTail);
}

static void a_header_past_the_limits_is_refused_before_decoding(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  unsigned char a[128];
  size_t n = claiming_png(a, 1000000, 1000000);
  assert_int_equal(n, 69);
  PhotoLimits lim = {50 * 1000 * 1000, 20000};
  int w = 0, h = 0;
  assert_int_equal(photo_check(a, n, &lim, &w, &h), PHOTO_TOO_LARGE);
  assert_int_equal(w, 1000000);
  assert_int_equal(h, 1000000);
  PhotoImage m;
  assert_int_equal(photo_thumbnail(pArena, a, n, "image/png", &lim, &m),
                   PHOTO_TOO_LARGE);
  assert_int_equal(photo_public_copy(pArena, a, n, "image/png", &lim, &m),
                   PHOTO_TOO_LARGE);
  /* Either limit alone refuses: a long strip under the pixel count. */
  n = claiming_png(a, 30000, 100);
  assert_int_equal(photo_check(a, n, &lim, &w, &h), PHOTO_TOO_LARGE);
  n = claiming_png(a, 8000, 8000);
  assert_int_equal(photo_check(a, n, &lim, &w, &h), PHOTO_TOO_LARGE);
  lim.nMaxPixels = 0; /* 0: no limit of that kind */
  assert_int_equal(photo_check(a, n, &lim, &w, &h), PHOTO_OK);
  arena_free(pArena);
}

static void a_photo_whose_pixels_are_missing_is_refused_not_guessed(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  unsigned char a[128];
  size_t n = claiming_png(a, 2000, 2000); /* Within limits, data missing */
  PhotoLimits lim = {50 * 1000 * 1000, 20000};
  PhotoImage m;
  assert_int_equal(photo_thumbnail(pArena, a, n, "image/png", &lim, &m),
                   PHOTO_UNREADABLE);
  assert_int_equal(photo_public_copy(pArena, a, n, "image/png", &lim, &m),
                   PHOTO_UNREADABLE);
  arena_free(pArena);
}

/* A JPEG encoded by libvips (arena copy); bInterlace: progressive. */
static const unsigned char *vips_jpeg(Arena *pArena, int bInterlace,
                                      size_t *pn) {
  VipsImage *pImg = NULL;
  void *pBuf = NULL;
  assert_int_equal(vips_black(&pImg, 64, 48, "bands", 3, NULL), 0);
  assert_int_equal(vips_image_write_to_buffer(pImg, ".jpg", &pBuf, pn,
                                              "interlace", bInterlace, NULL),
                   0);
  const unsigned char *p = arena_memdup(pArena, pBuf, *pn);
  g_free(pBuf);
  g_object_unref(pImg);
  return p;
}

/* Appends n bytes to a at *pi. */
static void put(unsigned char *a, size_t *pi, const char *z, size_t n) {
  memcpy(a + *pi, z, n);
  *pi += n;
}

static void jpeg_scans_are_counted_from_the_markers(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n = 0;
  const unsigned char *p = vips_jpeg(pArena, 0, &n);
  assert_int_equal(photo_jpeg_scans(p, n), 1);
  p = vips_jpeg(pArena, 1, &n);
  int nProgressive = photo_jpeg_scans(p, n);
  assert_true(nProgressive > 1 && nProgressive <= 20);
  /* Not a JPEG, or cut short: no scans, no reading past the end. */
  assert_int_equal(photo_jpeg_scans("\x89PNG\r\n\x1a\n", 8), 0);
  assert_int_equal(photo_jpeg_scans(p, 3), 0);
  for (size_t k = 0; k < n; k++) photo_jpeg_scans(p, k);

  /* By hand: an APP1 segment whose payload holds FF DA (a thumbnail's
  ** scan, say) is not a scan; fill bytes before a marker, stuffed FF 00
  ** and RST markers inside the entropy-coded data are skipped; nothing
  ** after EOI counts. */
  unsigned char a[256];
  size_t i = 0;
  put(a, &i, "\xff\xd8", 2);
  put(a, &i, "\xff\xe1\x00\x08\xff\xda\xff\xda\x00\x00", 10);
  put(a, &i, "\xff\xff\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00", 12);
  put(a, &i, "\x12\xff\x00\x34\xff\xd0\x56\xff\xd7\x78", 10);
  put(a, &i, "\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x9a", 11);
  put(a, &i, "\xff\xd9\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00", 12);
  assert_int_equal(photo_jpeg_scans(a, i), 2);
  arena_free(pArena);
}

static void a_jpeg_of_too_many_scans_is_refused_before_decoding(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t nScan = 10 + 2 + 8;
  size_t nMax = 4 + (PHOTO_JPEG_SCANS_MAX + 1) * nScan;
  unsigned char *a = arena_alloc(pArena, nMax);
  size_t i = 0;
  put(a, &i, "\xff\xd8", 2);
  for (int k = 0; k <= PHOTO_JPEG_SCANS_MAX; k++) {
    put(a, &i, "\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00", 10);
    put(a, &i, "\x00\x00", 2);
  }
  put(a, &i, "\xff\xd9", 2);
  assert_int_equal(photo_jpeg_scans(a, i), PHOTO_JPEG_SCANS_MAX + 1);
  PhotoLimits lim = {50 * 1000 * 1000, 20000};
  int w = 0, h = 0;
  PhotoImage m;
  assert_int_equal(photo_check(a, i, &lim, &w, &h), PHOTO_TOO_MANY_SCANS);
  assert_int_equal(photo_thumbnail(pArena, a, i, "image/jpeg", &lim, &m),
                   PHOTO_TOO_MANY_SCANS);
  assert_int_equal(photo_public_copy(pArena, a, i, "image/jpeg", &lim, &m),
                   PHOTO_TOO_MANY_SCANS);
  arena_free(pArena);
}

static void a_picture_past_its_time_limit_is_stopped(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n = 0;
  const void *p = transparent_png(pArena, 6000, 6000, &n);
  PhotoImage m;
  photo_time_limit_set(1); /* One millisecond: any real work passes it */
  assert_int_equal(photo_thumbnail(pArena, p, n, "image/png", NULL, &m),
                   PHOTO_TOO_SLOW);
  assert_int_equal(photo_public_copy(pArena, p, n, "image/png", NULL, &m),
                   PHOTO_TOO_SLOW);
  photo_time_limit_set(PHOTO_SECONDS_DEFAULT * 1000);
  assert_int_equal(photo_thumbnail(pArena, p, n, "image/png", NULL, &m),
                   PHOTO_OK);
  arena_free(pArena);
}

/* Last: stopping cannot be undone. */
static void nothing_is_made_once_the_server_stops(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n = 0;
  const void *p = transparent_png(pArena, 64, 48, &n);
  PhotoImage m;
  photo_stop_all();
  assert_int_equal(photo_thumbnail(pArena, p, n, "image/png", NULL, &m),
                   PHOTO_STOPPED);
  assert_int_equal(photo_public_copy(pArena, p, n, "image/png", NULL, &m),
                   PHOTO_STOPPED);
  arena_free(pArena);
}

int main(void) {
  if (VIPS_INIT("test_photo_public")) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_wide_photo_gives_a_320_px_jpeg_thumbnail_on_white),
      cmocka_unit_test(a_tall_photo_is_bounded_by_height_and_a_small_one_kept),
      cmocka_unit_test(the_public_copy_keeps_format_and_size),
      cmocka_unit_test(bytes_that_only_look_like_a_photo_are_refused),
      cmocka_unit_test(a_header_past_the_limits_is_refused_before_decoding),
      cmocka_unit_test(a_photo_whose_pixels_are_missing_is_refused_not_guessed),
      cmocka_unit_test(jpeg_scans_are_counted_from_the_markers),
      cmocka_unit_test(a_jpeg_of_too_many_scans_is_refused_before_decoding),
      cmocka_unit_test(a_picture_past_its_time_limit_is_stopped),
      cmocka_unit_test(nothing_is_made_once_the_server_stops),
  };
  return cmocka_run_group_tests_name("evidence/photo_public", tests, NULL,
                                     NULL);
}
