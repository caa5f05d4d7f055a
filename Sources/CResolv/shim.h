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

/* Small helpers over glibc's thread-safe resolver state (res_ninit/res_nsend/res_nclose).
 * Swift cannot call res_nsend directly (resolv.h renames it with a macro), nor reach the
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
  /* glibc's res_send hands SERVFAIL, NOTIMP and REFUSED answers back to the caller only when
   * pfcode is set (the way dig uses it); otherwise it drops them and reports a timeout. We want
   * the server's real answer, so set a print flag that has no other effect. */
  state->pfcode = RES_PRF_STATS;
  return state;
}

/* Closes the resolver's sockets and frees the state (res_nclose). */
static inline void smtpprobe_res_free(res_state state) {
  if (state == NULL) return;
  res_nclose(state);
  free(state);
}

/* Per-try timeout in seconds and number of tries per server (RES_TIMEOUT, RES_DFLRETRY). */
static inline void smtpprobe_res_set_timeout(res_state state, int seconds, int tries) {
  state->retrans = seconds;
  state->retry = tries;
}

/* Forgets the resolv.conf name servers, freeing glibc's IPv6 copies. */
static inline void smtpprobe_res_clear_servers(res_state state) {
  for (int i = 0; i < MAXNS; i++) {
    free(state->_u._ext.nsaddrs[i]);
    state->_u._ext.nsaddrs[i] = NULL;
    memset(&state->nsaddr_list[i], 0, sizeof(state->nsaddr_list[i]));
  }
  state->_u._ext.nscount = 0;
}

/* Sends every query to one IPv4 server: address in network byte order, port in host order. */
static inline void smtpprobe_res_use_ipv4(res_state state, const struct in_addr *address,
                                          uint16_t port) {
  smtpprobe_res_clear_servers(state);
  state->nsaddr_list[0].sin_family = AF_INET;
  state->nsaddr_list[0].sin_port = htons(port);
  state->nsaddr_list[0].sin_addr = *address;
  state->nscount = 1;
}

/* Sends every query to one IPv6 server. glibc keeps IPv6 servers in the _ext part of the
 * state, with the IPv4 slot's family left 0; res_nclose frees the copy. Returns -1 on ENOMEM. */
static inline int smtpprobe_res_use_ipv6(res_state state, const struct in6_addr *address,
                                         uint16_t port) {
  smtpprobe_res_clear_servers(state);
  struct sockaddr_in6 *server = calloc(1, sizeof(struct sockaddr_in6));
  if (server == NULL) return -1;
  server->sin6_family = AF_INET6;
  server->sin6_port = htons(port);
  server->sin6_addr = *address;
  state->_u._ext.nsaddrs[0] = server;
  state->nscount = 1;
  return 0;
}

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

/* res_nsend: sends a query and waits for the answer (UDP, then TCP when truncated).
 * Returns the answer length, or -errno (ETIMEDOUT, ECONNREFUSED, ...) on failure. */
static inline int smtpprobe_res_send(res_state state, const unsigned char *query, int query_length,
                                     unsigned char *answer, int answer_capacity) {
  errno = 0;
  int length = res_nsend(state, query, query_length, answer, answer_capacity);
  if (length < 0) return errno != 0 ? -errno : -ETIMEDOUT;
  return length;
}

#endif
