/* crypto_hash.c - the message digests behind require('crypto').createHash: MD5
 * (RFC 1321), SHA-1, SHA-224/256 and SHA-384/512 (FIPS 180-4), written from those
 * documents. Book: chapter 11, "Files" (the crypto section).
 *
 *   hash_new(name)            a fresh state for "md5", "sha1", "sha256", ... or NULL
 *   hash_update(h, p, n)      feeds bytes
 *   hash_final(h, out)        writes the digest (hash_size(h) bytes); h is spent
 *   hash_copy(h)              an independent copy of the state so far
 *
 * The four families share one shape: a block buffer, a bit count, and a compression
 * function run on each full block; they differ in word size, block size and padding's
 * length field (and MD5 in byte order).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexer/alloc.h"
#include "stdlib/node/crypto_hash.h"

typedef enum { MD5, SHA1, SHA256, SHA512 } Family;

struct Hash {
  Family family;
  int digest_size;       /* bytes of output (sha224 and sha384 cut the longer states) */
  size_t block_size;     /* 64, or 128 for the SHA-512 family */
  uint8_t block[128];
  size_t used;           /* bytes waiting in block */
  uint64_t length;       /* bytes fed so far */
  uint32_t h32[8];
  uint64_t h64[8];
};

static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
static uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }

/* ==== MD5 (RFC 1321, section 3.4) ==== */

static const uint32_t MD5_K[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
static const uint8_t MD5_S[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_block(Hash *h, const uint8_t *p) {
  uint32_t x[16], a = h->h32[0], b = h->h32[1], c = h->h32[2], d = h->h32[3];
  for (int i = 0; i < 16; i++) x[i] = le32(p + 4 * i);
  for (int i = 0; i < 64; i++) {
    int round = i / 16, k;
    uint32_t f;
    if (round == 0) f = (b & c) | (~b & d), k = i;
    else if (round == 1) f = (d & b) | (~d & c), k = (5 * i + 1) % 16;
    else if (round == 2) f = b ^ c ^ d, k = (3 * i + 5) % 16;
    else f = c ^ (b | ~d), k = (7 * i) % 16;
    uint32_t t = d;
    d = c;
    c = b;
    b = b + rol32(a + f + MD5_K[i] + x[k], MD5_S[round * 4 + i % 4]);
    a = t;
  }
  h->h32[0] += a, h->h32[1] += b, h->h32[2] += c, h->h32[3] += d;
}

/* ==== SHA-1 (FIPS 180-4, 6.1) ==== */

static void sha1_block(Hash *h, const uint8_t *p) {
  uint32_t w[80], v[5];
  for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  memcpy(v, h->h32, sizeof v);
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20) f = (v[1] & v[2]) | (~v[1] & v[3]), k = 0x5a827999;
    else if (i < 40) f = v[1] ^ v[2] ^ v[3], k = 0x6ed9eba1;
    else if (i < 60) f = (v[1] & v[2]) | (v[1] & v[3]) | (v[2] & v[3]), k = 0x8f1bbcdc;
    else f = v[1] ^ v[2] ^ v[3], k = 0xca62c1d6;
    uint32_t t = rol32(v[0], 5) + f + v[4] + k + w[i];
    v[4] = v[3], v[3] = v[2], v[2] = rol32(v[1], 30), v[1] = v[0], v[0] = t;
  }
  for (int i = 0; i < 5; i++) h->h32[i] += v[i];
}

/* ==== SHA-256 (FIPS 180-4, 6.2) ==== */

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static void sha256_block(Hash *h, const uint8_t *p) {
  uint32_t w[64], v[8];
  for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  memcpy(v, h->h32, sizeof v);
  for (int i = 0; i < 64; i++) {
    uint32_t s1 = ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25);
    uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    uint32_t t1 = v[7] + s1 + ch + K256[i] + w[i];
    uint32_t s0 = ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22);
    uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    memmove(v + 1, v, 7 * sizeof v[0]);
    v[4] += t1;
    v[0] = t1 + s0 + maj;
  }
  for (int i = 0; i < 8; i++) h->h32[i] += v[i];
}

/* ==== SHA-512 (FIPS 180-4, 6.4) ==== */

static const uint64_t K512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

static void sha512_block(Hash *h, const uint8_t *p) {
  uint64_t w[80], v[8];
  for (int i = 0; i < 16; i++) w[i] = be64(p + 8 * i);
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  memcpy(v, h->h64, sizeof v);
  for (int i = 0; i < 80; i++) {
    uint64_t s1 = ror64(v[4], 14) ^ ror64(v[4], 18) ^ ror64(v[4], 41);
    uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    uint64_t t1 = v[7] + s1 + ch + K512[i] + w[i];
    uint64_t s0 = ror64(v[0], 28) ^ ror64(v[0], 34) ^ ror64(v[0], 39);
    uint64_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    memmove(v + 1, v, 7 * sizeof v[0]);
    v[4] += t1;
    v[0] = t1 + s0 + maj;
  }
  for (int i = 0; i < 8; i++) h->h64[i] += v[i];
}

