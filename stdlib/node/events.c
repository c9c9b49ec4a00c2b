/* events.c - EventEmitter, the core of Node's events: on, once, off, emit.
 * Book: chapter 12, "Networking".
 *
 * process, servers, requests and responses are emitters: they inherit
 * EventEmitter.prototype (events_prototype). Listeners live on the emitter itself, in a
 * `_events` object mapping an event name to its listener or an array of them, as Node
 * keeps them, with 'newListener'/'removeListener' events, once wrappers, the
 * max-listeners warning and errorMonitor. events.once, events.on and
 * events.addAbortListener, which take AbortSignals, are JavaScript (internal/event_target).
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/ecma/ecma.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

/* Where node throws an unhandled 'error' event that is not an Error (lib/events.js). */
static const char ORIGIN_UNHANDLED[] =
    "node:events:515\n    throw err; // Unhandled 'error' event\n    ^";
/* ... and one that is an Error. */
static const char ORIGIN_UNHANDLED_ERROR[] =
    "node:events:502\n      throw er; // Unhandled 'error' event\n      ^";

/* ==== The listener table ====
 *
 * As in node, this._events maps each event name to its one listener (a function) or,
 * from the second on, to an array of them; this._eventsCount counts the names. A `once`
 * listener is stored as a wrapper whose `listener` property is the original. */

/* The names every emitter's methods read, their atoms kept (vm_get_key). */
static VMKey k_events = VM_KEY("_events"), k_events_count = VM_KEY("_eventsCount"),
             k_max_listeners = VM_KEY("_maxListeners");

/* this._events, made (with the other fields node's init sets) when create is set;
 * undefined when there is none and create is not set. */
static Value events_table(VM *vm, Value emitter, bool create) {
  if (value_is_nullish(emitter)) /* node reads this._events first */
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading '_events')",
                          value_is_null(emitter) ? "null" : "undefined");
  Value events = vm_get_key(vm, emitter, &k_events);
  if (value_is_exception(events) || value_is_object(events) || !create) return events;
  if (!value_is_object(emitter)) /* node's strict `this._events = ...` throws here */
    return vm_set_key(vm, emitter, &k_events, VALUE_UNDEFINED);
  events = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  Value r = vm_set_key(vm, emitter, &k_events, events);
  if (!value_is_exception(r)) r = vm_set_key(vm, emitter, &k_events_count, value_from_number(0));
  return value_is_exception(r) ? r : events;
}

/* Adds to this._eventsCount. */
static Value count_names(VM *vm, Value emitter, int delta) {
  Value n = vm_get_key(vm, emitter, &k_events_count);
  if (!value_is_exception(n)) n = vm_to_number(vm, n); /* node's ++ and --: NaN from junk */
  if (value_is_exception(n)) return n;
  return vm_set_key(vm, emitter, &k_events_count, value_from_number(value_to_number(n) + delta));
}

/* An entry of _events as a fresh array of its listeners (wrappers included). */
static Value listed(VM *vm, Value entry) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
  if (vm_is_callable(entry)) vm_array_push(vm, list, entry);
  uint32_t n = vm_is_array(entry) ? vm_array_length(entry) : 0;
  for (uint32_t i = 0; i < n; i++) vm_array_push(vm, list, vm_array_get(vm, entry, i));
  return list;
}

/* The listeners of name, as listed above. */
static Value stored_list(VM *vm, Value emitter, Value name) {
  Value events = events_table(vm, emitter, false);
  if (!value_is_object(events)) return value_is_exception(events) ? events : vm_array_new(vm);
  Value entry = vm_handle_push(vm, vm_get(vm, events, name));
  return value_is_exception(entry) ? entry : listed(vm, entry);
}

/* f's original listener: f.listener for a once wrapper, else f. */
static Value unwrapped(VM *vm, Value f) {
  Value inner = value_is_object(f) ? vm_get_str(vm, f, "listener") : VALUE_UNDEFINED;
  return vm_is_callable(inner) ? inner : f;
}

#define ALL_KEYS (VM_KEYS_STRINGS | VM_KEYS_SYMBOLS | VM_KEYS_HIDDEN)

/* String(name) for a message: a symbol as Symbol(description). */
static void put_name(VM *vm, StrBuf *sb, Value name) {
  if (!value_is_symbol(name)) {
    Value text = vm_to_string(vm, name);
    if (value_is_exception(text)) vm_take_exception(vm);
    else sb_put_js(sb, text);
    return;
  }
  Value d = vm_symbol_description(name);
  sb_puts(sb, "Symbol(");
  if (value_is_string(d)) sb_put_js(sb, d);
  sb_putc(sb, ')');
}

static bool has_listeners(VM *vm, Value events, const char *name) {
  return value_is_object(events) && !value_is_undefined(vm_get_str(vm, events, name));
}

/* ==== Adding ==== */

