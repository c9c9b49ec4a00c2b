/* trace.c - the tracer: `tinynode --trace` prints each instruction as it runs.
 * Book: chapter 5, "The VM loop", and chapter 15, "Watching the machine".
 *
 * The loop calls trace_instruction before every instruction while vm->trace_out is set
 * (interp.c: the trace table, or the switch's one check). It prints the source line
 * when it changes, the instruction with the top of the operand stack (or all of it,
 * VM_TRACE_STACK), and marks calls into natives and their returns, which it infers from
 * the CALL and the caller's next instruction: the natives' own path stays untouched.
 * vm_trace_note lets the host mark its own events (the event loop's callbacks).
 */
#include <string.h>

#include "parser/ast.h"
#include "vm/internal.h"

#define TRACE_STACK_SHOWN 8 /* --trace=stack shows at most this many values, the top ones */
#define TRACE_LINE_TEXT 60  /* source text shown after a file:line, in bytes */

void vm_set_trace(VM *vm, FILE *out) { vm->trace_out = out; }

void vm_set_trace_options(VM *vm, unsigned options) { vm->trace.options = options; }

/* A function's name for the trace: its own, or (toplevel) / (anonymous). */
static void print_function_name(const FunctionProto *p, char *out, size_t size) {
  char *name = p->name->length ? string_to_utf8(p->name, NULL) : NULL;
  snprintf(out, size, "%s", name ? name : p->flags & FN_TOPLEVEL ? "(toplevel)" : "(anonymous)");
  free(name);
}

/* ==== Source lines ==== */

/* The start of line `line` (1-based) of p's source. Scans forward from the last line
 * found when it can, so a trace does not rescan a long file for every line. */
static const char *line_start(VM *vm, const FunctionProto *p, uint32_t line) {
  TraceState *t = &vm->trace;
  if (t->text_source != p->source || t->text_line > line) {
    t->text_source = p->source, t->text_line = 1, t->text_at = p->source;
  }
  while (t->text_line < line && *t->text_at) {
    if (*t->text_at++ == '\n') t->text_line++;
  }
  return t->text_line == line ? t->text_at : NULL;
}

//> vm.trace-line
/* "file:line  text" whenever the instruction about to run comes from another line. */
static void trace_position(VM *vm, const FunctionProto *p, uint32_t offset) {
  int line, column;
  if (!p->line_count || p->lines[0].pc > offset) return; /* a prologue: no line of its own */
  proto_position(p, offset, &line, &column);
  if (vm->trace.file == p->filename && vm->trace.line == line) return;
  vm->trace.file = p->filename, vm->trace.line = line;
  fprintf(vm->trace_out, "%s:%d", p->filename ? p->filename : "?", line);
  const char *text = p->source ? line_start(vm, p, (uint32_t)line) : NULL;
  if (text) {
    size_t n = strcspn(text, "\r\n");
    fprintf(vm->trace_out, "  %.*s%s", (int)(n > TRACE_LINE_TEXT ? TRACE_LINE_TEXT : n), text,
            n > TRACE_LINE_TEXT ? "..." : "");
  }
  fputc('\n', vm->trace_out);
}
//< vm.trace-line

/* ==== Calls into natives ==== */

/* The callee of a call instruction at pc, given the stack below it; 0 if not a call. */
static Value callee_of(const uint8_t *pc, const Value *sp) {
  switch (*pc) {
  case OP_CALL: return sp[-(int)pc[1] - 2];
  case OP_CALL_SPREAD: return sp[-3];
  case OP_NEW: return sp[-(int)pc[1] - 1];
  default: return 0;
  }
}

