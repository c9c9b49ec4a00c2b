/* error.c - throwing, error objects, and the stack traces they carry.
 * Book: chapter 5, "The VM loop".
 *
 *   vm_throw, vm_throw_error   make an exception pending (natives return its marker)
 *   vm_make_error              an Error object with .message and .stack
 *   vm_stack_trace             V8-style "    at f (file:line:col)" lines
 *   proto_position             the line table lookup every one of them uses
 */
#include <stdarg.h>

#include "lexer/alloc.h"
#include "parser/ast.h"
#include "vm/internal.h"

#define STACK_TRACE_LIMIT 10 /* V8's Error.stackTraceLimit default */

//> vm.line-lookup
void proto_position(const FunctionProto *proto, uint32_t offset, int *line, int *column) {
  *line = 0, *column = 0;
  uint32_t lo = 0, hi = proto->line_count; /* find the last entry with pc <= offset */
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (proto->lines[mid].pc <= offset) lo = mid + 1;
    else hi = mid;
  }
  const LineEntry *e = lo > 0 ? &proto->lines[lo - 1] : proto->line_count ? &proto->lines[0] : NULL;
  if (e) *line = (int)e->line, *column = (int)e->column;
}
//< vm.line-lookup

/* The innermost JavaScript frame and the offset of the instruction it is at. */
static Frame *current_js_frame(VM *vm, uint32_t *offset) {
  for (int i = vm->frame_count - 1; i >= 0; i--) {
    Frame *f = &vm->frames[i];
    if (!f->proto) continue;
    *offset = f->pc > f->proto->code ? (uint32_t)(f->pc - f->proto->code) - 1 : 0;
    return f;
  }
  return NULL;
}

Value vm_throw(VM *vm, Value exception) {
  vm->exception = exception;
  vm->has_exception = 1;
  uint32_t offset;
  Frame *f = current_js_frame(vm, &offset);
  vm->exception_site = (SourceSite){NULL, 0, 0, 1};
  if (f) {
    vm->exception_site.filename = f->proto->filename;
    proto_position(f->proto, offset, &vm->exception_site.line, &vm->exception_site.column);
  }
  return VALUE_EXCEPTION;
}

Value vm_throw_error(VM *vm, ErrorKind kind, const char *fmt, ...) {
  char small[256], *buf = small;
  if (!fmt) fmt = ""; /* never NULL; this quiets gcc's -Wformat-truncation at -O1 */
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  int length = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (length >= (int)sizeof small) { /* messages quote user strings of any length */
    buf = mem_alloc((size_t)length + 1);
    vsnprintf(buf, (size_t)length + 1, fmt, again);
  }
  va_end(again);
  int mark = vm_handle_mark(vm);
  Value message = vm_handle_push(vm, vm_string(vm, length < 0 ? "" : buf));
  if (buf != small) free(buf);
  Value error = vm_make_error(vm, kind, message);
  vm_handle_reset(vm, mark);
  return vm_throw(vm, error);
}

bool vm_has_exception(VM *vm) { return vm->has_exception; }

Value vm_terminate(VM *vm) {
  vm->exception = VALUE_UNDEFINED;
  vm->has_exception = 1;
  vm->terminating = 1;
  return VALUE_EXCEPTION;
}

bool vm_is_terminating(VM *vm) { return vm->terminating; }

void vm_interrupt(VM *vm, bool on) { vm->interrupt = on; }

/* The interrupt has come (interp.c, at a JUMP): node's error, thrown as a
 * termination so that no handler sees it. */
Value error_interrupted(VM *vm) {
  vm->interrupt = 0;
  Value message = vm_handle_push(vm, vm_string(vm, "Script execution was interrupted by `SIGINT`"));
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_ERROR, message));
  vm_define_str(vm, e, "code", vm_string(vm, "ERR_SCRIPT_EXECUTION_INTERRUPTED"),
                VM_ATTR_DEFAULT);
  vm_throw(vm, e);
  vm->terminating = 1;
  return VALUE_EXCEPTION;
}

Value vm_take_exception(VM *vm) {
  Value e = vm->exception;
  vm->exception = VALUE_UNDEFINED;
  vm->has_exception = 0;
  vm->terminating = 0;
  return e;
}

Value vm_pending_exception(VM *vm) { return vm->has_exception ? vm->exception : VALUE_UNDEFINED; }

SourceSite vm_exception_site(VM *vm) { return vm->exception_site; }

/* ==== Error objects ==== */