/* _getMaxListeners: this._maxListeners, or EventEmitter.defaultMaxListeners. */
static double max_listeners(VM *vm, Value emitter) {
  Value m = vm_get_key(vm, emitter, &k_max_listeners);
  if (value_is_exception(m)) vm_take_exception(vm), m = VALUE_UNDEFINED;
  if (value_is_number(m)) return value_to_number(m);
  Value d = vm_get_str(vm, vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER), "defaultMaxListeners");
  return value_is_number(d) ? value_to_number(d) : 10;
}

/* Node's MaxListenersExceededWarning, once per list that grows past the limit. */
static Value warn_max(VM *vm, Value emitter, Value name, Value list, double max) {
  if (vm_truthy(vm_get_str(vm, list, "warned"))) return VALUE_UNDEFINED;
  vm_define_str(vm, list, "warned", VALUE_TRUE, VM_ATTR_DEFAULT);
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  opts.depth = -1;
  Value who = vm_handle_push(vm, inspect_value(vm, emitter, &opts));
  if (value_is_exception(who)) return VALUE_EXCEPTION;
  uint32_t count = vm_array_length(list);
  char buf[32];
  StrBuf sb = {0};
  sb_printf(&sb, "Possible EventEmitter memory leak detected. %u ", count);
  put_name(vm, &sb, name);
  sb_puts(&sb, " listeners added to ");
  sb_put_js(&sb, who);
  sb_printf(&sb, ". MaxListeners is %s. Use emitter.setMaxListeners() to increase limit",
            vm_number_to_cstr(max, buf));
  char *text = sb_take(&sb);
  Value w = node_emit_warning(vm, text, "MaxListenersExceededWarning", NULL);
  free(text);
  if (!value_is_object(w)) return w;
  vm_set_str(vm, w, "emitter", emitter);
  vm_set_str(vm, w, "type", name);
  vm_set_str(vm, w, "count", value_from_number(count));
  return VALUE_UNDEFINED;
}

/* Stores listener for name, first or last; the second one turns the entry into an array. */
static Value store(VM *vm, Value emitter, Value events, Value name, Value listener, bool prepend) {
  Value entry = vm_handle_push(vm, vm_get(vm, events, name));
  if (value_is_exception(entry)) return entry;
  if (value_is_undefined(entry)) {
    Value r = vm_set(vm, events, name, listener);
    return value_is_exception(r) ? r : count_names(vm, emitter, 1);
  }
  if (!vm_is_array(entry)) {
    Value list = vm_handle_push(vm, vm_array_new(vm));
    vm_array_push(vm, list, prepend ? listener : entry);
    vm_array_push(vm, list, prepend ? entry : listener);
    return vm_set(vm, events, name, list);
  }
  if (!prepend) return vm_array_push(vm, entry, listener) ? entry : VALUE_EXCEPTION;
  uint32_t n = vm_array_length(entry);
  for (uint32_t i = n; i > 0; i--) vm_array_set(vm, entry, i, vm_array_get(vm, entry, i - 1));
  vm_array_set(vm, entry, 0, listener);
  return entry;
}

/* _addListener: 'newListener' first (with the original of a once wrapper), then store,
 * then the max-listeners check. Returns the emitter. */
static Value add_listener(VM *vm, Value emitter, Value name, Value listener, bool prepend) {
  if (!node_validate_function(vm, listener, "listener")) return VALUE_EXCEPTION;
  Value events = vm_handle_push(vm, events_table(vm, emitter, true));
  if (value_is_exception(events)) return events;
  if (value_is_exception(signals_listen(vm, emitter, name))) return VALUE_EXCEPTION;
  if (has_listeners(vm, events, "newListener")) {
    Value args[] = {name, unwrapped(vm, listener)};
    Value r = events_emit_str(vm, emitter, "newListener", 2, args);
    if (value_is_exception(r)) return r;
    events = vm_handle_push(vm, events_table(vm, emitter, true));
    if (value_is_exception(events)) return events;
  }
  Value list = vm_handle_push(vm, store(vm, emitter, events, name, listener, prepend));
  if (value_is_exception(list)) return list;
  double max = max_listeners(vm, emitter);
  if (vm_is_array(list) && max > 0 && vm_array_length(list) > max &&
      value_is_exception(warn_max(vm, emitter, name, list, max)))
    return VALUE_EXCEPTION;
  return emitter;
}

/* addListener/on (magic 0) and prependListener (magic 1). */
static Value events_on(VM *vm, Value this_value, int argc, Value *argv) {
  return add_listener(vm, this_value, argc > 0 ? argv[0] : VALUE_UNDEFINED,
                      argc > 1 ? argv[1] : VALUE_UNDEFINED, vm_native_magic(vm));
}

/* ==== Removing ==== */