/* ==== The shared shape ==== */

static void compress(Hash *h, const uint8_t *block) {
  switch (h->family) {
  case MD5: md5_block(h, block); break;
  case SHA1: sha1_block(h, block); break;
  case SHA256: sha256_block(h, block); break;
  case SHA512: sha512_block(h, block); break;
  }
}

/* The initial values of FIPS 180-4 5.3 (and RFC 1321 3.3). */
static const uint32_t IV_MD5[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
static const uint32_t IV_SHA1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
static const uint32_t IV_SHA224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                      0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
static const uint32_t IV_SHA256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
static const uint64_t IV_SHA384[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17,
                                      0x152fecd8f70e5939, 0x67332667ffc00b31, 0x8eb44a8768581511,
                                      0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};
static const uint64_t IV_SHA512[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                                      0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                                      0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};

static const struct {
  const char *name;
  Family family;
  int digest_size;
  const void *iv;
} ALGORITHMS[] = {
    {"md5", MD5, 16, IV_MD5},          {"sha1", SHA1, 20, IV_SHA1},
    {"sha224", SHA256, 28, IV_SHA224}, {"sha256", SHA256, 32, IV_SHA256},
    {"sha384", SHA512, 48, IV_SHA384}, {"sha512", SHA512, 64, IV_SHA512},
};

const char *hash_name_at(size_t i) {
  return i < sizeof ALGORITHMS / sizeof ALGORITHMS[0] ? ALGORITHMS[i].name : NULL;
}

Hash *hash_new(const char *name) {
  for (size_t i = 0; hash_name_at(i); i++) {
    if (strcasecmp(name, ALGORITHMS[i].name) != 0) continue;
    Hash *h = mem_calloc(1, sizeof *h);
    h->family = ALGORITHMS[i].family;
    h->digest_size = ALGORITHMS[i].digest_size;
    h->block_size = h->family == SHA512 ? 128 : 64;
    if (h->family == SHA512) memcpy(h->h64, ALGORITHMS[i].iv, sizeof h->h64);
    else memcpy(h->h32, ALGORITHMS[i].iv, (h->family == MD5 ? 4 : h->family == SHA1 ? 5 : 8) * 4);
    return h;
  }
  return NULL;
}

Hash *hash_copy(const Hash *h) {
  Hash *copy = mem_alloc(sizeof *copy);
  *copy = *h;
  return copy;
}

int hash_size(const Hash *h) { return h->digest_size; }
size_t hash_block_size(const Hash *h) { return h->block_size; }

void hash_update(Hash *h, const uint8_t *p, size_t n) {
  h->length += n;
  while (n > 0) {
    size_t take = h->block_size - h->used < n ? h->block_size - h->used : n;
    memcpy(h->block + h->used, p, take);
    h->used += take, p += take, n -= take;
    if (h->used == h->block_size) {
      compress(h, h->block);
      h->used = 0;
    }
  }
}

/* Padding: 0x80, zeros, then the length in bits (64 bits, or 128 for SHA-512's family:
 * its high half is zero here), big-endian except for MD5. */
void hash_final(Hash *h, uint8_t *out) {
  uint64_t bits = h->length * 8;
  size_t field = h->family == SHA512 ? 16 : 8;
  uint8_t pad[128 + 16] = {0x80};
  size_t padlen = (h->used < h->block_size - field ? h->block_size : 2 * h->block_size) - h->used;
  for (int i = 0; i < 8; i++)
    pad[padlen - 1 - i] = h->family == MD5 ? 0 : (uint8_t)(bits >> (8 * i));
  if (h->family == MD5)
    for (int i = 0; i < 8; i++) pad[padlen - 8 + i] = (uint8_t)(bits >> (8 * i));
  uint64_t length = h->length;
  hash_update(h, pad, padlen);
  h->length = length;
  for (int i = 0; i < h->digest_size; i++) {
    if (h->family == SHA512) out[i] = (uint8_t)(h->h64[i / 8] >> (56 - 8 * (i % 8)));
    else if (h->family == MD5) out[i] = (uint8_t)(h->h32[i / 4] >> (8 * (i % 4)));
    else out[i] = (uint8_t)(h->h32[i / 4] >> (24 - 8 * (i % 4)));
  }
}