static const char *const error_names[] = {"Error",       "TypeError",   "RangeError", "ReferenceError",
                                          "SyntaxError", "EvalError",   "URIError"};

/* ErrorUtils::ToString without side effects: "name: message", "name" or "message". */
static Value error_header(VM *vm, Object *error, Value message, ErrorKind kind) {
  Value name = object_get(vm, error, value_from_string(vm->atom_name), value_from_object(error));
  if (!value_is_string(name)) name = vm_string(vm, error_names[kind]);
  vm_handle_push(vm, name);
  if (!value_is_string(message) || value_to_string(message)->length == 0) return name;
  if (value_to_string(name)->length == 0) return message;
  Value sep = vm_handle_push(vm, vm_string(vm, ": "));
  return vm_string_concat(vm, vm_string_concat(vm, name, sep), message);
}

//> vm.make-error
Value vm_make_error(VM *vm, ErrorKind kind, Value message) {
  int mark = vm_handle_mark(vm);
  Object *proto = vm->intrinsics[INTRINSIC_ERROR_PROTOTYPE + kind];
  Object *error = object_new_class(vm, CLASS_ERROR, sizeof(Object), proto);
  Value ev = vm_handle_push(vm, value_from_object(error));
  Value header = vm_handle_push(vm, error_header(vm, error, message, kind));
  Value trace = vm_handle_push(vm, vm_stack_trace(vm));
  Value stack = value_to_string(trace)->length ? vm_string_concat(vm, header, trace) : header;
  if (error_trace_limit(vm) < 0) stack = VALUE_UNDEFINED; /* Error.stackTraceLimit = null */
  object_define_own(vm, error, value_from_string(vm->atom_stack), stack, ATTR_HIDDEN);
  if (!value_is_undefined(message)) /* after stack: V8's own-key order */
    object_define_own(vm, error, value_from_string(vm->atom_message), message, ATTR_HIDDEN);
  vm_handle_reset(vm, mark);
  return ev;
}
//< vm.make-error

/* ==== Stack traces ==== */

/* The name of the constructor of an object, looked up without running code. */
String *error_constructor_name(VM *vm, Object *o) {
  for (; o; o = o->proto) {
    bool found;
    Value ctor = object_get_own(o, value_from_string(vm->atom_constructor), &found);
    if (!found || !value_is_object(ctor)) continue;
    Value name = object_get_own(value_to_object(ctor), value_from_string(vm->atom_name), &found);
    if (found && value_is_string(name) && value_to_string(name)->length) return value_to_string(name);
  }
  return NULL;
}

/* A data property of o or its prototypes, read without running code (V8's
 * GetDataProperty): an accessor, a proxy on the way, or nothing is undefined. */
static Value data_property(VM *vm, Object *o, Value key) {
  for (; o; o = o->proto) {
    PropertyInfo info;
    if (o->klass == CLASS_PROXY) return VALUE_UNDEFINED;
    if (vm_get_own_property(vm, value_from_object(o), key, &info))
      return info.is_accessor ? VALUE_UNDEFINED : info.value;
  }
  return VALUE_UNDEFINED;
}

/* The intrinsic prototype's own toString (Object's or Error's), to recognise it. */
static Value intrinsic_to_string(VM *vm, int which) {
  return data_property(vm, vm->intrinsics[which], value_from_string(vm->atom_toString));
}

/* "name: message", as Error.prototype.toString would say it, from data properties. */
static void describe_error(VM *vm, Object *o, char *out, size_t size) {
  Value name = data_property(vm, o, value_from_string(vm->atom_name));
  Value message = data_property(vm, o, value_from_string(vm->atom_message));
  char *n = value_is_string(name) ? vm_to_utf8(vm, name, NULL) : mem_strdup("Error");
  char *m = value_is_string(message) ? vm_to_utf8(vm, message, NULL) : mem_strdup("");
  snprintf(out, size, "%s%s%s", n, *n && *m ? ": " : "", m);
  free(n);
  free(m);
}

//> vm.describe-object
/* V8's NoSideEffectsToString for an object: a function is its source text; an error,
 * "TypeError: bad"; an object whose toString is Object.prototype's, #<Ctor> after its
 * constructor's name; anything else [object Tag], with its Symbol.toStringTag (a data
 * property) or else its class's name. */