/* Drops entry i of the stored array (or the single function) for name. */
static Value drop(VM *vm, Value emitter, Value events, Value name, Value entry, uint32_t i) {
  if (!vm_is_array(entry) || vm_array_length(entry) == 1) {
    Value r = vm_delete_property(vm, events, name);
    return value_is_exception(r) ? r : count_names(vm, emitter, -1);
  }
  uint32_t n = vm_array_length(entry);
  for (uint32_t j = i; j + 1 < n; j++) vm_array_set(vm, entry, j, vm_array_get(vm, entry, j + 1));
  vm_array_set_length(vm, entry, n - 1);
  if (n - 1 == 1) return vm_set(vm, events, name, vm_array_get(vm, entry, 0));
  return VALUE_UNDEFINED;
}

/* removeListener(name, fn): the last stored listener that is fn or wraps it; then
 * 'removeListener' with what node passes (the original for a single listener, the
 * function given for one in an array). */
static Value remove_listener(VM *vm, Value emitter, Value name, Value fn) {
  Value events = vm_handle_push(vm, events_table(vm, emitter, false));
  if (!value_is_object(events)) return value_is_exception(events) ? events : emitter;
  Value entry = vm_handle_push(vm, vm_get(vm, events, name));
  if (value_is_exception(entry)) return entry;
  bool array = vm_is_array(entry);
  uint32_t n = array ? vm_array_length(entry) : vm_is_callable(entry);
  for (uint32_t k = n; k > 0; k--) {
    Value f = array ? vm_array_get(vm, entry, k - 1) : entry;
    if (!vm_strict_equals(f, fn) && !vm_strict_equals(unwrapped(vm, f), fn)) continue;
    Value told = vm_handle_push(vm, array ? fn : unwrapped(vm, f));
    Value r = drop(vm, emitter, events, name, entry, k - 1);
    if (!value_is_exception(r)) r = signals_unlisten(vm, emitter, name);
    if (!value_is_exception(r) && has_listeners(vm, events, "removeListener")) {
      Value args[] = {name, told};
      r = events_emit_str(vm, emitter, "removeListener", 2, args);
    }
    return value_is_exception(r) ? r : emitter;
  }
  return emitter;
}

static Value events_off(VM *vm, Value this_value, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, "listener"))
    return VALUE_EXCEPTION;
  return remove_listener(vm, this_value, argv[0], argv[1]);
}

/* removeAllListeners(name): one by one, last first, when someone listens for
 * 'removeListener' (that name itself last); otherwise at once. */
static Value remove_all(VM *vm, Value emitter, Value name) {
  Value list = vm_handle_push(vm, stored_list(vm, emitter, name));
  if (value_is_exception(list)) return list;
  for (uint32_t k = vm_array_length(list); k > 0; k--) {
    Value r = remove_listener(vm, emitter, name, vm_array_get(vm, list, k - 1));
    if (value_is_exception(r)) return r;
  }
  return emitter;
}

static Value events_remove_all(VM *vm, Value this_value, int argc, Value *argv) {
  Value events = vm_handle_push(vm, events_table(vm, this_value, false));
  if (!value_is_object(events)) return value_is_exception(events) ? events : this_value;
  if (argc > 0 && !value_is_undefined(argv[0])) return remove_all(vm, this_value, argv[0]);
  Value names = vm_handle_push(vm, vm_own_property_keys(vm, events, ALL_KEYS));
  if (value_is_exception(names)) return names;
  Value last = vm_handle_push(vm, vm_string(vm, "removeListener"));
  for (uint32_t i = 0; i < vm_array_length(names); i++) {
    Value key = vm_array_get(vm, names, i);
    if (vm_strict_equals(key, last)) continue;
    if (value_is_exception(remove_all(vm, this_value, key))) return VALUE_EXCEPTION;
  }
  return remove_all(vm, this_value, last);
}

/* ==== once ==== */

/* A `once` wrapper: its data is [emitter, name, listener]; it removes itself, then
 * calls the listener. */
static Value once_wrapper(VM *vm, Value this_value, int argc, Value *argv) {
  Value data = vm_native_data(vm);
  Value emitter = vm_array_get(vm, data, 0), listener = vm_array_get(vm, data, 2);
  Value self = vm_get_str(vm, data, "wrapper");
  Value r = remove_listener(vm, emitter, vm_array_get(vm, data, 1), self);
  if (value_is_exception(r)) return r;
  return vm_call(vm, listener, this_value, argc, argv);
}

/* The wrapper node's once and prependOnceListener store: `listener` is the original. */
static Value make_once(VM *vm, Value emitter, Value name, Value listener) {
  Value data = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, data, emitter);
  vm_array_push(vm, data, name);
  vm_array_push(vm, data, listener);
  Value wrapper = vm_handle_push(vm, vm_native_with_data(vm, "bound onceWrapper", once_wrapper, 0, data));
  vm_define_str(vm, data, "wrapper", wrapper, VM_ATTR_HIDDEN);
  vm_set_str(vm, wrapper, "listener", listener);
  return wrapper;
}

/* once (magic 0): node checks the listener, then calls this.on with the wrapper;
 * prependOnceListener (magic 1) calls this.prependListener. */
