/* disasm.c - the disassembler: bytecode back to readable text.
 * Book: chapter 4, "Compiling".
 *
 * Entry points: vm_disassemble (`tinynode --dump-bytecode`) prints a function and
 * every function nested in it; disasm_instruction prints one instruction (for
 * --trace and gdb). Also home of opcode_info, the table generated from
 * vm/opcodes.h that the compiler reads stack effects from.
 */
#include <string.h>

#include "parser/ast.h"
#include "vm/internal.h"

//> vm.opcode-info
const OpcodeInfo opcode_info[OP_COUNT] = {
#define OP_INFO(name, format, effect, doc) {#name, format, effect, doc},
    FOR_EACH_OPCODE(OP_INFO)
#undef OP_INFO
};
//< vm.opcode-info

/* ==== Operands ==== */

typedef enum OperandKind { OPK_REGISTER, OPK_UPVALUE, OPK_CONSTANT, OPK_COUNT } OperandKind;

/* What a u16 operand (or the first of two) names. */
static OperandKind operand_kind(Opcode op) {
  switch (op) {
  case OP_GET_LOCAL: case OP_SET_LOCAL: case OP_GET_LOCAL_CHECKED: case OP_NEW_CELL:
  case OP_COPY_CELL: case OP_GET_CELL: case OP_SET_CELL: case OP_GET_CELL_CHECKED:
    return OPK_REGISTER;
  case OP_GET_UPVAL: case OP_SET_UPVAL: case OP_GET_UPVAL_CHECKED: return OPK_UPVALUE;
  case OP_NEW_ARRAY: return OPK_COUNT;
  default: return OPK_CONSTANT;
  }
}

static bool is_proto(Value v) {
  return value_is_thing(v) && ((GcHeader *)value_to_ptr(v))->type == GC_FUNCTION_PROTO;
}

/* One UTF-16 string as a double-quoted literal (UTF-8 out, escapes for controls). */
static void print_string(const String *s, FILE *out) {
  fputc('"', out);
  for (uint32_t i = 0; i < s->length; i++) {
    uint32_t u = string_unit(s, i);
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < s->length && string_unit(s, i + 1) >= 0xDC00 &&
        string_unit(s, i + 1) < 0xE000)
      u = 0x10000 + ((u - 0xD800) << 10) + (string_unit(s, ++i) - 0xDC00);
    if (u == '"' || u == '\\') fprintf(out, "\\%c", (char)u);
    else if (u == '\n') fputs("\\n", out);
    else if (u < 0x20 || (u >= 0xD800 && u < 0xE000)) fprintf(out, "\\u%04x", (unsigned)u);
    else if (u < 0x80) fputc((int)u, out);
    else if (u < 0x800) fprintf(out, "%c%c", 0xC0 | (u >> 6), 0x80 | (u & 0x3F));
    else if (u < 0x10000)
      fprintf(out, "%c%c%c", 0xE0 | (u >> 12), 0x80 | ((u >> 6) & 0x3F), 0x80 | (u & 0x3F));
    else
      fprintf(out, "%c%c%c%c", 0xF0 | (u >> 18), 0x80 | ((u >> 12) & 0x3F),
              0x80 | ((u >> 6) & 0x3F), 0x80 | (u & 0x3F));
  }
  fputc('"', out);
}

static void print_name(const String *name, uint32_t flags, FILE *out) {
  if (name && name->length) {
    char *utf8 = string_to_utf8(name, NULL);
    fputs(utf8, out);
    free(utf8);
  } else {
    fputs(flags & FN_TOPLEVEL ? "(toplevel)" : "(anonymous)", out);
  }
}

/* A direct eval's names, <names a b> (compile_eval_names: pairs after a header pair),
 * or a tagged template's strings, <template of 2> (frozen: its elements are no longer
 * stored densely). */
static void print_array_constant(Array *a, FILE *out) {
  if (a->base.extensible) {
    fputs("<names", out);
    for (uint32_t i = 2; i + 1 < a->length; i += 2) {
      fputc(' ', out);
      print_name(value_to_string(a->elements[i]), 0, out);
    }
    fputc('>', out);
  } else {
    fprintf(out, "<template of %u>", a->length);
  }
}