void error_describe_object(VM *vm, Value obj, char *out, size_t size) {
  Object *o = value_to_object(obj);
  if (vm_is_callable(obj)) {
    Value src = vm_function_source(vm, obj);
    char *text = value_is_string(src) ? vm_to_utf8(vm, src, NULL) : NULL;
    if (!text) {
      char *name = vm_to_utf8(vm, vm_function_name(vm, obj), NULL);
      snprintf(out, size, "function %s() { [native code] }", name);
      free(name);
    } else {
      snprintf(out, size, "%s", text);
    }
    free(text);
    return;
  }
  Value to_string = data_property(vm, o, value_from_string(vm->atom_toString));
  if (o->klass == CLASS_ERROR || to_string == intrinsic_to_string(vm, INTRINSIC_ERROR_PROTOTYPE)) {
    describe_error(vm, o, out, size);
    return;
  }
  Value ctor = data_property(vm, o, value_from_string(vm->atom_constructor));
  if (to_string == intrinsic_to_string(vm, INTRINSIC_OBJECT_PROTOTYPE) && vm_is_callable(ctor)) {
    Value name = data_property(vm, value_to_object(ctor), value_from_string(vm->atom_name));
    if (value_is_string(name) && value_to_string(name)->length) {
      char *n = vm_to_utf8(vm, name, NULL);
      snprintf(out, size, "#<%s>", n);
      free(n);
      return;
    }
  }
  Value tag = data_property(vm, o, vm_well_known_symbol(vm, VM_SYMBOL_TO_STRING_TAG));
  char *t = value_is_string(tag) ? vm_to_utf8(vm, tag, NULL) : NULL;
  snprintf(out, size, "[object %s]", t ? t : vm_class_name(vm, obj));
  free(t);
}
//< vm.describe-object

/* The "K" of "at K.m": the receiver's constructor's name; a class itself (a static
 * method's receiver) goes by its own name. */
static String *receiver_type_name(VM *vm, Object *recv) {
  if (recv->klass == CLASS_CLOSURE && (((Closure *)recv)->proto->flags & FN_CONSTRUCTOR)) {
    String *name = ((Closure *)recv)->proto->name;
    if (name->length) return name;
  }
  return error_constructor_name(vm, recv);
}

/* V8's method name: the key under which the receiver (or its prototype chain) holds
 * fn, as a data property's value (e.g. Timeout._onTimeout) or, for an accessor function,
 * as an accessor's getter or setter; the function's own name (without "get "/"set ")
 * wins over other keys. */
/* Is key the text own (UTF-8; NULL: no text)? */
static bool key_is(const String *key, const char *own) {
  return own && !key->wide && key->length == strlen(own) && !memcmp(key->data, own, key->length);
}

static String *method_name(VM *vm, Object *receiver, Object *fn, const char *own,
                           bool accessor) {
  String *found_key = NULL;
  for (Object *o = receiver; o && !found_key; o = o->proto) {
    Array *keys = object_own_keys(vm, o, VM_KEYS_STRINGS | VM_KEYS_HIDDEN);
    for (uint32_t i = 0; i < keys->length; i++) {
      uint8_t attrs;
      int slot = object_find_slot(o, keys->elements[i], &attrs);
      bool found;
      Value v = slot >= 0 ? o->slots[slot] : object_get_own(o, keys->elements[i], &found);
      if (slot < 0 && !found) continue;
      bool is_accessor = slot >= 0 && (attrs & ATTR_ACCESSOR);
      bool holds = !accessor && !is_accessor && v == value_from_object(fn);
      if (accessor && is_accessor) {
        Accessor *acc = (Accessor *)value_to_ptr(v);
        holds = acc->getter == value_from_object(fn) || acc->setter == value_from_object(fn);
      }
      if (!holds) continue;
      String *key = value_to_string(keys->elements[i]);
      if (key_is(key, own)) return key;
      if (!found_key) found_key = key;
    }
  }
  return found_key;
}

/* A getter or setter written with get/set syntax: its name is "get x" or "set x". */
static bool is_accessor_function(const FunctionProto *p, const char *name) {
  return p && (p->flags & FN_METHOD) && (!strncmp(name, "get ", 4) || !strncmp(name, "set ", 4));
}

/* The "f", "Object.f", "Object.f [as g]", "get x [as x]", "new F" or "" part of one
 * frame's line. V8 names the receiver's type before a method's name, except for an
 * accessor function; " [as key]" follows when the key holding the function is not its
 * name. */
