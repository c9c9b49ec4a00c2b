/* crypto.c - internal/crypto, the native half of require('crypto')
 * (stdlib/node/lib/crypto.js): the digests of crypto_hash.c on handles, and random
 * bytes from the system. Book: chapter 11, "Files" (the crypto section).
 *
 *   hashNew(name)            a digest handle, or null for an unknown algorithm
 *   hashUpdate(h, bytes)     feeds a Buffer or any ArrayBuffer view
 *   hashDigest(h)            the digest as a new Buffer; h is spent
 *   hashCopy(h)              a handle on a copy of the state so far
 *   hashBlockSize(h)         the algorithm's block size (HMAC pads keys to it)
 *   hashes()                 the algorithm names
 *   randomFill(view, offset, size)   fills bytes from /dev/urandom: 0 or -errno
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "stdlib/node/crypto_hash.h"
#include "stdlib/node/internal.h"

static void hash_handle_free(void *data) { free(data); }
static const VMClassDef hash_class = {"Hash", NULL, hash_handle_free};

static Hash *hash_arg(VM *vm, int argc, Value *argv) {
  Hash *h = argc > 0 ? vm_host_data(vm, argv[0], &hash_class) : NULL;
  if (!h) vm_throw_error(vm, ERR_TYPE, "Illegal invocation");
  return h;
}

static Value hash_handle(VM *vm, Hash *h) {
  return vm_host_new(vm, &hash_class, h, VALUE_NULL);
}

static Value js_hash_new(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 1 || !value_is_string(argv[0])) return VALUE_NULL;
  char *name = vm_to_utf8(vm, argv[0], NULL);
  Hash *h = hash_new(name);
  free(name);
  return h ? hash_handle(vm, h) : VALUE_NULL;
}

static Value js_hash_update(VM *vm, Value this_value, int argc, Value *argv) {
  Hash *h = hash_arg(vm, argc, argv);
  const uint8_t *bytes;
  size_t length;
  if (!h) return VALUE_EXCEPTION;
  if (argc < 2 || !node_buffer_bytes(argv[1], &bytes, &length))
    return vm_throw_error(vm, ERR_TYPE, "hashUpdate: bytes expected");
  hash_update(h, bytes, length);
  return VALUE_UNDEFINED;
}

static Value js_hash_digest(VM *vm, Value this_value, int argc, Value *argv) {
  Hash *h = hash_arg(vm, argc, argv);
  if (!h) return VALUE_EXCEPTION;
  uint8_t out[64];
  hash_final(h, out);
  return node_buffer_from_bytes(vm, out, (size_t)hash_size(h));
}

static Value js_hash_copy(VM *vm, Value this_value, int argc, Value *argv) {
  Hash *h = hash_arg(vm, argc, argv);
  return h ? hash_handle(vm, hash_copy(h)) : VALUE_EXCEPTION;
}

static Value js_hash_block_size(VM *vm, Value this_value, int argc, Value *argv) {
  Hash *h = hash_arg(vm, argc, argv);
  return h ? value_from_number((double)hash_block_size(h)) : VALUE_EXCEPTION;
}

static Value js_hashes(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
  for (size_t i = 0; hash_name_at(i); i++) vm_array_push(vm, list, vm_string(vm, hash_name_at(i)));
  return list;
}

/* Reads size bytes from /dev/urandom into view at offset (the JavaScript side has
 * checked the range). */
static Value js_random_fill(VM *vm, Value this_value, int argc, Value *argv) {
  const uint8_t *bytes;
  size_t length;
  if (argc < 3 || !node_buffer_bytes(argv[0], &bytes, &length))
    return vm_throw_error(vm, ERR_TYPE, "randomFill: bytes expected");
  size_t offset = (size_t)value_to_number(argv[1]), size = (size_t)value_to_number(argv[2]);
  if (offset > length || size > length - offset) return vm_throw_error(vm, ERR_RANGE, "randomFill: range");
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return value_from_number(-errno);
  uint8_t *p = (uint8_t *)bytes + offset;
  while (size > 0) {
    ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? -errno : -EIO;
      close(fd);
      return value_from_number(err);
    }
    p += n, size -= (size_t)n;
  }
  close(fd);
  return value_from_number(0);
}

static const VMPropDef crypto_props[] = {
    VM_FN_ENUM("hashNew", js_hash_new, 1),
    VM_FN_ENUM("hashUpdate", js_hash_update, 2),
    VM_FN_ENUM("hashDigest", js_hash_digest, 1),
    VM_FN_ENUM("hashCopy", js_hash_copy, 1),
    VM_FN_ENUM("hashBlockSize", js_hash_block_size, 1),
    VM_FN_ENUM("hashes", js_hashes, 0),
    VM_FN_ENUM("randomFill", js_random_fill, 3),
    VM_PROPS_END,
};

Value crypto_module_create(Host *host) {
  VM *vm = host_vm(host);
  vm_class_register(vm, &hash_class);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, crypto_props);
  return m;
}
