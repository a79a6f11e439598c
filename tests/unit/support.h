/*
** Common includes for cmocka unit tests. Each test_*.c under tests/unit is its
** own program; its main() runs a cmocka group.
*/
#ifndef COSOC_TESTS_UNIT_SUPPORT_H
#define COSOC_TESTS_UNIT_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#ifndef COSOC_SOURCE_DIR
/* Tests run from the repository root (scripts/run-tests.sh does so). */
#define COSOC_SOURCE_DIR "."
#endif

#endif
