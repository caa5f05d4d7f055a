#ifndef SMTPPROBE_CRESOLV_SHIM_H
#define SMTPPROBE_CRESOLV_SHIM_H
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <resolv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Small helpers over glibc's thread-safe resolver state (res_ninit/res_nclose), which we use
 * only to read the configuration: the name servers, the timeout and the tries.
 * Swift cannot call res_ninit directly (resolv.h renames it with a macro), nor reach the
 * union inside struct __res_state, so these few lines do it. */

/* Allocates a resolver state and fills it from /etc/resolv.conf (res_ninit).
 * Returns NULL (errno set) on failure. Free with smtpprobe_res_free. */
static inline res_state smtpprobe_res_new(void) {
  res_state state = calloc(1, sizeof(struct __res_state));
  if (state == NULL) return NULL;
  if (res_ninit(state) != 0) {
    int saved = errno;
    res_nclose(state);
    free(state);
    errno = saved != 0 ? saved : EINVAL;
    return NULL;
  }
  return state;
}

/* Closes the resolver's sockets and frees the state (res_nclose). */
static inline void smtpprobe_res_free(res_state state) {
  if (state == NULL) return;
  res_nclose(state);
  free(state);
}

/* The per-try timeout and tries per server res_ninit read (resolv.conf, else RES_TIMEOUT and
 * RES_DFLRETRY). */
static inline int smtpprobe_res_timeout(res_state state) { return state->retrans; }
static inline int smtpprobe_res_tries(res_state state) { return state->retry; }

/* The address of name server `index` (< nscount): IPv4 from nsaddr_list, IPv6 from glibc's
 * extension slots; NULL when the slot is empty. */
static inline const struct sockaddr *smtpprobe_res_server(res_state state, int index) {
  if (index < 0 || index >= state->nscount || index >= MAXNS) return NULL;
  if (state->nsaddr_list[index].sin_family == AF_INET)
    return (const struct sockaddr *)&state->nsaddr_list[index];
  if (state->_u._ext.nsaddrs[index] != NULL)
    return (const struct sockaddr *)state->_u._ext.nsaddrs[index];
  return NULL;
}

/* How many name servers the state asks. */
static inline int smtpprobe_res_count(res_state state) { return state->nscount; }

#endif
