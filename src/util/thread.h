/*
** Background threads of the server (the mail sender, the retention job).
** The server takes SIGINT and SIGTERM with sigwait() in its main thread, so
** no other thread may ever receive them: a background thread starts with
** them blocked (a thread inherits the mask of the one that creates it).
*/
#ifndef COSOC_UTIL_THREAD_H
#define COSOC_UTIL_THREAD_H

#include <pthread.h>

/* pthread_create(pThread, NULL, xMain, pArg) with SIGINT and SIGTERM
** blocked in the new thread; the caller's mask is left as it was. Returns
** pthread_create()'s result (0 when started). */
int thread_start_background(pthread_t *pThread, void *(*xMain)(void *),
                            void *pArg);

#endif
