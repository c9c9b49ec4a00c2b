/* dns.c - internal/dns, the native half of the dns module (stdlib/node/lib/dns.js):
 * getaddrinfo on the thread pool, as libuv runs it for node's dns.lookup.
 * Book: chapter 12, "Networking".
 *
 *   dns_module_create   require('internal/dns'), for built-in modules only
 *
 * lookup(hostname, family, hints, callback) resolves on a worker thread (getaddrinfo blocks)
 * and calls back from the loop with (0, [address, family, address, family, ...]) or
 * (code), libuv's negative number for the failure: -3008 for a name that does not
 * exist (node's ENOTFOUND), -3001 for a temporary failure (EAI_AGAIN), ...
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

typedef struct Lookup {
  Host *host;
  char *name;
  int family;  /* 0, 4 or 6 */
  int hints;   /* getaddrinfo's ai_flags: AI_ADDRCONFIG, AI_V4MAPPED, AI_ALL */
  int status;  /* 0 or libuv's code */
  int32_t callback;
  struct addrinfo *result;
} Lookup;

/* getaddrinfo's failure as libuv numbers it (uv__getaddrinfo_translate_error). */
static int eai_code(int rc, int saved_errno) {
  switch (rc) {
  case EAI_AGAIN: return -3001;
  case EAI_BADFLAGS: return -3002;
  case EAI_FAIL: return -3004;
  case EAI_FAMILY: return -3005;
  case EAI_MEMORY: return -3006;
#ifdef EAI_NODATA
  case EAI_NODATA: return -3007;
#endif
  case EAI_NONAME: return -3008;
  case EAI_SERVICE: return -3010;
  case EAI_SOCKTYPE: return -3011;
  case EAI_SYSTEM: return -saved_errno;
  default: return -3000;
  }
}

static void lookup_work(void *data) {
  Lookup *l = data;
  struct addrinfo hints = {0};
  hints.ai_family = l->family == 4 ? AF_INET : l->family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = l->hints;
  int rc = getaddrinfo(l->name, NULL, &hints, &l->result);
  l->status = rc ? eai_code(rc, errno) : 0;
  if (rc) l->result = NULL;
}

/* The addresses found, flat: address, family, address, family, ... */
static Value addresses(VM *vm, const struct addrinfo *list) {
  Value out = vm_handle_push(vm, vm_array_new(vm));
  char ip[INET6_ADDRSTRLEN];
  for (const struct addrinfo *ai = list; ai; ai = ai->ai_next) {
    const void *where = ai->ai_family == AF_INET
                            ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
                            : (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
    if ((ai->ai_family != AF_INET && ai->ai_family != AF_INET6) ||
        !inet_ntop(ai->ai_family, where, ip, sizeof ip))
      continue;
    vm_array_push(vm, out, vm_handle_push(vm, vm_string(vm, ip)));
    vm_array_push(vm, out, value_from_number(ai->ai_family == AF_INET ? 4 : 6));
  }
  return out;
}

static void lookup_done(Loop *loop, void *data, int status) {
  Lookup *l = data;
  VM *vm = host_vm(l->host);
  int mark = vm_handle_mark(vm);
  Value cb = vm_handle_push(vm, vm_pinned(vm, l->callback));
  vm_unpin(vm, l->callback);
  Value args[2] = {value_from_number(l->status), VALUE_UNDEFINED};
  if (l->result) args[1] = addresses(vm, l->result);
  if (l->result) freeaddrinfo(l->result);
  free(l->name);
  free(l);
  host_call(host_of(vm), cb, VALUE_UNDEFINED, 2, args);
  vm_handle_reset(vm, mark);
}

/* lookup(hostname, family, hints, callback): undefined, or -errno if the pool would not
 * start. */
static Value dns_lookup(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 4 || !value_is_string(argv[0]) || !vm_is_callable(argv[3]))
    return vm_throw_error(vm, ERR_TYPE, "lookup: bad arguments");
  Lookup *l = mem_calloc(1, sizeof *l);
  l->host = host_of(vm);
  l->name = vm_to_utf8(vm, argv[0], NULL);
  l->family = value_is_number(argv[1]) ? (int)value_to_number(argv[1]) : 0;
  l->hints = value_is_number(argv[2]) ? (int)value_to_number(argv[2]) &
                                            (AI_ADDRCONFIG | AI_V4MAPPED | AI_ALL) : 0;
  l->callback = vm_pin(vm, argv[3]);
  int err = pool_submit(host_loop(l->host), lookup_work, lookup_done, l);
  if (!err) return VALUE_UNDEFINED;
  vm_unpin(vm, l->callback);
  free(l->name);
  free(l);
  return value_from_number(err);
}

static const VMPropDef dns_props[] = {
    VM_FN_ENUM("lookup", dns_lookup, 4),
    VM_PROPS_END,
};

Value dns_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, dns_props);
  vm_define_str(vm, m, "AI_ADDRCONFIG", value_from_number(AI_ADDRCONFIG), VM_ATTR_DEFAULT);
  vm_define_str(vm, m, "AI_V4MAPPED", value_from_number(AI_V4MAPPED), VM_ATTR_DEFAULT);
  vm_define_str(vm, m, "AI_ALL", value_from_number(AI_ALL), VM_ATTR_DEFAULT);
  return m;
}
