/* inspect_describe.c - what util.inspect calls an object: the constructor name found on
 * its prototype chain, the prefix built from it ("Foo ", "[Object: null prototype] "),
 * its Symbol.toStringTag, and the "base" text some objects print before their braces:
 * [Function: f], [class A extends B], [Number: 3], a date, a regexp.
 * Book: chapter 10, "Console and inspect".
 *
 * Entry points: inspect_constructor_name, inspect_put_prefix, inspect_put_*_base.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

/* ==== The constructor name and the prefix ==== */

/* OrdinaryHasInstance without running code other than a `prototype` getter. */
static bool is_instance_of(VM *vm, Value obj, Value ctor) {
  Value proto = vm_get_str(vm, ctor, "prototype");
  if (value_is_exception(proto)) {
    vm_take_exception(vm); /* Node's isInstanceof swallows errors */
    return false;
  }
  if (!value_is_object(proto)) return false;
  for (Value p = vm_prototype_of(obj); value_is_object(p); p = vm_prototype_of(p))
    if (p == proto) return true;
  return false;
}

static bool own_data(VM *vm, Value obj, const char *key, PropertyInfo *p) {
  return vm_get_own_property(vm, obj, vm_atom(vm, key), p) && !p->is_accessor;
}

/* Objects whose chain ends without a named constructor: "Object <Proto>". */
static char *complex_constructor_name(InspectCtx *ctx, Value obj, Value first_proto,
                                      int recurse_times, bool *failed) {
  StrBuf sb = {0};
  sb_printf(&sb, "%s <", vm_class_name(ctx->vm, obj)); /* V8's name for its class */
  if (recurse_times > ctx->opts.depth || inspect_stack_exhausted(ctx)) {
    sb_puts(&sb, "Complex prototype>");
    return sb_take(&sb);
  }
  char *proto_name = inspect_constructor_name(ctx, first_proto, recurse_times + 1, failed);
  if (proto_name) {
    sb_puts(&sb, proto_name);
  } else if (!*failed) { /* inspect the prototype itself, without descending */
    InspectCtx sub = *ctx;
    sub.opts.depth = -1, sub.opts.custom_inspect = false;
    sub.seen = NULL, sub.seen_count = sub.seen_cap = 0;
    sub.circular = NULL, sub.circular_count = sub.circular_cap = 0;
    proto_name = inspect_format_value(&sub, first_proto, 0);
    free(sub.seen), free(sub.circular);
    if (proto_name) sb_puts(&sb, proto_name);
    else *failed = true;
  }
  free(proto_name);
  sb_putc(&sb, '>');
  if (*failed) {
    sb_free(&sb);
    return NULL;
  }
  return sb_take(&sb);
}

//> stdlib.constructor-name
/* getConstructorName: the name of the first `constructor` on the prototype chain that
 * obj is an instance of, read from own data properties so that no getter on the chain
 * runs. NULL with *failed false means "null prototype"; *failed true means an exception. */
char *inspect_constructor_name(InspectCtx *ctx, Value obj, int recurse_times, bool *failed) {
  VM *vm = ctx->vm;
  Value first_proto = VALUE_HOLE; /* not looked at yet */
  for (Value o = obj; value_is_object(o); o = vm_prototype_of(o)) {
    if (o == vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE)) return mem_strdup("Object");
    if (o == vm_intrinsic(vm, INTRINSIC_FUNCTION_PROTOTYPE)) return mem_strdup("Function");
    PropertyInfo p;
    if (own_data(vm, o, "constructor", &p) && vm_is_callable(p.value)) {
      Value name = vm_get_str(vm, p.value, "name");
      if (value_is_exception(name)) return *failed = true, NULL;
      bool empty = value_is_string(name) && vm_string_length(name) == 0;
      if (!empty && is_instance_of(vm, obj, p.value)) {
        char *s = inspect_to_cstr(vm, name);
        if (!s) *failed = true;
        return s;
      }
    }
    if (first_proto == VALUE_HOLE) first_proto = vm_prototype_of(o);
  }
  if (!value_is_object(first_proto)) return NULL;
  return complex_constructor_name(ctx, obj, first_proto, recurse_times, failed);
}
//< stdlib.constructor-name