static void frame_function_part(VM *vm, Frame *f, char *out, size_t size) {
  Value name_v = f->proto ? value_from_string(f->proto->name) : vm_function_name(vm, value_from_object(f->function));
  char *name = vm_to_utf8(vm, name_v, NULL);
  bool toplevel = f->proto && (f->proto->flags & FN_TOPLEVEL);
  Value recv = f->this_value;
  bool has_receiver = value_is_object(recv) &&
                      value_to_object(recv) != vm->intrinsics[INTRINSIC_GLOBAL];
  if (f->is_construct || (!f->proto && value_is_object(f->new_target))) {
    snprintf(out, size, "new %s", *name ? name : "<anonymous>");
  } else if (has_receiver && !toplevel) {
    bool accessor = is_accessor_function(f->proto, name);
    const char *own = !*name ? NULL : accessor ? name + 4 : name;
    String *method = method_name(vm, value_to_object(recv), f->function, own, accessor);
    String *type = accessor ? NULL : receiver_type_name(vm, value_to_object(recv));
    int n = snprintf(out, size, "%s%s%s", accessor ? "" : type ? (char *)type->data : "Object",
                     accessor ? "" : ".",
                     *name ? name : method ? (char *)method->data : "<anonymous>");
    bool as = *name && method && (accessor || !key_is(method, own));
    if (as && n >= 0 && (size_t)n < size)
      snprintf(out + n, size - (size_t)n, " [as %s]", (char *)method->data);
  } else if (has_receiver) {
    String *type = receiver_type_name(vm, value_to_object(recv));
    snprintf(out, size, "%s.%s", type ? (char *)type->data : "Object", *name ? name : "<anonymous>");
  } else {
    snprintf(out, size, "%s", name);
  }
  free(name);
}

static void append(char **buf, size_t *len, size_t *cap, const char *text) {
  size_t n = strlen(text);
  if (*len + n + 1 > *cap) {
    *cap = (*len + n + 1) * 2;
    *buf = mem_realloc(*buf, *cap);
  }
  memcpy(*buf + *len, text, n + 1);
  *len += n;
}

SourceSite vm_error_site(VM *vm, Value error) {
  SourceSite site = {NULL, 0, 0, 1};
  bool found;
  Value stack = value_is_object(error) ? object_get_own(value_to_object(error), value_from_string(vm->atom_stack), &found)
                                       : VALUE_UNDEFINED;
  if (!value_is_string(stack)) return site;
  char *text = vm_to_utf8(vm, stack, NULL);
  char *at = strstr(text, "\n    at "), *end = at ? strchr(at + 1, '\n') : NULL;
  if (end) *end = 0;
  if (at && end && end[-1] == ')') *--end = 0;
  char *col = at ? strrchr(at, ':') : NULL, *line = NULL;
  if (col) *col = 0, line = strrchr(at, ':');
  if (line) {
    *line = 0;
    char *file = strrchr(at, '(') ? strrchr(at, '(') + 1 : at + 8;
    site = (SourceSite){vm_intern_filename(vm, file), atoi(line + 1), atoi(col + 1), 1};
  }
  free(text);
  return site;
}

/* One line of a stack trace: "\n    at f (file:line:col)"; prefix "async " for a
 * function that waits in an await. */
/* The line and column of the instruction a frame of bytecode is at. */
static void frame_position(const Frame *f, int *line, int *column) {
  uint32_t offset = f->pc > f->proto->code ? (uint32_t)(f->pc - f->proto->code) - 1 : 0;
  proto_position(f->proto, offset, line, column);
}

static void frame_line(VM *vm, Frame *f, const char *prefix, char *line, size_t size) {
  char fn[512], where[600];
  frame_function_part(vm, f, fn, sizeof fn);
  if (f->proto) {
    int ln, col;
    frame_position(f, &ln, &col);
    snprintf(where, sizeof where, "%s:%d:%d", f->proto->filename, ln, col);
  } else {
    snprintf(where, sizeof where, "<anonymous>");
  }
  if (*fn) snprintf(line, size, "\n    at %s%s (%s)", prefix, fn, where);
  else snprintf(line, size, "\n    at %s%s", prefix, where);
}

/* A generator's frame runs because next, throw or return resumed it; V8 shows that
 * builtin below it as "at g.next (<anonymous>)". */
static void resumer_line(VM *vm, Frame *f, char *line, size_t size) {
  static const char *const methods[] = {"next", "throw", "return"};
  char *name = vm_to_utf8(vm, value_from_string(f->proto->name), NULL);
  snprintf(line, size, "\n    at %s.%s (<anonymous>)", *name ? name : "Generator",
           methods[f->gen->resume_mode]);
  free(name);
}

