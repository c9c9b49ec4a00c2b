/* ecma.h - the ECMAScript built-ins, as the rest of stdlib/ sees them.
 * Book: chapter 7, "The standard library".
 *
 * builtins_install_all puts Object, Function, Array, String, Number, Boolean, Math,
 * Symbol, the Error family, JSON and Date into a fresh VM; builtins_symbol_for is the symbol
 * registry behind Symbol.for. The helpers the built-ins share are private to
 * stdlib/ecma/ (builtins.h).
 */
#ifndef TN_STDLIB_ECMA_H
#define TN_STDLIB_ECMA_H

#include "vm/vm.h"

/* Installs every ECMAScript built-in into vm's realm (stdlib/ecma/builtins.c). */
void builtins_install_all(VM *vm);
/* Symbol.for(key): the realm's registered symbol for the string key, made on first use
 * (stdlib/ecma/symbol.c); undefined before builtins_install_all. */
Value builtins_symbol_for(VM *vm, Value key);
/* Symbol.keyFor(sym): the key sym is registered under, or undefined (no code runs). */
Value builtins_symbol_key_for(VM *vm, Value sym);

#endif