/* getPrefix: "Foo ", "Foo(3) [Tag] ", or "[Array(2): null prototype] ". */
void inspect_put_prefix(StrBuf *sb, const char *constructor, const char *tag,
                       const char *fallback, const char *size) {
  if (!constructor) {
    sb_printf(sb, "[%s%s: null prototype] ", fallback, size);
    if (tag[0] && strcmp(fallback, tag) != 0) sb_printf(sb, "[%s] ", tag);
    return;
  }
  sb_printf(sb, "%s%s ", constructor, size);
  if (tag[0] && strcmp(constructor, tag) != 0) sb_printf(sb, "[%s] ", tag);
}

/* getCtxStyle: the prefix of an ordinary object (the fallback names its V8 class). */
void inspect_put_ctx_style(VM *vm, StrBuf *sb, Value obj, const char *constructor,
                           const char *tag) {
  const char *fallback = "";
  if (!constructor) {
    fallback = vm_class_name(vm, obj);
    if (strcmp(fallback, tag) == 0) fallback = "Object";
  }
  inspect_put_prefix(sb, constructor, tag, fallback, "");
}

/* value[Symbol.toStringTag] when it is a string that is not an own (enumerable) key,
 * else "". NULL on exception. */
char *inspect_string_tag(InspectCtx *ctx, Value obj) {
  VM *vm = ctx->vm;
  Value sym = vm_well_known_symbol(vm, VM_SYMBOL_TO_STRING_TAG);
  Value tag = vm_get(vm, obj, sym);
  if (value_is_exception(tag)) return NULL;
  if (!value_is_string(tag) || vm_string_length(tag) == 0) return mem_strdup("");
  PropertyInfo p;
  if (vm_get_own_property(vm, obj, sym, &p) &&
      (ctx->opts.show_hidden || (p.attrs & VM_ATTR_ENUMERABLE)))
    return mem_strdup("");
  return vm_to_wtf8(tag);
}

/* ==== Bases: the text before the braces ==== */

/* getClassBase: [class A], [class B extends A], [class (anonymous)]. */
static bool put_class_base(InspectCtx *ctx, StrBuf *sb, Value fn, const char *constructor,
                           const char *tag) {
  VM *vm = ctx->vm;
  PropertyInfo p;
  char *name = NULL;
  if (vm_get_own_property(vm, fn, vm_atom(vm, "name"), &p)) {
    Value n = vm_get_str(vm, fn, "name");
    if (value_is_exception(n)) return false;
    if (vm_truthy(n) && !(name = inspect_to_cstr(vm, n))) return false;
  }
  sb_printf(sb, "[class %s", name ? name : "(anonymous)");
  free(name);
  if (constructor && strcmp(constructor, "Function") != 0) sb_printf(sb, " [%s]", constructor);
  if (tag[0] && (!constructor || strcmp(constructor, tag) != 0)) sb_printf(sb, " [%s]", tag);
  if (!constructor) {
    sb_puts(sb, " extends [null prototype]");
  } else {
    Value super_name = vm_get_str(vm, vm_prototype_of(fn), "name");
    if (value_is_exception(super_name)) return false;
    char *s = vm_truthy(super_name) ? inspect_to_cstr(vm, super_name) : NULL;
    if (s) sb_printf(sb, " extends %s", s);
    free(s);
  }
  sb_putc(sb, ']');
  return true;
}

