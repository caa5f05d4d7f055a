#ifndef SMTPPROBE_CRESOLV_SHIM_H
#define SMTPPROBE_CRESOLV_SHIM_H
#include <sys/types.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <resolv.h>
#endif