/* A constant as a value: 42, "text", <fn name>. */
static void print_constant(Value v, FILE *out) {
  char buf[40];
  if (value_is_number(v)) {
    fputs(vm_number_to_cstr(value_to_number(v), buf), out);
  } else if (value_is_string(v)) {
    print_string(value_to_string(v), out);
  } else if (is_proto(v)) {
    FunctionProto *p = value_to_ptr(v);
    fputs("<fn ", out);
    print_name(p->name, p->flags, out);
    fputc('>', out);
  } else if (value_is_object(v) && value_to_object(v)->klass == CLASS_ARRAY) {
    print_array_constant((Array *)value_to_object(v), out);
  } else {
    fputs("<?>", out);
  }
}

/* The index-th name of proto->names (compile.c: pack_names), or NULL for none. */
static const char *nth_name(const FunctionProto *p, uint32_t index) {
  if (!p->names || index >= p->register_count + p->upval_count) return NULL;
  const char *name = p->names;
  for (uint32_t i = 0; i < index; i++) name += strlen(name) + 1;
  return name[0] ? name : NULL;
}

const char *proto_register_name(const FunctionProto *p, uint32_t r) {
  return r < p->register_count ? nth_name(p, r) : NULL;
}

const char *proto_upvalue_name(const FunctionProto *p, uint32_t u) {
  return u < p->upval_count ? nth_name(p, p->register_count + u) : NULL;
}

/* r5 or r5 total: a register or upvalue, and the variable it holds when it has one. */
static void print_variable(char prefix, unsigned v, const char *name, FILE *out) {
  fprintf(out, "%c%u", prefix, v);
  if (name) fprintf(out, " %s", name);
}

static void print_u16(FunctionProto *proto, Opcode op, unsigned v, FILE *out) {
  switch (operand_kind(op)) {
  case OPK_REGISTER: print_variable('r', v, proto_register_name(proto, v), out); return;
  case OPK_UPVALUE: print_variable('u', v, proto_upvalue_name(proto, v), out); return;
  case OPK_COUNT: fprintf(out, "%u", v); return;
  case OPK_CONSTANT:
    fprintf(out, "k%u ", v);
    if (v < proto->constant_count) print_constant(proto->constants[v], out);
    else fputs("<bad constant>", out);
    return;
  }
}

int disasm_instruction(VM *vm, FunctionProto *proto, uint32_t offset, FILE *out) {
  const uint8_t *code = proto->code + offset;
  if (code[0] >= OP_COUNT) {
    fprintf(out, "<bad opcode %u>", code[0]);
    return 1;
  }
  Opcode op = (Opcode)code[0];
  const OpcodeInfo *info = &opcode_info[op];
  int size = opcode_size(info->format);
  if (offset + (uint32_t)size > proto->code_length) {
    fprintf(out, "<truncated %s>", info->name);
    return (int)(proto->code_length - offset);
  }
  unsigned a = 0, b = 0; /* the operand bytes, read only as far as the format goes */
  if (size >= 3) a = code[1] | (unsigned)code[2] << 8;
  if (size >= 5) b = code[3] | (unsigned)code[4] << 8;
  if (info->format == OPF_NONE) fputs(info->name, out);
  else fprintf(out, "%-18s ", info->name);
  switch (info->format) {
  case OPF_U8: fprintf(out, "%u", code[1]); break;
  case OPF_U16: print_u16(proto, op, a, out); break;
  case OPF_U16U16:
    print_u16(proto, op, a, out);
    fputc(' ', out);
    print_u16(proto, OP_PUSH_CONST, b, out); /* the name, for the error message */
    break;
  case OPF_I32: {
    int32_t v = (int32_t)(a | b << 16);
    if (op == OP_PUSH_INT) fprintf(out, "%d", v);
    else fprintf(out, "-> %04u", (unsigned)((int64_t)offset + size + v));
    break;
  }
  default: break;
  }
  (void)vm;
  return size;
}

