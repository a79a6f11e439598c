/*
** The arena hands out zeroed, aligned memory of any size; buffers grow and
** stay NUL-terminated.
*/
#include "support.h"

#include <stdalign.h>
#include <string.h>

#include "util/arena.h"

static void allocations_are_zeroed_and_aligned(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  for (size_t n = 1; n < 5000; n += 37) {
    unsigned char *p = arena_alloc(pArena, n);
    assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
    for (size_t i = 0; i < n; i++) assert_int_equal(p[i], 0);
    memset(p, 0xab, n);
  }
  arena_free(pArena);
}

static void large_blocks_do_not_waste_the_current_chunk(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  char *zSmall = arena_strdup(pArena, "antes");
  char *pBig = arena_alloc(pArena, 1 << 20);
  char *zAfter = arena_strdup(pArena, "después");
  pBig[(1 << 20) - 1] = 1;
  assert_string_equal(zSmall, "antes");
  assert_string_equal(zAfter, "después");
  /* "después" came from the same chunk as "antes". */
  assert_true(zAfter > zSmall && zAfter - zSmall < 1024);
  arena_free(pArena);
}

static void buffers_grow_and_format(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Buf b;
  buf_init(&b, pArena);
  assert_string_equal(buf_str(&b), "");
  for (int i = 0; i < 1000; i++) buf_printf(&b, "%d,", i);
  assert_int_equal(strncmp(buf_str(&b), "0,1,2,", 6), 0);
  assert_int_equal(b.n, strlen(buf_str(&b)));
  char *zLong = arena_printf(pArena, "%0500d", 7);
  assert_int_equal(strlen(zLong), 500);
  buf_reset(&b);
  buf_putc(&b, 'x');
  assert_string_equal(buf_str(&b), "x");
  assert_string_equal(arena_strndup(pArena, "abcdef", 3), "abc");
  assert_null(arena_strdup(pArena, NULL));
  arena_free(pArena);
}

static void growing_arrays_keep_their_elements(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  int64_t *a = NULL;
  int n = 0, nAlloc = 0;
  for (int i = 0; i < 1000; i++) {
    int64_t *aBefore = a;
    int nBefore = nAlloc;
    a = arena_grow(pArena, a, n, &nAlloc, sizeof(*a));
    assert_true(nAlloc > n);
    if (n < nBefore) { /* A new array only when full */
      assert_ptr_equal(a, aBefore);
      assert_int_equal(nAlloc, nBefore);
    }
    a[n++] = (int64_t)i * 7;
  }
  assert_int_equal(nAlloc, 1024);
  for (int i = 0; i < n; i++) assert_int_equal(a[i], (int64_t)i * 7);
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(allocations_are_zeroed_and_aligned),
      cmocka_unit_test(large_blocks_do_not_waste_the_current_chunk),
      cmocka_unit_test(buffers_grow_and_format),
      cmocka_unit_test(growing_arrays_keep_their_elements),
  };
  return cmocka_run_group_tests_name("util/arena", tests, NULL, NULL);
}