static Value events_once(VM *vm, Value this_value, int argc, Value *argv) {
  const char *method = vm_native_magic(vm) ? "prependListener" : "on";
  if (!node_validate_function(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, "listener"))
    return VALUE_EXCEPTION;
  if (value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading '%s')",
                          value_is_null(this_value) ? "null" : "undefined", method);
  Value on = vm_handle_push(vm, vm_get_str(vm, this_value, method));
  if (value_is_exception(on)) return on;
  if (!vm_is_callable(on)) return vm_throw_error(vm, ERR_TYPE, "this.%s is not a function", method);
  Value args[2] = {argv[0], make_once(vm, this_value, argv[0], argv[1])};
  return vm_call(vm, on, this_value, 2, args);
}

static Value event_symbols(VM *vm);

/* A listener returned r (not undefined or null): if the emitter captures rejections, hand
 * r to internal/events/capture's addCatch, which routes a rejection of it (node's
 * addCatch). VALUE_TRUE, or VALUE_EXCEPTION. */
static Value capture_rejection(VM *vm, Value emitter, Value r, Value name, int argc,
                               const Value *argv) {
  Value k_capture = vm_array_get(vm, event_symbols(vm), 1);
  Value capture = vm_get(vm, emitter, k_capture);
  if (value_is_exception(capture) || !vm_truthy(capture)) return capture;
  Value m = host_require_builtin(host_of(vm), "internal/events/capture");
  if (value_is_exception(vm_handle_push(vm, m))) return m;
  Value add_catch = vm_handle_push(vm, vm_get_str(vm, m, "addCatch"));
  Value args = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < argc; i++) vm_array_push(vm, args, argv[i]);
  Value call[5] = {emitter, r, name, args, k_capture};
  Value done = vm_call(vm, add_catch, VALUE_UNDEFINED, 5, call);
  return value_is_exception(done) ? done : VALUE_TRUE;
}

//> stdlib.emit
/* Calls one listener; a promise it returns may need its rejection captured. */
static Value call_listener(VM *vm, Value emitter, Value f, Value name, int argc, const Value *argv) {
  Value r = vm_handle_push(vm, vm_call(vm, f, emitter, argc, argv));
  if (!value_is_exception(r) && !value_is_nullish(r)) /* a promise, perhaps */
    r = capture_rejection(vm, emitter, r, name, argc, argv);
  return r;
}

/* Most emits find no listener or one: those allocate nothing. Several are copied
 * first, so that a listener added or removed meanwhile does not change this emit. */
Value events_emit(VM *vm, Value emitter, Value name, int argc, const Value *argv) {
  int mark = vm_handle_mark(vm);
  Value events = events_table(vm, emitter, false);
  Value entry = !value_is_object(events) ? events : vm_handle_push(vm, vm_get(vm, events, name));
  Value result = value_is_exception(entry) ? entry : value_from_bool(vm_is_callable(entry));
  if (vm_is_callable(entry)) {
    Value r = call_listener(vm, emitter, entry, name, argc, argv);
    if (value_is_exception(r)) result = r;
  } else if (vm_is_array(entry) && vm_array_length(entry) > 0) {
    Value list = vm_handle_push(vm, listed(vm, entry));
    uint32_t n = vm_array_length(list);
    result = VALUE_TRUE;
    for (uint32_t i = 0; i < n && !value_is_exception(result); i++) {
      Value r = call_listener(vm, emitter, vm_array_get(vm, list, i), name, argc, argv);
      if (value_is_exception(r)) result = r;
    }
  }
  vm_handle_reset(vm, mark);
  return result;
}
//< stdlib.emit

Value events_emit_str(VM *vm, Value emitter, const char *name, int argc, const Value *argv) {
  int mark = vm_handle_mark(vm);
  Value n = vm_handle_push(vm, vm_atom(vm, name)); /* a property key already */
  Value r = events_emit(vm, emitter, n, argc, argv);
  vm_handle_reset(vm, mark);
  return r;
}

/* Node's ERR_UNHANDLED_ERROR for emit('error', value) where value is not an Error:
 * "Unhandled error. (<inspect(value)>)", with the value as its `context`. */
static Value throw_unhandled(VM *vm, Value value) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  Value shown = vm_handle_push(vm, inspect_value(vm, value, &opts));
  if (value_is_exception(shown)) return shown;
  StrBuf sb = {0};
  sb_puts(&sb, "Unhandled error. (");
  sb_put_js(&sb, shown);
  sb_putc(&sb, ')');
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  if (value_is_exception(message)) return message;
  Value e = vm_handle_push(vm, node_error_new(vm, ERR_ERROR, "ERR_UNHANDLED_ERROR", message));
  vm_define_str(vm, e, "context", value, VM_ATTR_DEFAULT);
  return node_throw_from(vm, e, ORIGIN_UNHANDLED);
}

