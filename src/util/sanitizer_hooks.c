/*
** Hooks read by the sanitizers of `make check` builds. They are compiled
** only when AddressSanitizer is on (GCC and Clang define
** __SANITIZE_ADDRESS__ or __has_feature(address_sanitizer)), so the
** production binary carries none of them.
*/
#if defined(__SANITIZE_ADDRESS__)
#define COSOC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COSOC_ASAN 1
#endif
#endif

#ifdef COSOC_ASAN
/*
** Fontconfig's font-matching cache, filled once per process by pango (PDF
** exports), holds its patterns in a form LeakSanitizer cannot trace and is
** reported as lost; the amount is the same after 1 or 40 exports
** (measured), so it is a cache, not a leak. Only allocations made inside
** libfontconfig itself are suppressed: a PangoLayout or cairo object we
** forgot would still show.
*/
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libfontconfig.so\n";
}
#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int sanitizer_hooks_unused;
#endif