/* ==== Whole functions ==== */

/* The line-table entry that starts exactly at offset, or NULL. */
static const LineEntry *line_at(const FunctionProto *p, uint32_t offset, uint32_t *cursor) {
  while (*cursor < p->line_count && p->lines[*cursor].pc < offset) (*cursor)++;
  if (*cursor < p->line_count && p->lines[*cursor].pc == offset) return &p->lines[*cursor];
  return NULL;
}

String *vm_site_name(const FunctionProto *p, uint32_t offset) {
  uint32_t lo = 0, hi = p->line_count; /* the last entry with pc <= offset */
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (p->lines[mid].pc <= offset) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0 || !p->lines[lo - 1].name) return NULL;
  const LineEntry *e = &p->lines[lo - 1];
  uint32_t size = (uint32_t)opcode_size(opcode_info[p->code[e->pc]].format);
  if (offset >= e->pc + size) return NULL; /* the name belongs to the instruction at e->pc */
  Value v = p->constants[e->name - 1];
  return value_is_string(v) ? value_to_string(v) : NULL;
}

static const char *basename_of(const char *path) {
  if (!path) return "?";
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static void print_header(FunctionProto *p, FILE *out) {
  fputs("== ", out);
  print_name(p->name, p->flags, out);
  fprintf(out, " (%s:%u) params=%u registers=%u stack=%u", basename_of(p->filename), p->line,
          p->param_count, p->register_count, p->max_stack);
  if (p->arguments_register >= 0) fprintf(out, " arguments=r%d", p->arguments_register);
  if (p->rest_register >= 0) fprintf(out, " rest=r%d", p->rest_register);
  fputs(" ==\n", out);
}

static void print_tables(FunctionProto *p, FILE *out) {
  for (uint32_t i = 0; i < p->handler_count; i++) {
    HandlerEntry *h = &p->handlers[i];
    fprintf(out, "  handler [%04u, %04u) -> %04u  depth=%u\n", h->start, h->end, h->handler,
            h->stack_depth);
  }
  for (uint32_t i = 0; i < p->upval_count; i++) {
    UpvalDesc u = p->upvals[i];
    fputs("  upvalue ", out);
    print_variable('u', i, proto_upvalue_name(p, i), out);
    fprintf(out, " <- %s%u\n", u.from_register ? "r" : "u", u.index);
  }
}

/* One function: header, one instruction per line (offset, source position where a
 * line-table entry starts, opcode, operands), its tables; then its nested functions. */
static void disassemble_proto(VM *vm, FunctionProto *p, FILE *out) {
  print_header(p, out);
  uint32_t cursor = 0;
  for (uint32_t offset = 0; offset < p->code_length;) {
    const LineEntry *pos = line_at(p, offset, &cursor);
    char where[32] = "";
    if (pos) snprintf(where, sizeof where, "%u:%u", pos->line, pos->column);
    fprintf(out, "  %04u %7s  ", offset, where);
    String *name = pos && pos->name ? vm_site_name(p, offset) : NULL;
    offset += (uint32_t)disasm_instruction(vm, p, offset, out);
    if (name) { /* how an error here names the callee or iterable */
      fprintf(out, "  ; k%u ", pos->name - 1);
      print_string(name, out);
    }
    fputc('\n', out);
  }
  print_tables(p, out);
  for (uint32_t i = 0; i < p->constant_count; i++) {
    if (!is_proto(p->constants[i])) continue;
    fputc('\n', out);
    disassemble_proto(vm, value_to_ptr(p->constants[i]), out);
  }
}

void vm_disassemble(VM *vm, Value fn, FILE *out) {
  if (!value_is_object(fn) || value_to_object(fn)->klass != CLASS_CLOSURE) {
    fputs("vm_disassemble: not a compiled function\n", out);
    return;
  }
  disassemble_proto(vm, ((Closure *)value_to_object(fn))->proto, out);
}
