/* conv.c - the abstract operations that convert and compare values.
 * Book: chapter 5, "The VM loop".
 *
 * ToPrimitive, ToString, ToNumber, ToBoolean, ToPropertyKey, ToObject, typeof,
 * and the three equalities (===, ==, SameValueZero), as the ECMAScript
 * specification words them. Anything that may call user code (valueOf,
 * toString) returns VALUE_EXCEPTION on a throw.
 */
#include <math.h>

#include "lexer/alloc.h"
#include "vm/internal.h"

/* ==== Primitive conversions ==== */

String *conv_number_to_string(VM *vm, double d) {
  char buf[40];
  vm_number_to_cstr(d, buf);
  return string_new_latin1(vm, (const uint8_t *)buf, (uint32_t)strlen(buf));
}

static Value string_value(String *s) { return value_from_string(s); }

/* OrdinaryToPrimitive: try valueOf/toString in the order the hint asks for. */
static Value ordinary_to_primitive(VM *vm, Value v, int hint) {
  Value names[2] = {value_from_string(vm->atom_valueOf), value_from_string(vm->atom_toString)};
  if (hint == CONV_HINT_STRING) {
    Value t = names[0];
    names[0] = names[1], names[1] = t;
  }
  for (int i = 0; i < 2; i++) {
    Value method = object_get(vm, value_to_object(v), names[i], v);
    if (value_is_exception(method)) return method;
    if (!vm_is_callable(method)) continue;
    Value result = vm_call(vm, method, v, 0, NULL);
    if (value_is_exception(result) || !value_is_object(result)) return result;
  }
  return vm_throw_error(vm, ERR_TYPE, "Cannot convert object to primitive value");
}

//> vm.to-primitive
Value conv_to_primitive(VM *vm, Value v, int hint) {
  if (!value_is_object(v)) return v;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, v);
  Value exotic = object_get(vm, value_to_object(v), vm->symbol_to_primitive, v);
  Value result;
  if (value_is_exception(exotic)) {
    result = exotic;
  } else if (!value_is_nullish(exotic)) {
    static const char *hints[] = {"default", "number", "string"};
    Value h = vm_string(vm, hints[hint]);
    result = vm_call(vm, exotic, v, 1, &h);
    if (value_is_object(result))
      result = vm_throw_error(vm, ERR_TYPE, "Cannot convert object to primitive value");
  } else {
    result = ordinary_to_primitive(vm, v, hint);
  }
  vm_handle_reset(vm, mark);
  return result;
}
//< vm.to-primitive

Value vm_to_primitive(VM *vm, Value v, VMHint hint) { return conv_to_primitive(vm, v, (int)hint); }

Value vm_ordinary_to_primitive(VM *vm, Value obj, VMHint hint) {
  return ordinary_to_primitive(vm, obj, (int)hint);
}

Value vm_to_string(VM *vm, Value v) {
  if (value_is_string(v)) return v;
  if (value_is_number(v)) return string_value(conv_number_to_string(vm, value_to_number(v)));
  switch (v) {
  case VALUE_UNDEFINED: return value_from_string(vm->atom_undefined);
  case VALUE_NULL: return vm_atom(vm, "null");
  case VALUE_TRUE: return vm_atom(vm, "true");
  case VALUE_FALSE: return vm_atom(vm, "false");
  }
  if (value_is_symbol(v))
    return vm_throw_error(vm, ERR_TYPE, "Cannot convert a Symbol value to a string");
  Value p = conv_to_primitive(vm, v, CONV_HINT_STRING);
  if (value_is_exception(p)) return p;
  return vm_to_string(vm, p);
}

/* StringToNumber on UTF-16 text: trim JavaScript white space, then parse ASCII. */
double conv_string_to_number(String *s) {
  uint32_t start = 0, end = s->length;
  while (start < end && conv_is_space(string_unit(s, start))) start++;
  while (end > start && conv_is_space(string_unit(s, end - 1))) end--;
  char small[64];
  uint32_t n = end - start;
  char *buf = n < sizeof small ? small : mem_alloc(n + 1);
  double result = 0;
  bool ascii = true;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t u = string_unit(s, start + i);
    if (u > 127) ascii = false;
    buf[i] = (char)u;
  }
  result = ascii ? vm_cstr_to_number(buf, n) : NAN;
  if (buf != small) free(buf);
  return result;
}

bool conv_is_space(uint16_t u) {
  switch (u) {
  case 9: case 10: case 11: case 12: case 13: case 32: case 0xA0: case 0x1680:
  case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
    return true;
  }
  return u >= 0x2000 && u <= 0x200A;
}

Value vm_to_number(VM *vm, Value v) {
  if (value_is_number(v)) return v;
  if (value_is_string(v)) return value_from_number(conv_string_to_number(value_to_string(v)));
  switch (v) {
  case VALUE_UNDEFINED: return value_from_number(NAN);
  case VALUE_NULL: case VALUE_FALSE: return value_from_number(0);
  case VALUE_TRUE: return value_from_number(1);
  }
  if (value_is_symbol(v))
    return vm_throw_error(vm, ERR_TYPE, "Cannot convert a Symbol value to a number");
  Value p = conv_to_primitive(vm, v, CONV_HINT_NUMBER);
  if (value_is_exception(p)) return p;
  return vm_to_number(vm, p);
}

