/*
** The header-read deadline: a connection whose request headers have not
** all arrived within a fixed time of the connection opening (or of its
** previous answer going out) is closed, however slowly its bytes keep
** coming. And the body's minimum rate: past the same time from the
** headers' arrival, a body must have come at a minimum average rate.
** Internal to src/http/ (server.c wires it into libmicrohttpd).
*/
#ifndef COSOC_HTTP_WATCHDOG_H
#define COSOC_HTTP_WATCHDOG_H

#include <microhttpd.h>

/* Starts the thread that enforces nSeconds for the headers, and for a
** body nSeconds plus a second per nBodyMinRate bytes received (0: bodies
** are not timed); 0 or -1. */
int watchdog_start(unsigned nSeconds, unsigned nBodyMinRate);
/* Stops it (before the daemon stops). */
void watchdog_stop(void);

/* MHD_OPTION_NOTIFY_CONNECTION: starts and stops watching a connection. */
void watchdog_notify(void *pCls, struct MHD_Connection *pConn,
                     void **ppSocketCtx,
                     enum MHD_ConnectionNotificationCode eCode);

/* The access handler's first call (the headers are in), and the end of
** the request (its answer went out or it was abandoned). */
void watchdog_request_begin(struct MHD_Connection *pConn);
void watchdog_request_end(struct MHD_Connection *pConn);
/* nBytes more of the body arrived; the body is all in (the page runs). */
void watchdog_body_received(struct MHD_Connection *pConn, size_t nBytes);
void watchdog_body_done(struct MHD_Connection *pConn);

#endif