/* The async function awaiting g's promise (an await registers the generator itself as
 * the reaction), or NULL. */
static Generator *awaiting(Generator *g) {
  if (g->kind != GEN_ASYNC_FUNCTION || !vm_is_promise(g->promise)) return NULL;
  Promise *p = (Promise *)value_to_object(g->promise);
  for (uint32_t i = 0; i < p->reaction_count; i++) {
    Value h = p->reactions[i].on_fulfilled;
    if (value_is_object(h) && value_to_object(h)->klass == CLASS_GENERATOR) return (Generator *)value_to_object(h);
  }
  return NULL;
}

/* Error.stackTraceLimit as V8 reads it, a data property of %Error% (no getter runs): how
 * many frames a stack shows, or -1 when it is no number (new errors then get an undefined
 * stack). */
static Object *error_constructor(VM *vm) {
  bool found;
  Object *proto = vm->intrinsics[INTRINSIC_ERROR_PROTOTYPE];
  Value ctor = object_get_own(proto, value_from_string(vm->atom_constructor), &found);
  return found && value_is_object(ctor) ? value_to_object(ctor) : NULL;
}

int error_trace_limit(VM *vm) {
  bool found;
  Object *ctor = error_constructor(vm);
  if (!ctor) return STACK_TRACE_LIMIT;
  Value limit = object_get_own(ctor, vm_atom(vm, "stackTraceLimit"), &found);
  if (!found || !value_is_number(limit)) return -1;
  double d = value_to_number(limit);
  return !(d > 0) ? 0 : d >= 1e6 ? 1000000 : (int)d;
}

/* Whether Error.prepareStackTrace is a function (an own data property of %Error%). */
bool error_has_stack_hook(VM *vm) {
  bool found;
  Object *ctor = error_constructor(vm);
  Value hook = ctor ? object_get_own(ctor, vm_atom(vm, "prepareStackTrace"), &found) : VALUE_UNDEFINED;
  return ctor && found && vm_is_callable(hook);
}

//> vm.stack-trace
/* The frames from the innermost out, then V8's async frames: below an async function,
 * the chain of async functions awaiting it, each at its await ("at async g ..."). */
Value vm_stack_trace(VM *vm) {
  char *buf = NULL, line[1200];
  size_t len = 0, cap = 0;
  append(&buf, &len, &cap, "");
  int shown = 0, limit = error_trace_limit(vm);
  Frame *last = NULL;
  for (int i = vm->frame_count - 1; i >= 0 && shown < limit; i--) {
    Frame *f = &vm->frames[i];
    if (value_from_object(f->function) == vm->promise_job) continue; /* V8 shows none */
    frame_line(vm, f, "", line, sizeof line);
    append(&buf, &len, &cap, line);
    shown++, last = f;
    if (f->gen && f->gen->kind == GEN_SYNC && shown < limit) {
      resumer_line(vm, f, line, sizeof line); /* V8's builtin frame: "at g.next" */
      append(&buf, &len, &cap, line);
      shown++;
    }
  }
  for (Generator *g = last && last->gen ? awaiting(last->gen) : NULL;
       g && shown < limit; g = awaiting(g), shown++) {
    Frame f = {.function = &g->function->base, .proto = g->function->proto,
               .pc = g->function->proto->code + g->pc, .this_value = g->this_value,
               .new_target = VALUE_UNDEFINED};
    frame_line(vm, &f, "async ", line, sizeof line);
    append(&buf, &len, &cap, line);
  }
  Value s = vm_string_n(vm, buf, len);
  free(buf);
  return s;
}
//< vm.stack-trace

/* ==== Call sites, for Error.prepareStackTrace ==== */

/* One frame as V8's CallSite sees it: [text, fileName, line, column, functionName,
 * typeName, methodName, this, function, flags] (flags: 1 top-level, that is called
 * without an object receiver, 2 constructor, 4 async, 8 strict: V8 hides this and the
 * function of a strict frame and of every frame below it, so *strict carries it down). */