/* getFunctionBase: [Function: f], [AsyncFunction (anonymous)], [Function: bound g] Foo. */
bool inspect_put_function_base(InspectCtx *ctx, StrBuf *sb, Value fn, const char *constructor,
                              const char *tag) {
  VMFunctionKind kind = vm_function_kind(fn);
  if (kind == VM_FN_CLASS) return put_class_base(ctx, sb, fn, constructor, tag);
  const char *type = kind == VM_FN_ASYNC             ? "AsyncFunction"
                     : kind == VM_FN_GENERATOR       ? "GeneratorFunction"
                     : kind == VM_FN_ASYNC_GENERATOR ? "AsyncGeneratorFunction"
                                                     : "Function";
  sb_printf(sb, "[%s", type);
  if (!constructor) sb_puts(sb, " (null prototype)");
  Value name = vm_get_str(ctx->vm, fn, "name");
  if (value_is_exception(name)) return false;
  if (value_is_string(name) && vm_string_length(name) == 0) {
    sb_puts(sb, " (anonymous)");
  } else {
    char *s = inspect_to_cstr(ctx->vm, name);
    if (!s) return false;
    sb_printf(sb, ": %s", s);
    free(s);
  }
  sb_putc(sb, ']');
  if (constructor && strcmp(constructor, type) != 0) sb_printf(sb, " %s", constructor);
  if (tag[0] && (!constructor || strcmp(constructor, tag) != 0)) sb_printf(sb, " [%s]", tag);
  return true;
}

/* getBoxedBase: [Number: 3], [String: 'abc'], [Boolean (MyBool): true]. */
void inspect_put_boxed_base(InspectCtx *ctx, StrBuf *sb, Value obj, const char *constructor,
                           const char *tag) {
  const char *type = vm_class_name(ctx->vm, obj);
  StrBuf tmp = {0};
  sb_printf(&tmp, "[%s", type);
  if (!constructor) sb_puts(&tmp, " (null prototype)");
  else if (strcmp(type, constructor) != 0) sb_printf(&tmp, " (%s)", constructor);
  sb_puts(&tmp, ": ");
  InspectCtx plain = *ctx; /* the primitive is never coloured on its own */
  plain.opts.colors = false;
  inspect_format_primitive(&plain, &tmp, vm_inner_value(obj));
  sb_putc(&tmp, ']');
  if (tag[0] && (!constructor || strcmp(tag, constructor) != 0)) sb_printf(&tmp, " [%s]", tag);
  sb_puts(sb, tmp.data);
  sb_free(&tmp);
}

/* Date.prototype.toISOString, or "Invalid Date". */
void inspect_put_date(StrBuf *sb, double t) {
  if (!isfinite(t)) {
    sb_puts(sb, "Invalid Date");
    return;
  }
  long long days = (long long)floor(t / 86400000.0);
  long long ms = (long long)(t - (double)days * 86400000.0);
  long long z = days + 719468; /* civil_from_days, after Howard Hinnant */
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
  long long year = yoe + era * 400 + (month <= 2);
  if (year >= 0 && year <= 9999) sb_printf(sb, "%04lld", year);
  else sb_printf(sb, "%c%06lld", year < 0 ? '-' : '+', year < 0 ? -year : year);
  sb_printf(sb, "-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", month, day, ms / 3600000,
            ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
}

/* RegExp.prototype.toString: "/" + source + "/" + flags; of a copy made with the realm's
 * RegExp when re has no prototype to find the getters on (as Node does). */
bool inspect_put_regexp(InspectCtx *ctx, StrBuf *sb, Value re) {
  if (vm_prototype_of(re) == VALUE_NULL && value_is_object(vm_intrinsic(ctx->vm, INTRINSIC_REGEXP))) {
    re = vm_construct(ctx->vm, vm_intrinsic(ctx->vm, INTRINSIC_REGEXP), 1, &re);
    if (value_is_exception(re)) return false;
    vm_handle_push(ctx->vm, re);
  }
  Value source = vm_get_str(ctx->vm, re, "source");
  if (value_is_exception(source)) return false;
  char *s = inspect_to_cstr(ctx->vm, source);
  if (!s) return false;
  Value flags = vm_get_str(ctx->vm, re, "flags");
  char *f = value_is_exception(flags) ? NULL : inspect_to_cstr(ctx->vm, flags);
  if (f) sb_printf(sb, "/%s/%s", s, f);
  free(s), free(f);
  return f != NULL;
}