/* The realm's private symbols: [shapeMode, kCapture, errorMonitor]. */
static Value event_symbols(VM *vm) {
  Value syms = vm_intrinsic(vm, INTRINSIC_EVENT_SYMBOLS);
  if (vm_is_array(syms)) return syms;
  static const char *const names[] = {"shapeMode", "kCapture", "events.errorMonitor"};
  syms = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < 3; i++)
    vm_array_push(vm, syms, vm_symbol_new(vm, vm_handle_push(vm, vm_string(vm, names[i]))));
  vm_set_intrinsic(vm, INTRINSIC_EVENT_SYMBOLS, syms);
  return syms;
}

/* ==== The unhandled 'error' event's report ==== */

/* Splits text into its lines, in place; returns how many (at most max). */
static int split_lines(char *text, char **lines, int max) {
  int n = 0;
  for (char *p = text; p && n < max; n++) {
    lines[n] = p;
    p = strchr(p, '\n');
    if (p) *p++ = 0;
  }
  return n;
}

/* node's identicalSequenceRange: the first run of more than 3 lines of a also found, in
 * order, in b (with more than 3 lines left there). *offset is where it starts in a. */
static int identical_run(char **a, int na, char **b, int nb, int *offset) {
  for (int i = 0; i < na - 3; i++) {
    int pos = -1;
    for (int j = 0; j < nb && pos < 0; j++) if (strcmp(a[i], b[j]) == 0) pos = j;
    if (pos < 0 || nb - pos <= 3) continue;
    int len = 1, max = na - i < nb - pos ? na - i : nb - pos;
    while (max > len && strcmp(a[i + len], b[pos + len]) == 0) len++;
    if (len > 3) return *offset = i, len;
  }
  return 0;
}

#define STACK_LINES 256
#define INTERNAL "    at <node internal>" /* stands for one of node's own frames */

/* How many frames of node's own JavaScript lie below a stack whose last frame is `last`
 * (they end every stack in node, and the normalised reports drop them): the main
 * module's six, a timer's two, one below anything else (an immediate, a tick). */
static int internal_frames(const char *last) {
  if (strstr(last, "at Object.<anonymous> (")) return 6;
  return strstr(last, "at Timeout.") ? 2 : 1;
}

/* Appends node's internal frames to a stack's lines, so that runs of frames the two
 * stacks share are found as node finds them. */
static int with_internals(char **lines, int n) {
  int k = n > 1 ? internal_frames(lines[n - 1]) : 0;
  for (int i = 0; i < k; i++) lines[n++] = INTERNAL; /* room: STACK_LINES + 8 */
  return n;
}

/* node's enhanceStackTrace: the error's stack, then "Emitted 'error' event at:" and the
 * frames of the emit (own: "\n    at ..." lines), with the run they share with the
 * error's stack cut to "[... lines matching original stack trace ...]". */
static Value enhanced_stack(VM *vm, Value emitter, Value error, Value own) {
  Value stack = vm_get_str(vm, error, "stack");
  if (!value_is_string(stack)) return value_is_exception(stack) ? vm_take_exception(vm), VALUE_UNDEFINED : VALUE_UNDEFINED;
  Value ctor = vm_get_str(vm, emitter, "constructor");
  Value name = value_is_object(ctor) ? vm_get_str(vm, ctor, "name") : VALUE_UNDEFINED;
  if (vm_has_exception(vm)) vm_take_exception(vm), name = VALUE_UNDEFINED;
  char *err_text = vm_to_utf8(vm, stack, NULL), *own_text = vm_to_utf8(vm, own, NULL);
  char *name_text = value_is_string(name) ? vm_to_utf8(vm, name, NULL) : NULL;
  char *e[STACK_LINES + 8], *o[STACK_LINES + 8];
  char *err_copy = mem_strdup(err_text);
  int ne = split_lines(err_copy, e, STACK_LINES), no = split_lines(own_text, o, STACK_LINES);
  if (no > 1 && strstr(o[1], "(<anonymous>)")) /* emit's own frame: node's stack starts below */
    memmove(o + 1, o + 2, sizeof(char *) * (size_t)(no - 2)), no--;
  ne = with_internals(e, ne), no = with_internals(o, no);
  int offset = 0, len = identical_run(o + 1, no - 1, e + 1, ne - 1, &offset);
  StrBuf sb = {0};
  sb_puts(&sb, err_text);
  sb_puts(&sb, "\nEmitted 'error' event");
  if (name_text && strcmp(name_text, "EventEmitter")) sb_printf(&sb, " on %s instance", name_text);
  sb_puts(&sb, " at:");
  for (int i = 1; i < no; i++) {
    if (len > 0 && i - 1 == offset + 1) { /* node keeps the run's first and last lines */
      sb_puts(&sb, "\n    [... lines matching original stack trace ...]");
      i += len - 2 - 1;
      continue;
    }
    if (strcmp(o[i], INTERNAL)) sb_printf(&sb, "\n%s", o[i]);
  }
  free(err_text), free(own_text), free(name_text), free(err_copy);
  return sb_finish(vm, &sb);
}

