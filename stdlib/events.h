/* events.h - a minimal event emitter shared by the Node modules (private to stdlib/).
 * Book: chapter 12, "Networking".
 */
#ifndef TN_STDLIB_EVENTS_H
#define TN_STDLIB_EVENTS_H

#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

/* Defines on, addListener, once, off, removeListener, emit, listenerCount on proto. */
void events_install_methods(VM *vm, Value proto);
/* Calls every listener of `name` with this = emitter. Returns true if there were
 * listeners, false if none, or VALUE_EXCEPTION if one threw. */
Value events_emit(VM *vm, Value emitter, Value name, int argc, const Value *argv);
Value events_emit_str(VM *vm, Value emitter, const char *name, int argc, const Value *argv);

#endif
