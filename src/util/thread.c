/*
** Background threads (see thread.h).
*/
#include "util/thread.h"

#include <signal.h>

int thread_start_background(pthread_t *pThread, void *(*xMain)(void *),
                            void *pArg) {
  sigset_t sigs, old;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, &old);
  int rc = pthread_create(pThread, NULL, xMain, pArg);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return rc;
}