/* Throws the Error of an 'error' event nobody listens for, as node does. */
static Value throw_unhandled_error(VM *vm, Value emitter, Value error) {
  Value own = vm_handle_push(vm, vm_stack_trace(vm)); /* "\n    at ..." below emit */
  Value text = vm_handle_push(vm, vm_string_concat(vm, vm_handle_push(vm, vm_string(vm, "Error")), own));
  if (value_is_exception(text)) return vm_take_exception(vm), vm_throw(vm, error);
  Value stack = vm_handle_push(vm, enhanced_stack(vm, emitter, error, text));
  if (!value_is_string(stack)) return node_throw_from(vm, error, ORIGIN_UNHANDLED_ERROR);
  return node_throw_enhanced(vm, error, ORIGIN_UNHANDLED_ERROR, stack);
}

static bool is_error_event(VM *vm, Value name) {
  if (!value_is_string(name)) return false;
  char *text = vm_to_utf8(vm, name, NULL);
  bool is_error = strcmp(text, "error") == 0;
  free(text);
  return is_error;
}

/* emit(name, ...args). For 'error', errorMonitor listeners hear it first, and with no
 * 'error' listener the error is thrown, as Node's EventEmitter does. */
static Value events_emit_native(VM *vm, Value this_value, int argc, Value *argv) {
  Value name = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  int n = argc > 0 ? argc - 1 : 0;
  bool error_event = is_error_event(vm, name);
  if (error_event) {
    Value events = vm_handle_push(vm, events_table(vm, this_value, false));
    if (value_is_exception(events)) return events;
    Value monitor = vm_array_get(vm, event_symbols(vm), 2);
    if (value_is_object(events) && !value_is_undefined(vm_get(vm, events, monitor))) {
      Value r = events_emit(vm, this_value, monitor, n, argv + 1);
      if (value_is_exception(r)) return r;
    }
  }
  Value r = events_emit(vm, this_value, name, n, argv + 1);
  if (r != VALUE_FALSE || !error_event) return r;
  if (argc > 1 && vm_is_error(argv[1])) return throw_unhandled_error(vm, this_value, argv[1]);
  return throw_unhandled(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED);
}

static Value events_listener_count(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = stored_list(vm, this_value, argc > 0 ? argv[0] : VALUE_UNDEFINED);
  return value_is_exception(list) ? list : value_from_number(vm_array_length(list));
}

/* listeners (magic 1: the originals of once wrappers) and rawListeners (magic 0). */
static Value events_listeners(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = vm_handle_push(vm, stored_list(vm, this_value, argc > 0 ? argv[0] : VALUE_UNDEFINED));
  if (value_is_exception(list) || !vm_native_magic(vm)) return list;
  for (uint32_t i = 0; i < vm_array_length(list); i++)
    vm_array_set(vm, list, i, unwrapped(vm, vm_array_get(vm, list, i)));
  return list;
}

/* eventNames(): the names that have listeners, symbols included. */
static Value events_names(VM *vm, Value this_value, int argc, Value *argv) {
  Value events = events_table(vm, this_value, false);
  if (!value_is_object(events)) return value_is_exception(events) ? events : vm_array_new(vm);
  return vm_own_property_keys(vm, events, ALL_KEYS);
}

/* setMaxListeners(n): a number >= 0 (node: validateNumber(n, 'setMaxListeners', 0)). */
static Value events_set_max(VM *vm, Value this_value, int argc, Value *argv) {
  Value n = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_number(n)) return node_throw_arg_type(vm, "setMaxListeners", "of type number", n);
  if (!(value_to_number(n) >= 0)) return node_throw_out_of_range(vm, "setMaxListeners", ">= 0", n);
  Value r = vm_set_key(vm, this_value, &k_max_listeners, n);
  return value_is_exception(r) ? r : this_value;
}

static Value events_get_max(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(max_listeners(vm, this_value));
}

/* EventEmitter.listenerCount(emitter, name), node's deprecated static form. */
static Value events_static_count(VM *vm, Value this_value, int argc, Value *argv) {
  return events_listener_count(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, argc - 1, argv + 1);
}

/* ==== EventEmitter ==== */

/* kCapture for a new emitter: true if opts.captureRejections is (a truthy value that is not
 * a boolean is node's TypeError), else EventEmitter.prototype[kCapture], which the
 * static EventEmitter.captureRejections sets. */
static Value capture_option(VM *vm, Value opts) {
  Value v = value_is_object(opts) ? vm_get_str(vm, opts, "captureRejections") : VALUE_UNDEFINED;
  if (value_is_exception(v)) return v;
  if (vm_truthy(v) && !value_is_bool(v))
    return node_throw_arg_type(vm, "options.captureRejections", "of type boolean", v);
  if (vm_truthy(v)) return VALUE_TRUE;
  Value proto = vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER_PROTOTYPE);
  return vm_get(vm, proto, vm_array_get(vm, event_symbols(vm), 1));
}

