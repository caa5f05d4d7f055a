#ifndef SMTPPROBE_COPENSSL_SHIM_H
#define SMTPPROBE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

/* OpenSSL spells these as macros, which Swift cannot import; each wrapper is one call. */

/* SNI: SSL_set_tlsext_host_name is SSL_ctrl(SSL_CTRL_SET_TLSEXT_HOSTNAME). */
static inline int smtpprobe_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
  return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline int smtpprobe_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
  return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

/* Let SSL_write be retried with a buffer that moved (Swift arrays may), and treat an EOF
   without close_notify as a plain close, as most MTAs end sessions that way. */
static inline void smtpprobe_SSL_configure(SSL *ssl) {
  SSL_set_mode(ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  SSL_set_options(ssl, SSL_OP_IGNORE_UNEXPECTED_EOF);
}

static inline int smtpprobe_sk_X509_num(const STACK_OF(X509) *stack) {
  return stack == NULL ? 0 : sk_X509_num(stack);
}

static inline X509 *smtpprobe_sk_X509_value(const STACK_OF(X509) *stack, int index) {
  return sk_X509_value(stack, index);
}

/* Subject alternative names: the caller frees the list with smtpprobe_GENERAL_NAMES_free. */
static inline GENERAL_NAMES *smtpprobe_X509_subject_alt_names(const X509 *cert) {
  return (GENERAL_NAMES *)X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
}

static inline int smtpprobe_sk_GENERAL_NAME_num(const GENERAL_NAMES *names) {
  return names == NULL ? 0 : sk_GENERAL_NAME_num(names);
}

/* The entry's type (GEN_DNS, GEN_IPADD, ...) and its string: the IA5 text of a DNS name or
   the 4 or 16 octets of an IP address; NULL for other types. */
static inline const ASN1_STRING *smtpprobe_GENERAL_NAME_value(
    const GENERAL_NAMES *names, int index, int *type) {
  const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
  *type = name->type;
  switch (name->type) {
  case GEN_DNS: return name->d.dNSName;
  case GEN_IPADD: return name->d.iPAddress;
  default: return NULL;
  }
}

static inline void smtpprobe_GENERAL_NAMES_free(GENERAL_NAMES *names) {
  GENERAL_NAMES_free(names);
}

/* A distinguished name on one line, "CN = mx.example, O = Example" (as openssl x509 prints). */
static inline int smtpprobe_X509_NAME_oneline(const X509_NAME *name, char *buffer, int size) {
  BIO *bio = BIO_new(BIO_s_mem());
  if (bio == NULL) return -1;
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char *data = NULL;
  long length = BIO_get_mem_data(bio, &data);
  int copied = (int)(length < size ? length : size - 1);
  if (copied > 0) memcpy(buffer, data, (size_t)copied);
  buffer[copied < 0 ? 0 : copied] = 0;
  BIO_free(bio);
  return copied;
}

static inline void smtpprobe_OPENSSL_free(void *pointer) {
  OPENSSL_free(pointer);
}

/* X509_STORE_CTX_set_app_data / get_app_data are macros over ex_data index 0. */
static inline void smtpprobe_X509_STORE_CTX_set_app_data(X509_STORE_CTX *ctx, void *data) {
  X509_STORE_CTX_set_app_data(ctx, data);
}

static inline void *smtpprobe_X509_STORE_CTX_get_app_data(X509_STORE_CTX *ctx) {
  return X509_STORE_CTX_get_app_data(ctx);
}
#endif
