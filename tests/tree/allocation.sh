#!/bin/sh
# One allocation path: no file of the product calls malloc, calloc, realloc, strdup or
# strndup except lexer/alloc.c, which checks every result once (lexer/alloc.h). A call
# anywhere else could return NULL to code that does not expect it.
cd "$(dirname "$0")/../.." || exit 2
raw=$(grep -rnE '(^|[^A-Za-z0-9_.>])(malloc|calloc|realloc|strdup|strndup)[[:space:]]*\(' \
  --include='*.c' --include='*.h' lexer parser vm runtime stdlib main.c | grep -v '^lexer/alloc\.c:')
if [ -n "$raw" ]; then
  echo "these call the C allocator directly; use mem_alloc & co. (lexer/alloc.h):"
  echo "$raw"
  exit 1
fi
echo "allocation: only lexer/alloc.c calls the C library's allocator"