static Value call_site_record(VM *vm, Frame *f, bool async, bool *strict) {
  char line[1200];
  frame_line(vm, f, async ? "async " : "", line, sizeof line);
  Value r = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, r, vm_handle_push(vm, vm_string(vm, line + strlen("\n    at "))));
  int ln = 0, col = 0;
  if (f->proto) frame_position(f, &ln, &col);
  vm_array_push(vm, r, f->proto ? vm_handle_push(vm, vm_string(vm, f->proto->filename)) : VALUE_UNDEFINED);
  vm_array_push(vm, r, f->proto ? value_from_number(ln) : VALUE_NULL);
  vm_array_push(vm, r, f->proto ? value_from_number(col) : VALUE_NULL);
  Value name = f->proto ? value_from_string(f->proto->name) : vm_function_name(vm, value_from_object(f->function));
  bool toplevel = f->proto && (f->proto->flags & FN_TOPLEVEL);
  vm_array_push(vm, r, value_is_string(name) && value_to_string(name)->length ? name : VALUE_NULL);
  Value recv = f->this_value;
  bool object_recv = value_is_object(recv) && value_to_object(recv) != vm->intrinsics[INTRINSIC_GLOBAL];
  String *type = object_recv ? receiver_type_name(vm, value_to_object(recv)) : NULL;
  String *method = object_recv && !toplevel ? method_name(vm, value_to_object(recv), f->function, NULL, false) : NULL;
  vm_array_push(vm, r, type ? value_from_string(type) : VALUE_NULL);
  vm_array_push(vm, r, method ? value_from_string(method) : VALUE_NULL);
  vm_array_push(vm, r, recv);
  vm_array_push(vm, r, value_from_object(f->function));
  *strict = *strict || (f->proto && (f->proto->flags & FN_STRICT));
  int flags = (object_recv ? 0 : 1) | (f->is_construct ? 2 : 0) | (async ? 4 : 0) | (*strict ? 8 : 0);
  vm_array_push(vm, r, value_from_number(flags));
  return r;
}

Value error_call_site_records(VM *vm, int hide) {
  int mark = vm_handle_mark(vm);
  Value list = vm_handle_push(vm, vm_array_new(vm));
  int shown = 0, limit = error_trace_limit(vm), top = vm->frame_count - 1 - hide;
  Frame *last = NULL;
  bool strict = false;
  for (int i = top; i >= 0 && shown < limit; i--) {
    Frame *f = &vm->frames[i];
    if (value_from_object(f->function) == vm->promise_job) continue;
    vm_array_push(vm, list, call_site_record(vm, f, false, &strict));
    shown++, last = f;
  }
  for (Generator *g = last && last->gen ? awaiting(last->gen) : NULL; g && shown < limit;
       g = awaiting(g), shown++) {
    Frame f = {.function = &g->function->base, .proto = g->function->proto,
               .pc = g->function->proto->code + g->pc, .this_value = g->this_value,
               .new_target = VALUE_UNDEFINED};
    vm_array_push(vm, list, call_site_record(vm, &f, true, &strict));
  }
  vm_handle_reset(vm, mark);
  return list;
}

/* ==== Debug printing ==== */

/* <fn name>, <fn (anonymous)>, <native name>: the name read without running code. */
static void debug_print_function(VM *vm, Object *o, FILE *out) {
  bool native = o->klass == CLASS_NATIVE;
  String *name = native ? value_to_string(vm_function_name(vm, value_from_object(o)))
                        : ((Closure *)o)->proto->name;
  char *utf8 = string_to_utf8(name, NULL);
  fprintf(out, "<%s %s>", native ? "native" : "fn", *utf8 ? utf8 : "(anonymous)");
  free(utf8);
}

void debug_print_value(VM *vm, Value v, FILE *out) {
  char buf[40];
  if (value_is_number(v)) {
    fputs(vm_number_to_cstr(value_to_number(v), buf), out);
  } else if (value_is_string(v)) {
    String *s = value_to_string(v);
    fputc('"', out);
    for (uint32_t i = 0; i < s->length && i < 40; i++) {
      uint16_t u = string_unit(s, i);
      if (u >= 32 && u < 127) fputc(u, out);
      else fprintf(out, "\\u%04x", u);
    }
    fputs(s->length > 40 ? "\"..." : "\"", out);
  } else if (value_is_symbol(v)) {
    fputs("Symbol()", out);
  } else if (value_is_object(v)) {
    Object *o = value_to_object(v);
    if (o->klass == CLASS_ARRAY) fprintf(out, "[Array(%u)]", ((Array *)o)->length);
    else if (o->klass == CLASS_CLOSURE || o->klass == CLASS_NATIVE) debug_print_function(vm, o, out);
    else fputs("[object]", out);
  } else if (value_is_thing(v)) {
    fputs("<cell>", out);
  } else {
    static const char *names[] = {"?", "undefined", "null", "false", "true", "<hole>", "<exception>"};
    fputs(names[v & 7], out);
  }
}
