/* crypto_hash.h - message digests for require('crypto') (crypto_hash.c): MD5, SHA-1,
 * SHA-224/256, SHA-384/512, written from RFC 1321 and FIPS 180-4. Plain C, no VM. */
#ifndef TN_STDLIB_CRYPTO_HASH_H
#define TN_STDLIB_CRYPTO_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct Hash Hash;

Hash *hash_new(const char *name); /* "md5", "sha1", "sha256", ... (any case), or NULL */
Hash *hash_copy(const Hash *h);   /* free() either */
void hash_update(Hash *h, const uint8_t *p, size_t n);
void hash_final(Hash *h, uint8_t *out); /* hash_size(h) bytes; h takes no more input */
int hash_size(const Hash *h);
size_t hash_block_size(const Hash *h);   /* for HMAC's key padding */
const char *hash_name_at(size_t i);      /* the names, in order; NULL past the end */

#endif
