/*
** The program's version and the commit it was built from (build/gen/version.c).
*/
#ifndef COSOC_UTIL_VERSION_H
#define COSOC_UTIL_VERSION_H

extern const char cosoc_version[];
extern const char cosoc_commit[];

#endif