/* A native about to be called: print it and remember where its caller resumes. */
static void trace_native_call(VM *vm, Frame *f, const uint8_t *pc, Value callee) {
  TraceState *t = &vm->trace;
  Value name = vm_function_name(vm, callee);
  char *utf8 = string_to_utf8(value_to_string(name), NULL);
  fprintf(vm->trace_out, "  -> native %s\n", *utf8 ? utf8 : "(anonymous)");
  if (t->native_count < TRACE_NATIVES_MAX) {
    TraceNative *n = &t->natives[t->native_count++];
    *n = (TraceNative){vm->frame_count, f->proto,
                       pc + opcode_size(opcode_info[*pc].format), ""};
    snprintf(n->name, sizeof n->name, "%s", *utf8 ? utf8 : "(anonymous)");
  }
  free(utf8);
}

//> vm.trace-native-return
/* The natives whose caller's frame is running again (or gone): each returned, if its
 * caller is at the instruction after the call, or else threw. */
static void trace_native_returns(VM *vm, const Frame *f, const uint8_t *pc, const Value *sp) {
  TraceState *t = &vm->trace;
  while (t->native_count > 0 && t->natives[t->native_count - 1].depth >= vm->frame_count) {
    TraceNative *n = &t->natives[--t->native_count];
    bool returned = f && n->depth == vm->frame_count && n->proto == f->proto && n->resume == pc;
    fprintf(vm->trace_out, "  <- native %s %s", n->name, returned ? "returned " : "threw\n");
    if (!returned) continue;
    debug_print_value(vm, sp[-1], vm->trace_out);
    fputc('\n', vm->trace_out);
  }
}
//< vm.trace-native-return

/* ==== One instruction ==== */

/* The operand stack, bottom first, or its top TRACE_STACK_SHOWN values. */
static void print_stack(VM *vm, const Value *base, const Value *sp) {
  FILE *out = vm->trace_out;
  fputs("stack: [", out);
  const Value *from = sp - base > TRACE_STACK_SHOWN ? sp - TRACE_STACK_SHOWN : base;
  if (from > base) fprintf(out, "(%d more) ", (int)(from - base));
  for (const Value *v = from; v < sp; v++) {
    if (v > from) fputs(", ", out);
    debug_print_value(vm, *v, out);
  }
  fputc(']', out);
}

//> vm.trace-instruction
void trace_instruction(VM *vm, Frame *f, const uint8_t *pc, Value *sp) {
  FunctionProto *p = f->proto;
  uint32_t offset = (uint32_t)(pc - p->code);
  trace_native_returns(vm, f, pc, sp);
  trace_position(vm, p, offset);
  char name[64], text[160] = "";
  print_function_name(p, name, sizeof name);
  FILE *mem = fmemopen(text, sizeof text - 1, "w"); /* to pad the instruction to a column */
  if (mem) {
    disasm_instruction(vm, p, offset, mem);
    fclose(mem);
  }
  fprintf(vm->trace_out, "%-16s %5u  ", name, offset);
  Value *base = f->registers + p->register_count; /* the operand stack starts here */
  if (vm->trace.options & VM_TRACE_STACK) {
    fprintf(vm->trace_out, "%-40s ", text);
    print_stack(vm, base, sp);
  } else if (sp > base) { /* the top of the stack before it runs */
    fprintf(vm->trace_out, "%-40s top: ", text);
    debug_print_value(vm, sp[-1], vm->trace_out);
  } else {
    fputs(text, vm->trace_out);
  }
  fputc('\n', vm->trace_out);
  Value callee = callee_of(pc, sp);
  if (value_is_object(callee) && value_to_object(callee)->klass == CLASS_NATIVE)
    trace_native_call(vm, f, pc, callee);
}
//< vm.trace-instruction

/* ==== The host's marks ==== */

bool vm_tracing(VM *vm) { return vm->trace_out != NULL; }

void vm_trace_note(VM *vm, const char *text) {
  if (!vm->trace_out) return;
  trace_native_returns(vm, NULL, NULL, NULL); /* natives left pending by a throw into C */
  fprintf(vm->trace_out, "== %s ==\n", text);
  vm->trace.line = 0; /* show the line again after the mark */
}