int32_t conv_to_int32(double d) {
  if (!isfinite(d)) return 0;
  if (d >= -2147483648.0 && d <= 2147483647.0) return (int32_t)d;
  double m = fmod(trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return (int32_t)(uint32_t)m;
}

uint32_t conv_to_uint32(double d) { return (uint32_t)conv_to_int32(d); }

bool vm_truthy(Value v) {
  if (value_is_number(v)) {
    double d = value_to_number(v);
    return d == d && d != 0;
  }
  if (value_is_string(v)) return value_to_string(v)->length != 0;
  return !(v == VALUE_FALSE || v == VALUE_UNDEFINED || v == VALUE_NULL);
}

/* ToPropertyKey: an atom string or a symbol. */
Value conv_to_property_key(VM *vm, Value v) {
  if (value_is_string(v)) {
    String *s = value_to_string(v);
    return s->atom ? v : value_from_string(atom_intern(vm, s));
  }
  if (value_is_symbol(v)) return v;
  if (value_is_object(v)) {
    v = conv_to_primitive(vm, v, CONV_HINT_STRING);
    if (value_is_exception(v)) return v;
    if (value_is_symbol(v)) return v;
  }
  Value s = vm_to_string(vm, v);
  if (value_is_exception(s)) return s;
  return value_from_string(atom_intern(vm, value_to_string(s)));
}

Value vm_to_object(VM *vm, Value v) {
  if (value_is_object(v)) return v;
  if (value_is_nullish(v))
    return vm_throw_error(vm, ERR_TYPE, "Cannot convert undefined or null to object");
  ObjectClass klass = value_is_string(v)   ? CLASS_STRING
                      : value_is_number(v) ? CLASS_NUMBER
                      : value_is_symbol(v) ? CLASS_SYMBOL
                                           : CLASS_BOOLEAN;
  Boxed *b = (Boxed *)object_new_class(vm, klass, sizeof(Boxed),
                                       value_to_object(conv_prototype_for_primitive(vm, v)));
  b->primitive = v;
  return value_from_object(&b->base);
}

/* The prototype whose methods a primitive's property lookups use. */
Value conv_prototype_for_primitive(VM *vm, Value v) {
  Intrinsic which = value_is_string(v)   ? INTRINSIC_STRING_PROTOTYPE
                    : value_is_number(v) ? INTRINSIC_NUMBER_PROTOTYPE
                    : value_is_symbol(v) ? INTRINSIC_SYMBOL_PROTOTYPE
                                         : INTRINSIC_BOOLEAN_PROTOTYPE;
  return value_from_object(vm->intrinsics[which]);
}

/* ==== typeof and equality ==== */

Value vm_typeof(VM *vm, Value v) {
  const char *t;
  if (value_is_number(v)) t = "number";
  else if (value_is_string(v)) t = "string";
  else if (value_is_symbol(v)) t = "symbol";
  else if (v == VALUE_UNDEFINED) t = "undefined";
  else if (value_is_bool(v)) t = "boolean";
  else if (value_is_object(v)) t = vm_is_callable(v) ? "function" : "object";
  else t = "object"; /* null */
  return vm_atom(vm, t);
}

bool vm_strict_equals(Value a, Value b) {
  if (value_is_number(a) && value_is_number(b)) return value_to_number(a) == value_to_number(b);
  if (value_is_string(a) && value_is_string(b))
    return a == b || string_equal(value_to_string(a), value_to_string(b));
  return a == b;
}

bool vm_same_value_zero(Value a, Value b) {
  if (value_is_number(a) && value_is_number(b)) {
    double x = value_to_number(a), y = value_to_number(b);
    return x == y || (x != x && y != y);
  }
  return vm_strict_equals(a, b);
}

static Value loose_equals_rooted(VM *vm, Value a, Value b);

Value vm_loose_equals(VM *vm, Value a, Value b) { return conv_loose_equals(vm, a, b); }

//> vm.loose-equals
/* IsLooselyEqual (==): returns VALUE_TRUE, VALUE_FALSE or VALUE_EXCEPTION. */
Value conv_loose_equals(VM *vm, Value a, Value b) {
  int mark = vm_handle_mark(vm);
  Value result = loose_equals_rooted(vm, a, b);
  vm_handle_reset(vm, mark);
  return result;
}

static Value loose_equals_rooted(VM *vm, Value a, Value b) {
  for (vm_handle_push(vm, a), vm_handle_push(vm, b);; vm_handle_push(vm, a), vm_handle_push(vm, b)) {
    bool a_num = value_is_number(a), b_num = value_is_number(b);
    if ((a_num && b_num) || (value_is_string(a) && value_is_string(b)) ||
        (value_is_object(a) && value_is_object(b)) || a == b)
      return value_from_bool(vm_strict_equals(a, b));
    if (value_is_nullish(a) && value_is_nullish(b)) return VALUE_TRUE;
    if (value_is_nullish(a) || value_is_nullish(b)) return VALUE_FALSE;
    if (a_num && value_is_string(b)) return value_from_bool(value_to_number(a) ==
                                                            conv_string_to_number(value_to_string(b)));
    if (value_is_string(a) && b_num) return value_from_bool(conv_string_to_number(value_to_string(a)) ==
                                                            value_to_number(b));
    if (value_is_bool(a)) a = value_from_number(a == VALUE_TRUE);
    else if (value_is_bool(b)) b = value_from_number(b == VALUE_TRUE);
    else if (value_is_object(a)) a = conv_to_primitive(vm, a, CONV_HINT_DEFAULT);
    else if (value_is_object(b)) b = conv_to_primitive(vm, b, CONV_HINT_DEFAULT);
    else return VALUE_FALSE;
    if (value_is_exception(a) || value_is_exception(b)) return VALUE_EXCEPTION;
  }
}
//< vm.loose-equals