/* The five adds init makes on a new emitter: after the first, one shape change
 * (vm_add_run_replay). The run remembers its VM. */
static VMAddRun emitter_run;

/* init on an emitter that has none of its fields yet, without options, once the run is
 * known and the prototype chain is as it was then: the reads below are of plain data
 * (the run's keys are all checked on the chain), as node's would be, and the adds cannot
 * meet a setter. The new _events object comes first: making it may collect, and a
 * collection forgets the run's shapes, so readiness is asked after it. VALUE_HOLE: not
 * ready, init the long way. */
static Value init_fresh_emitter(VM *vm, Value self) {
  Value events = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  if (!vm_add_run_ready(vm, self, &emitter_run)) return VALUE_HOLE;
  Value max = vm_get_key(vm, self, &k_max_listeners);
  Value capture = capture_option(vm, VALUE_UNDEFINED);
  if (value_is_exception(max) || value_is_exception(capture)) return VALUE_EXCEPTION;
  Value values[5] = {events, value_from_number(0), vm_truthy(max) ? max : VALUE_UNDEFINED,
                     VALUE_FALSE, capture};
  vm_add_run_replay(vm, self, &emitter_run, values);
  return self;
}

/* EventEmitter.init: the fields node sets on every emitter, in node's order. */
static Value init_emitter(VM *vm, Value self, Value opts) {
  bool plain = value_is_undefined(opts);
  if (plain && vm_add_run_ready(vm, self, &emitter_run)) {
    Value r = init_fresh_emitter(vm, self);
    if (r != VALUE_HOLE) return r;
  }
  const void *start = vm_add_run_start(self);
  Value events = vm_get_key(vm, self, &k_events);
  if (value_is_exception(events)) return events;
  if (!value_is_object(events) || vm_strict_equals(events, vm_get_key(vm, vm_prototype_of(self), &k_events))) {
    Value r = vm_set_key(vm, self, &k_events, vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL)));
    if (value_is_exception(r)) return r;
    if (value_is_exception(vm_set_key(vm, self, &k_events_count, value_from_number(0)))) return VALUE_EXCEPTION;
  }
  Value max = vm_get_key(vm, self, &k_max_listeners);
  if (value_is_exception(max)) return max;
  if (value_is_exception(vm_set_key(vm, self, &k_max_listeners, vm_truthy(max) ? max : VALUE_UNDEFINED)))
    return VALUE_EXCEPTION;
  Value syms = event_symbols(vm);
  if (value_is_exception(vm_set(vm, self, vm_array_get(vm, syms, 0), VALUE_FALSE))) return VALUE_EXCEPTION;
  Value capture = vm_handle_push(vm, capture_option(vm, opts));
  if (value_is_exception(capture)) return capture;
  if (value_is_exception(vm_set(vm, self, vm_array_get(vm, syms, 1), capture))) return VALUE_EXCEPTION;
  if (plain) vm_add_run_learn(vm, self, &emitter_run, start, 5); /* if these were 5 adds */
  return self;
}

/* new EventEmitter(), or EventEmitter.call(this) in an old-style subclass: init. */
static Value event_emitter(VM *vm, Value this_value, int argc, Value *argv) {
  Value target = vm_new_target(vm);
  Value opts = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (value_is_undefined(target) && value_is_nullish(this_value))
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading '_events')",
                          value_is_null(this_value) ? "null" : "undefined");
  if (value_is_undefined(target)) {
    Value r = value_is_object(this_value) ? init_emitter(vm, this_value, opts) : VALUE_UNDEFINED;
    return value_is_exception(r) ? r : VALUE_UNDEFINED;
  }
  Value proto = vm_get_str(vm, target, "prototype");
  if (value_is_exception(proto)) return proto;
  Value self = vm_handle_push(vm, vm_object_with_proto(vm, value_is_object(proto) ? proto : VALUE_NULL));
  return init_emitter(vm, self, opts);
}

/* In Node's order; on and off are the very functions addListener and removeListener.
 * The three fields come first, as node's prototype has them: an emitter made before init
 * (Object.create(EventEmitter.prototype)) reads undefined, 0 and undefined. */
static const VMPropDef emitter_methods[] = {
    VM_CONSTANT("_events", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_NUMBER("_eventsCount", 0, VM_ATTR_DEFAULT),
    VM_CONSTANT("_maxListeners", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_FN_ENUM("setMaxListeners", events_set_max, 1),
    VM_FN_ENUM("getMaxListeners", events_get_max, 0),
    VM_FN_ENUM("emit", events_emit_native, 1),
    VM_FN_ENUM("addListener", events_on, 2),
    VM_ALIAS("on", "addListener", VM_ATTR_DEFAULT),
    VM_METHOD("prependListener", events_on, 2, 1, VM_ATTR_DEFAULT),
    VM_FN_ENUM("once", events_once, 2),
    VM_METHOD("prependOnceListener", events_once, 2, 1, VM_ATTR_DEFAULT),
    VM_FN_ENUM("removeListener", events_off, 2),
    VM_ALIAS("off", "removeListener", VM_ATTR_DEFAULT),
    VM_FN_ENUM("removeAllListeners", events_remove_all, 1),
    VM_METHOD("listeners", events_listeners, 1, 1, VM_ATTR_DEFAULT),
    VM_FN_ENUM("rawListeners", events_listeners, 1),
    VM_FN_ENUM("listenerCount", events_listener_count, 2),
    VM_FN_ENUM("eventNames", events_names, 0),
    VM_PROPS_END,
};

static const VMPropDef emitter_statics[] = {
    VM_NUMBER("defaultMaxListeners", 10, VM_ATTR_DEFAULT),
    VM_FN_ENUM("listenerCount", events_static_count, 2),
    VM_PROPS_END,
};

static const VMPropDef event_emitter_class = VM_FUNCTION_CONSTRUCTOR(
    "EventEmitter", event_emitter, 1, 0, INTRINSIC_EVENT_EMITTER_PROTOTYPE, emitter_statics,
    emitter_methods);

/* EventEmitter.captureRejections: EventEmitter.prototype[kCapture], which new emitters
 * copy unless their options say; the setter takes only a boolean. */
static Value capture_default_get(VM *vm, Value this_value, int argc, Value *argv) {
  Value proto = vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER_PROTOTYPE);
  return vm_get(vm, proto, vm_array_get(vm, event_symbols(vm), 1));
}

static Value capture_default_set(VM *vm, Value this_value, int argc, Value *argv) {
  Value v = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_bool(v))
    return node_throw_arg_type(vm, "EventEmitter.captureRejections", "of type boolean", v);
  Value proto = vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER_PROTOTYPE);
  Value r = vm_set(vm, proto, vm_array_get(vm, event_symbols(vm), 1), v);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* captureRejectionSymbol and the captureRejections accessor on the constructor, and the
 * default, prototype[kCapture] = false (writable only, as node defines it). */
static void define_capture(VM *vm, Value ctor) {
  Value key = vm_handle_push(vm, vm_string(vm, "nodejs.rejection"));
  vm_define_str(vm, ctor, "captureRejectionSymbol", builtins_symbol_for(vm, key), VM_ATTR_DEFAULT);
  PropertyDescriptor d = {.has_getter = true, .has_setter = true, .has_enumerable = true,
                          .enumerable = true, .has_configurable = true};
  d.getter = vm_handle_push(vm, vm_native_new(vm, "get", capture_default_get, 0));
  d.setter = vm_handle_push(vm, vm_native_new(vm, "set", capture_default_set, 1));
  vm_define_property(vm, ctor, vm_handle_push(vm, vm_string(vm, "captureRejections")), &d);
  PropertyDescriptor f = {.value = VALUE_FALSE, .has_value = true, .has_writable = true,
                          .writable = true, .has_enumerable = true, .has_configurable = true};
  Value proto = vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER_PROTOTYPE);
  vm_define_property(vm, proto, vm_array_get(vm, event_symbols(vm), 1), &f);
}

/* EventEmitter, made once per realm. require('events') is the constructor itself, and
 * EventEmitter.EventEmitter too. */
static Value event_emitter_constructor(VM *vm) {
  Value ctor = vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER);
  if (value_is_object(ctor)) return ctor;
  ctor = vm_handle_push(vm, vm_prop_value(vm, &event_emitter_class));
  vm_set_intrinsic(vm, INTRINSIC_EVENT_EMITTER, ctor);
  vm_define_str(vm, ctor, "EventEmitter", ctor, VM_ATTR_DEFAULT);
  define_capture(vm, ctor);
  vm_define_str(vm, ctor, "errorMonitor", vm_array_get(vm, event_symbols(vm), 2), VM_ATTR_DEFAULT);
  return ctor;
}

Value events_prototype(VM *vm) {
  event_emitter_constructor(vm);
  return vm_intrinsic(vm, INTRINSIC_EVENT_EMITTER_PROTOTYPE);
}

/* The module's functions written in JavaScript (internal/event_target), which know
 * AbortSignals and EventTargets: events.once, events.on, events.addAbortListener. */
static const char *const js_statics[] = {"addAbortListener", "once", "on"};

Value events_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value ctor = vm_handle_push(vm, event_emitter_constructor(vm));
  if (vm_has_own_str(vm, ctor, "on")) return ctor;
  for (size_t i = 0; i < sizeof js_statics / sizeof *js_statics; i++) {
    Value fn = web_export(vm, js_statics[i]);
    if (value_is_exception(fn)) return fn;
    vm_define_str(vm, ctor, js_statics[i], fn, VM_ATTR_DEFAULT);
  }
  return ctor;
}
