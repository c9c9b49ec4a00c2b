/* compile.c - the bytecode compiler's core: emitter, line table, variables, functions.
 * Book: chapter 4, "Compiling".
 *
 * Entry point: vm_compile (vm/vm.h) parses the source, runs the scope pass and
 * compiles the program into a top-level FunctionProto, returning a closure of it.
 * Expressions are in compile_expr.c and statements in compile_stmt.c; all three
 * share vm/compile.h. Every function's code is a stack machine (vm/opcodes.h):
 * each binding gets a register, captured ones hold a Cell, and nested functions
 * reach outer cells through UpvalDescs.
 */
#include <stdarg.h>
#include <string.h>

#include "lexer/alloc.h"
#include "vm/compile.h"

#define LIMIT_U16 65535

/* ==== Errors ==== */

/* The first error wins: a SyntaxError pending in the VM, with its site. */
void compile_error(Compiler *c, const Node *at, const char *fmt, const char *what) {
  if (c->failed) return;
  c->failed = true;
  vm_throw_error(c->vm, ERR_SYNTAX, fmt, what);
  int len = 0;
  const char *s = c->source + at->offset;
  while (at->offset + len < c->length &&
         (s[len] == '_' || s[len] == '$' || (s[len] >= 'a' && s[len] <= 'z') ||
          (s[len] >= 'A' && s[len] <= 'Z') || (s[len] >= '0' && s[len] <= '9')))
    len++;
  c->vm->exception_site = (SourceSite){c->filename, at->line, at->column, len ? len : 1};
}

void compile_unsupported(Compiler *c, const Node *at, const char *what) {
  compile_error(c, at, "tinynode does not support %s yet", what);
}

//> vm.compile-stack-guard
/* The compiler recurses as deeply as the tree nests, and a tree can be deeper than the
 * parser's recursion was (`a.b.c...` and `1 + 1 + ...` are parsed by loops). Node says
 * "RangeError: Maximum call stack size exceeded" for such source, before running any
 * of it; so does this, the first error still winning. The caller just stops: what it
 * emitted is discarded with the failed compilation. */
bool compile_stack_ok(Compiler *c) {
  if (!stack_exhausted(c->vm->stack_limit)) return true;
  if (!c->failed) vm_throw_stack_overflow(c->vm);
  c->failed = true;
  return false;
}
//< vm.compile-stack-guard

/* ==== The emitter ==== */

static void grow(void **items, uint32_t *capacity, uint32_t need, size_t size) {
  if (need <= *capacity) return;
  uint32_t cap = *capacity ? *capacity * 2 : 64;
  while (cap < need) cap *= 2;
  void *p = mem_realloc(*items, cap * size);
  *items = p;
  *capacity = cap;
}

static void emit_byte(Compiler *c, uint8_t b) {
  FunctionProto *p = c->fs->proto;
  grow((void **)&p->code, &p->code_capacity, p->code_length + 1, 1);
  p->code[p->code_length++] = b;
}

static void emit_raw16(Compiler *c, int v) {
  emit_byte(c, (uint8_t)(v & 0xff));
  emit_byte(c, (uint8_t)((v >> 8) & 0xff));
}

static void emit_raw32(Compiler *c, int32_t v) {
  uint32_t u = (uint32_t)v;
  for (int i = 0; i < 4; i++) emit_byte(c, (uint8_t)(u >> (8 * i)));
}

/* Moves the tracked operand-stack depth; the deepest point becomes max_stack. */
static void adjust_depth(Compiler *c, int delta) {
  FuncState *fs = c->fs;
  fs->depth += delta;
  if (fs->depth < 0 && !c->failed) PANIC("compile: operand stack underflow");
  if (fs->depth > fs->max_depth) fs->max_depth = fs->depth;
}

void compile_set_depth(Compiler *c, int depth) {
  c->fs->depth = 0;
  adjust_depth(c, depth);
}

//> vm.compile-emit
/* Appends one instruction; its stack effect comes from the opcode table. */
static void emit_opcode(Compiler *c, Opcode op, int format) {
  if (opcode_info[op].format != format) PANIC("emit: wrong operand format");
  emit_byte(c, (uint8_t)op);
  if (opcode_info[op].effect != OPV) adjust_depth(c, opcode_info[op].effect);
}

void emit_op(Compiler *c, Opcode op) { emit_opcode(c, op, OPF_NONE); }

void emit_u16(Compiler *c, Opcode op, int operand) {
  if (operand < 0 || operand > LIMIT_U16) PANIC("emit_u16: operand out of range");
  emit_opcode(c, op, OPF_U16);
  emit_raw16(c, operand);
}
//< vm.compile-emit

void emit_u8(Compiler *c, Opcode op, int operand) {
  if (operand < 0 || operand > 255) PANIC("emit_u8: operand out of range");
  emit_opcode(c, op, OPF_U8);
  emit_byte(c, (uint8_t)operand);
}

void emit_u16u16(Compiler *c, Opcode op, int a, int b) {
  if (a < 0 || a > LIMIT_U16 || b < 0 || b > LIMIT_U16) PANIC("emit_u16u16: out of range");
  emit_opcode(c, op, OPF_U16U16);
  emit_raw16(c, a);
  emit_raw16(c, b);
}

/* CALL argc: callee this args -> result.  NEW argc: ctor args -> result.
 * SUPER_CALL argc: parent newTarget args -> result. */
void emit_call(Compiler *c, Opcode op, int argc) {
  emit_u8(c, op, argc);
  adjust_depth(c, op == OP_NEW ? -argc : -(argc + 1));
}

uint32_t compile_code_here(Compiler *c) { return c->fs->proto->code_length; }

//> vm.compile-jumps
/* A forward jump: the offset is written when the target is known (compile_patch_here).
 * Offsets count from the end of the jump instruction. */
uint32_t emit_jump(Compiler *c, Opcode op) {
  emit_opcode(c, op, OPF_I32);
  uint32_t site = compile_code_here(c);
  emit_raw32(c, 0);
  return site;
}

void compile_patch_here(Compiler *c, uint32_t site) {
  int32_t offset = (int32_t)(compile_code_here(c) - (site + 4));
  uint8_t *code = c->fs->proto->code;
  for (int i = 0; i < 4; i++) code[site + i] = (uint8_t)((uint32_t)offset >> (8 * i));
}

/* A backward jump to a known target (loops). */
void emit_jump_to(Compiler *c, Opcode op, uint32_t target) {
  emit_opcode(c, op, OPF_I32);
  emit_raw32(c, (int32_t)target - (int32_t)(compile_code_here(c) + 4));
}
//< vm.compile-jumps

void compile_patch_list_add(PatchList *l, uint32_t site) {
  if (l->count == l->capacity) {
    l->capacity = l->capacity ? l->capacity * 2 : 8;
    l->at = mem_realloc(l->at, (size_t)l->capacity * sizeof *l->at);
  }
  l->at[l->count++] = site;
}

void compile_patch_list_here(Compiler *c, PatchList *l) {
  for (int i = 0; i < l->count; i++) compile_patch_here(c, l->at[i]);
  free(l->at);
  *l = (PatchList){0};
}

void compile_pop_to(Compiler *c, int depth) {
  if (c->fs->depth < depth && !c->failed) PANIC("compile_pop_to: stack below target");
  while (c->fs->depth > depth) emit_op(c, OP_POP);
}

/* ==== Constants ==== */

static uint32_t hash_value(Value v) {
  uint64_t h = v * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(h >> 32);
}

static void const_map_grow(FuncState *fs) {
  uint32_t old_cap = fs->const_map_capacity;
  int32_t *old_slots = fs->const_slots;
  fs->const_map_capacity = old_cap ? old_cap * 2 : 64;
  fs->const_slots = mem_alloc(fs->const_map_capacity * sizeof *fs->const_slots);
  for (uint32_t i = 0; i < fs->const_map_capacity; i++) fs->const_slots[i] = -1;
  for (uint32_t i = 0; i < old_cap; i++) {
    if (old_slots[i] < 0) continue;
    uint32_t j = hash_value(fs->proto->constants[old_slots[i]]) & (fs->const_map_capacity - 1);
    while (fs->const_slots[j] >= 0) j = (j + 1) & (fs->const_map_capacity - 1);
    fs->const_slots[j] = old_slots[i];
  }
  free(old_slots);
}

/* The index of v in the constant pool, adding it once. Strings are atoms, so equal
 * strings are equal Values and share an entry. */
int compile_const_value(Compiler *c, Value v) {
  FuncState *fs = c->fs;
  FunctionProto *p = fs->proto;
  if ((p->constant_count + 1) * 2 > fs->const_map_capacity) const_map_grow(fs);
  uint32_t mask = fs->const_map_capacity - 1, j = hash_value(v) & mask;
  for (; fs->const_slots[j] >= 0; j = (j + 1) & mask)
    if (p->constants[fs->const_slots[j]] == v) return fs->const_slots[j];
  if (p->constant_count > LIMIT_U16) {
    compile_error(c, fs->node, "too many constants in one function (limit %s)", "65536");
    return 0;
  }
  grow((void **)&p->constants, &p->constant_capacity, p->constant_count + 1, sizeof(Value));
  p->constants[p->constant_count] = v;
  fs->const_slots[j] = (int32_t)p->constant_count;
  return (int)p->constant_count++;
}

int compile_const_fresh(Compiler *c, Value v) {
  FunctionProto *p = c->fs->proto;
  if (p->constant_count > LIMIT_U16) {
    compile_error(c, c->fs->node, "too many constants in one function (limit %s)", "65536");
    return 0;
  }
  grow((void **)&p->constants, &p->constant_capacity, p->constant_count + 1, sizeof(Value));
  p->constants[p->constant_count] = v;
  return (int)p->constant_count++;
}

int compile_const_atom(Compiler *c, const char *utf8) {
  return compile_const_value(c, value_from_string(atom_from_cstr(c->vm, utf8)));
}

int compile_const_string(Compiler *c, U16Str s) {
  String *str = string_new_wide(c->vm, s.units, s.length);
  return compile_const_value(c, value_from_string(atom_intern(c->vm, str)));
}

int compile_const_number(Compiler *c, double d) {
  return compile_const_value(c, value_from_number(d));
}

/* Small integers are immediates; everything else (and -0) is a constant. */
void emit_number(Compiler *c, double d) {
  bool small = d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(int32_t)d &&
               !(d == 0 && 1 / d < 0);
  if (!small) {
    emit_u16(c, OP_PUSH_CONST, compile_const_number(c, d));
    return;
  }
  emit_opcode(c, OP_PUSH_INT, OPF_I32);
  emit_raw32(c, (int32_t)d);
}

/* ==== The line table ==== */

SrcPos compile_pos_of(const Node *n) { return (SrcPos){n->line, n->column}; }

/* Walks the source from n's start to offset `to`, counting lines and UTF-16 columns. */
static SrcPos pos_at_offset(Compiler *c, const Node *n, uint32_t to) {
  SrcPos p = compile_pos_of(n);
  const unsigned char *s = (const unsigned char *)c->source;
  for (uint32_t i = n->offset; i < to && i < c->length; i++) {
    unsigned char b = s[i];
    bool ls_ps = b == 0xE2 && i + 2 < c->length && s[i + 1] == 0x80 &&
                 (s[i + 2] == 0xA8 || s[i + 2] == 0xA9);
    if (b == '\n' || (b == '\r' && !(i + 1 < c->length && s[i + 1] == '\n')) || ls_ps) {
      p.line++, p.column = 1;
      if (ls_ps) i += 2;
    } else if (b == '\r' || (b & 0xC0) == 0x80) {
      continue; /* CR of CRLF; UTF-8 continuation bytes */
    } else {
      p.column += b >= 0xF0 ? 2 : 1; /* astral characters are two UTF-16 units */
    }
  }
  return p;
}

/* Skips blanks, comments and closing parentheses after offset i. */
static uint32_t skip_to_token(Compiler *c, uint32_t i) {
  const char *s = c->source;
  while (i < c->length) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ')') i++;
    else if (s[i] == '/' && i + 1 < c->length && s[i + 1] == '/')
      while (i < c->length && s[i] != '\n') i++;
    else if (s[i] == '/' && i + 1 < c->length && s[i + 1] == '*') {
      const char *end = strstr(s + i + 2, "*/");
      i = end ? (uint32_t)(end - s) + 2 : (uint32_t)c->length;
    } else break;
  }
  return i;
}

/* V8 reports binary operators, assignments and keyed accesses at the operator or
 * bracket that follows the left operand; the AST does not store it, the source does.
 * The walk starts at n's last operand, not at n: in a + b + c + ... the left operand
 * of each `+` is the whole chain before it, and walking that at every operator made
 * compiling a long chain quadratic. */
SrcPos compile_pos_after(Compiler *c, const Node *n) {
  uint32_t to = skip_to_token(c, n->end);
  while (n->kind == NODE_BINARY || n->kind == NODE_LOGICAL) n = n->as.binary.right;
  return pos_at_offset(c, n, to);
}

SrcPos compile_pos_of_end(Compiler *c, const Node *n) {
  return pos_at_offset(c, n, n->end > n->offset ? n->end - 1 : n->offset);
}

//> vm.compile-line-table
/* The instructions emitted from here on come from source position p. An entry is
 * added only when the position changes, and replaces one that no instruction uses. */
void compile_mark_pos(Compiler *c, SrcPos p) {
  FuncState *fs = c->fs;
  FunctionProto *proto = fs->proto;
  if ((int)fs->last_line == p.line && (int)fs->last_column == p.column) return;
  LineEntry *last = proto->line_count ? &proto->lines[proto->line_count - 1] : NULL;
  if (last && last->pc == proto->code_length && !last->name) { /* it covers nothing yet */
    last->line = (uint32_t)p.line, last->column = (uint32_t)p.column;
  } else {
    grow((void **)&proto->lines, &proto->line_capacity, proto->line_count + 1,
         sizeof(LineEntry));
    proto->lines[proto->line_count++] =
        (LineEntry){proto->code_length, (uint32_t)p.line, (uint32_t)p.column, 0};
  }
  fs->last_line = (uint32_t)p.line;
  fs->last_column = (uint32_t)p.column;
}
//< vm.compile-line-table

void compile_mark_node(Compiler *c, const Node *n) { compile_mark_pos(c, compile_pos_of(n)); }

/* The next instruction (a call, or one that needs an iterable) comes from p, and V8
 * names its operand `name` in errors ("o.m is not a function"): it gets its own
 * line-table entry carrying the name. */
void compile_mark_site(Compiler *c, SrcPos p, const char *name) {
  compile_mark_pos(c, p);
  FunctionProto *proto = c->fs->proto;
  if (proto->lines[proto->line_count - 1].pc != proto->code_length) {
    grow((void **)&proto->lines, &proto->line_capacity, proto->line_count + 1,
         sizeof(LineEntry));
    proto->lines[proto->line_count++] =
        (LineEntry){proto->code_length, (uint32_t)p.line, (uint32_t)p.column, 0};
  }
  proto->lines[proto->line_count - 1].name = 1 + (uint32_t)compile_const_atom(c, name);
}

/* ==== Variables ==== */

int compile_alloc_register(Compiler *c) {
  if (c->fs->registers >= LIMIT_U16) {
    compile_error(c, c->fs->node, "too many local variables in one function (limit %s)",
                  "65535");
    return 0;
  }
  return c->fs->registers++;
}

void compile_bind_register(Compiler *c, Binding *b, int reg) {
  FuncState *fs = c->fs;
  b->reg = reg;
  if (reg >= fs->reg_name_capacity) {
    int cap = fs->reg_name_capacity ? fs->reg_name_capacity * 2 : 16;
    while (cap <= reg) cap *= 2;
    fs->reg_names = mem_realloc(fs->reg_names, (size_t)cap * sizeof *fs->reg_names);
    memset(fs->reg_names + fs->reg_name_capacity, 0,
           (size_t)(cap - fs->reg_name_capacity) * sizeof *fs->reg_names);
    fs->reg_name_capacity = cap;
  }
  fs->reg_names[reg] = b->name;
}

typedef enum AccessKind { ACCESS_LOCAL, ACCESS_CELL, ACCESS_UPVAL, ACCESS_GLOBAL } AccessKind;

typedef struct Access {
  AccessKind kind;
  int index; /* register, upvalue index */
} Access;

static FuncState *owner_state(Compiler *c, const Binding *b) {
  for (FuncState *fs = c->fs; fs; fs = fs->enclosing)
    if (fs->node == b->scope->owner) return fs;
  PANIC("owner_state: binding outside every enclosing function");
}

//> vm.compile-upvalue
/* The index of b in fs's upvalue list, adding it (and, recursively, to the
 * functions in between) the first time: the parent's register if b is the
 * parent's own binding, otherwise the parent's upvalue. */
static int resolve_upvalue(Compiler *c, FuncState *fs, Binding *b) {
  for (int i = 0; i < fs->upval_count; i++)
    if (fs->upval_bindings[i] == b) return i;
  FuncState *parent = fs->enclosing;
  UpvalDesc d;
  if (parent->node == b->scope->owner) {
    if (!b->captured || b->reg < 0) PANIC("resolve_upvalue: binding has no cell");
    d = (UpvalDesc){1, (uint16_t)b->reg};
  } else {
    d = (UpvalDesc){0, (uint16_t)resolve_upvalue(c, parent, b)};
  }
  if (fs->upval_count == fs->upval_capacity) {
    fs->upval_capacity = fs->upval_capacity ? fs->upval_capacity * 2 : 8;
    fs->upvals = mem_realloc(fs->upvals, (size_t)fs->upval_capacity * sizeof *fs->upvals);
    fs->upval_bindings =
        mem_realloc(fs->upval_bindings, (size_t)fs->upval_capacity * sizeof *fs->upval_bindings);
  }
  fs->upvals[fs->upval_count] = d;
  fs->upval_bindings[fs->upval_count] = b;
  return fs->upval_count++;
}
//< vm.compile-upvalue

static Access access_of(Compiler *c, Binding *b) {
  if (!b) return (Access){ACCESS_GLOBAL, 0};
  if (owner_state(c, b) != c->fs) return (Access){ACCESS_UPVAL, resolve_upvalue(c, c->fs, b)};
  if (b->reg < 0) PANIC("access_of: binding used before its scope was entered");
  return (Access){b->captured ? ACCESS_CELL : ACCESS_LOCAL, b->reg};
}

static Binding *eval_vars_for(Compiler *c, const Binding *b);

/* What the eval code needs to word a private name's errors (EVAL_PRIVATE_INFO). */
static void add_private_info(Compiler *c, Array *a, const Binding *b) {
  const char *cls = compile_private_class(b);
  size_t n = strlen(cls);
  char *text = mem_alloc(n + 2);
  text[0] = ' ';
  memcpy(text + 1, cls, n + 1);
  array_push(c->vm, a, value_from_string(atom_from_cstr(c->vm, text)));
  free(text);
  const Node *m = b->decl;
  int code = EVAL_PRIVATE_INFO | (m->as.property.kind == PROP_INIT ? EVAL_PRIVATE_FIELD : 0) |
             (m->as.property.is_static ? EVAL_PRIVATE_STATIC : 0);
  array_push(c->vm, a, value_from_number(code));
}

static void add_eval_name(Compiler *c, Array *a, Binding *b, bool caller_var) {
  Value name = value_from_string(atom_from_cstr(c->vm, b->name)); /* atoms: one per text */
  for (uint32_t i = 0; i + 1 < a->length && b->kind != BIND_WITH; i += 2)
    if (a->elements[i] == name) return; /* an inner binding shadows it (not a with's) */
  if (!b->captured || (b->reg < 0 && owner_state(c, b) == c->fs)) return;
  Access acc = access_of(c, b);
  int code = (int)b->kind | (caller_var ? 16 : 0) | (acc.kind == ACCESS_CELL ? 32 : 0);
  if (acc.kind == ACCESS_UPVAL && (!b->scope->eval_caller || b->shadowable)) code |= 64;
  array_push(c->vm, a, name);
  array_push(c->vm, a, value_from_number(code | acc.index << 8));
  if (b->kind == BIND_PRIVATE) add_private_info(c, a, b);
}

/* Is ts, a function's scope, a class field initializer or a static block? */
static bool in_class_field(const Scope *ts) {
  const Node *f = ts->owner;
  return f->kind == NODE_FUNCTION && (f->as.function.flags & (FN_CLASS_FIELD | FN_STATIC_BLOCK));
}

//> vm.compile-eval-names
/* A direct eval's view of its caller: [name, code, ...] for every binding in scope at
 * the call, innermost first, each a Cell the eval code's closure will share. code is
 * the binding's kind, bit 4 set for one of the caller's function scope (eval code's
 * var joins it), bit 5 for a Cell in a register (else one of this closure's), the
 * register or upvalue index from bit 8. The first pair is ("", flags): 1 strict,
 * 2 vars are global, 4 in a function (new.target allowed), 8 in a method (super.x),
 * 16 in a class field initializer or static block (no `arguments`). */
int compile_eval_names(Compiler *c, Scope *s) {
  VM *vm = c->vm;
  Value list = value_from_object(&array_new(vm, 8)->base);
  Array *a = (Array *)value_to_object(list);
  Scope *vs = s, *ts = s;
  while (vs->kind != SCOPE_FUNCTION && vs->kind != SCOPE_BODY) vs = vs->parent;
  while (ts->kind != SCOPE_FUNCTION || ts->is_arrow) ts = ts->parent;
  bool var_global = vs->globals && !eval_vars_for(c, NULL);
  int flags = (scope_is_strict(s) ? 1 : 0) | (var_global ? 2 : 0) | (ts->is_toplevel ? 0 : 4) |
              (ts->home_binding ? 8 : 0) | (in_class_field(ts) ? 16 : 0);
  array_push(vm, a, value_from_string(vm->atom_empty));
  array_push(vm, a, value_from_number(flags));
  Binding *implicit[] = {ts->this_binding, ts->new_target_binding, ts->arguments_binding,
                         ts->home_binding};
  /* in a parameter expression the parameters are not vars: eval's `var a` redeclares a */
  bool in_params = vs->kind == SCOPE_FUNCTION && vs->owner->kind == NODE_FUNCTION &&
                   vs->owner->as.function.body_scope != vs;
  for (; s; s = s->parent) {
    if (s->globals) continue;
    bool caller = !in_params && (s == vs || (vs->kind == SCOPE_BODY && s == vs->parent));
    for (Binding *b = s->first; b; b = b->next) add_eval_name(c, a, b, caller);
  }
  for (int i = 0; i < 4; i++)
    if (implicit[i]) add_eval_name(c, a, implicit[i], i == 2);
  return compile_const_value(c, list);
}
//< vm.compile-eval-names

/* Does this read need the TDZ check? Reads from nested functions of a binding that
 * some of them may read early do; in its own function, only early reads do. */
static bool needs_tdz_check(Compiler *c, const Binding *b) {
  return b && b->tdz_check && (b->tdz_check_local || owner_state(c, b) != c->fs);
}

//> vm.compile-load
/* Pushes the value of a binding (NULL = the global called name). */
static void load_binding(Compiler *c, Binding *b, const char *name, SrcPos at) {
  if (!b && strcmp(name, "undefined") == 0) {
    emit_op(c, OP_PUSH_UNDEFINED);
    return;
  }
  Access a = access_of(c, b);
  bool check = needs_tdz_check(c, b);
  if (a.kind == ACCESS_GLOBAL || check) compile_mark_pos(c, at);
  static const Opcode plain[] = {OP_GET_LOCAL, OP_GET_CELL, OP_GET_UPVAL, OP_GET_GLOBAL};
  static const Opcode checked[] = {OP_GET_LOCAL_CHECKED, OP_GET_CELL_CHECKED,
                                   OP_GET_UPVAL_CHECKED, OP_GET_GLOBAL};
  if (a.kind == ACCESS_GLOBAL) {
    emit_u16(c, OP_GET_GLOBAL, compile_const_atom(c, name));
    return;
  }
  if (check) {
    emit_u16u16(c, checked[a.kind], a.index, compile_const_atom(c, name));
    return;
  }
  emit_u16(c, plain[a.kind], a.index);
}
//< vm.compile-load

//> vm.compile-eval-vars
/* A sloppy direct eval can declare a var in its caller's function at run time, hiding
 * a name from further out: the var object of the nearest function between here and
 * b's (NULL: a global's) that has one, which a use of b must look in first; else NULL. */
static Binding *eval_vars_for(Compiler *c, const Binding *b) {
  for (FuncState *fs = c->fs; fs; fs = fs->enclosing) {
    bool owner = b && fs->node == b->scope->owner;
    if (owner && !(b->scope->eval_caller && b->shadowable)) return NULL;
    if (fs->eval_vars && fs->eval_vars != b) return fs->eval_vars;
    if (owner) return NULL;
  }
  return NULL;
}

/* Asks an object that may hold name (binding holder: the var object of eval, a with
 * statement's object) with op, DYN_GET or DYN_DELETE here: the answer stays on the stack
 * and jumps to the site returned when there is one, else it is popped. */
static uint32_t probe_object(Compiler *c, const Binding *holder, Opcode op, const char *name) {
  int depth = c->fs->depth;
  load_binding(c, (Binding *)holder, holder->name, (SrcPos){0, 0});
  emit_u16(c, op, compile_const_atom(c, name));
  uint32_t site = emit_jump(c, OP_JUMP_IF_NOT_HOLE);
  compile_set_depth(c, depth); /* fell through: popped */
  return site;
}

/* Stores the value on top into the holder's property name with op (DYN_SET, WITH_SET) if
 * it has one: the site that jumps past the ordinary store when it had. */
static uint32_t probe_set(Compiler *c, const Binding *holder, Opcode op, const char *name) {
  load_binding(c, (Binding *)holder, holder->name, (SrcPos){0, 0});
  emit_u16(c, op, compile_const_atom(c, name));
  return emit_jump(c, OP_JUMP_IF_TRUE);
}

uint32_t compile_eval_var_get(Compiler *c, Binding *b, const char *name) {
  Binding *vars = eval_vars_for(c, b);
  return vars ? probe_object(c, vars, OP_DYN_GET, name) : 0;
}

uint32_t compile_eval_var_delete(Compiler *c, const char *name) {
  Binding *vars = eval_vars_for(c, NULL);
  return vars ? probe_object(c, vars, OP_DYN_DELETE, name) : 0;
}

/* Pushes b's value past the with statements: after eval's var objects, if any. */
static void load_past_with(Compiler *c, Binding *b, const char *name, SrcPos at) {
  uint32_t site = compile_eval_var_get(c, b, name);
  load_binding(c, b, name, at);
  if (site) compile_patch_here(c, site);
}

void emit_load_binding(Compiler *c, Binding *b, const char *name, SrcPos at) {
  PatchList found = {0};
  compile_with_probes(c, b, OP_WITH_GET, name, at, &found);
  load_past_with(c, b, name, at);
  compile_patch_list_here(c, &found);
}

/* Stores the value on top into an eval var of that name, if there may be and is one;
 * the site to patch after the ordinary store (0: none). */
static uint32_t eval_var_set(Compiler *c, Binding *b, const char *name) {
  Binding *vars = eval_vars_for(c, b);
  return vars ? probe_set(c, vars, OP_DYN_SET, name) : 0;
}

/* Eval code's var and function declarations go to the caller's var object, or are
 * the global object's configurable properties (a script's are not). */
static bool eval_declare(Compiler *c, const char *name, bool function) {
  Binding *vars = eval_vars_for(c, NULL);
  if (!vars && !c->eval_globals) return false;
  if (!function) emit_op(c, OP_PUSH_UNDEFINED);
  if (vars) load_binding(c, vars, vars->name, (SrcPos){0, 0});
  else emit_u16(c, OP_GET_GLOBAL, compile_const_atom(c, "globalThis"));
  emit_u16(c, function ? OP_DYN_DECLARE_FN : OP_DYN_DECLARE_VAR, compile_const_atom(c, name));
  if (!function) emit_op(c, OP_POP);
  return true;
}

/* Entering a function whose eval code may declare vars: its var object, which
 * inherits from the next one out (so one lookup sees them all). */
static void init_eval_vars(Compiler *c, Binding *vars) {
  Binding *outer = NULL;
  for (FuncState *fs = c->fs->enclosing; fs && !outer; fs = fs->enclosing) outer = fs->eval_vars;
  if (outer) load_binding(c, outer, outer->name, (SrcPos){0, 0});
  else emit_op(c, OP_PUSH_NULL);
  emit_op(c, OP_NEW_VARS);
  emit_u16(c, OP_SET_CELL, vars->reg);
  emit_op(c, OP_POP);
}
//< vm.compile-eval-vars

//> vm.compile-with
/* Does the with statement w stand between a use and b's declaration (b NULL: a global,
 * outside every scope), that is, is w inside b's scope? Seen from direct eval code, a
 * caller's with hides the caller's names listed after it (they are further out). */
static bool with_hides(const WithScope *w, const Binding *b) {
  if (!b) return true;
  if (w->caller_index >= 0) return b->scope->eval_caller && b->reg > w->caller_index;
  for (const Scope *s = w->scope->parent; s; s = s->parent)
    if (s == b->scope) return true;
  return false;
}

bool compile_in_with(Compiler *c, const Binding *b) {
  for (WithScope *w = c->withs; w; w = w->outer)
    if (with_hides(w, b)) return true;
  return false;
}

/* One probe per with statement that hides b, innermost first: a read (probe_object) or,
 * for WITH_SET, a store (probe_set); each site that found the name goes on sites. */
void compile_with_probes(Compiler *c, const Binding *b, Opcode op, const char *name, SrcPos at,
                         PatchList *sites) {
  if (!compile_in_with(c, b)) return;
  compile_mark_pos(c, at); /* a getter, setter or proxy trap may throw */
  for (WithScope *w = c->withs; w; w = w->outer)
    if (with_hides(w, b))
      compile_patch_list_add(sites, op == OP_WITH_SET ? probe_set(c, w->scope->first, op, name)
                                                      : probe_object(c, w->scope->first, op, name));
}

void compile_with_callee(Compiler *c, const Node *id, SrcPos at) {
  PatchList found = {0};
  Binding *b = id->as.ident.binding;
  compile_with_probes(c, b, OP_WITH_CALLEE, id->as.ident.name, at, &found);
  load_past_with(c, b, id->as.ident.name, at);
  emit_op(c, OP_PUSH_UNDEFINED);
  compile_patch_list_here(c, &found); /* found: the function, then its object as this */
}
//< vm.compile-with

static bool is_const_binding(Compiler *c, const Binding *b) {
  if (b->kind == BIND_CONST) return true;
  return b->kind == BIND_CALLEE && (b->scope->owner->as.function.flags & FN_STRICT);
}

static void store_binding(Compiler *c, Binding *b, const char *name, int how, SrcPos at);

/* Stores the value on top of the stack (leaving it there). how is STORE_ASSIGN or
 * STORE_UPDATE for an assignment, or the VarKind of a declaration that initialises
 * the binding. */
void emit_store_binding(Compiler *c, Binding *b, const char *name, int how, SrcPos at) {
  bool lexical = how == VAR_LET || how == VAR_CONST;
  if (how == STORE_GLOBAL_FUNCTION && eval_declare(c, name, true)) return;
  PatchList done = {0};
  if (!lexical && how != STORE_VAR_DIRECT && how != STORE_GLOBAL_FUNCTION)
    compile_with_probes(c, b, OP_WITH_SET, name, at, &done);
  if (how == STORE_VAR_DIRECT) how = VAR_VAR;
  uint32_t site = lexical ? 0 : eval_var_set(c, b, name);
  store_binding(c, b, name, how, at);
  if (site) compile_patch_here(c, site);
  compile_patch_list_here(c, &done);
}

static void store_binding(Compiler *c, Binding *b, const char *name, int how, SrcPos at) {
  if (!b) { /* a script's top level: var and functions on the global object, let and
             * const in the global lexical record */
    compile_mark_pos(c, at);
    Opcode op = how == VAR_LET ? OP_DEFINE_LET : how == VAR_CONST ? OP_DEFINE_CONST
                : how == STORE_GLOBAL_FUNCTION ? OP_DEFINE_GLOBAL : OP_SET_GLOBAL;
    emit_u16(c, op, compile_const_atom(c, name));
    return;
  }
  if (how == STORE_ASSIGN && needs_tdz_check(c, b)) { /* x = 1 before let x */
    emit_load_binding(c, b, name, at);
    emit_op(c, OP_POP);
  }
  if (how == STORE_UPDATE) how = STORE_ASSIGN; /* x += 1 read x: no second TDZ check */
  if (how == STORE_ASSIGN && is_const_binding(c, b)) {
    compile_mark_pos(c, at);
    emit_u16(c, OP_THROW_CONST_ASSIGN, compile_const_atom(c, name));
    return;
  }
  if (how == STORE_ASSIGN && b->kind == BIND_CALLEE) return; /* sloppy: silently ignored */
  Access a = access_of(c, b);
  static const Opcode set[] = {OP_SET_LOCAL, OP_SET_CELL, OP_SET_UPVAL};
  emit_u16(c, set[a.kind], a.index);
}

/* Is b the `this` of a derived class's constructor, unbound until super() returns? */
static bool is_derived_this(const Binding *b) {
  const Node *owner = b ? b->scope->owner : NULL;
  return b && b->kind == BIND_THIS && owner->kind == NODE_FUNCTION &&
         (owner->as.function.flags & FN_DERIVED);
}

/* Pushes an implicit binding: this, new.target or the home function (super). In its own
 * function it is the frame's, except a derived constructor's captured `this`, which
 * lives in its cell (super() in an arrow binds it there); nested functions read their
 * upvalue. No check: a derived `this` may still be the hole. */
void emit_load_implicit(Compiler *c, Binding *b) {
  if (b && owner_state(c, b) != c->fs) {
    emit_u16(c, OP_GET_UPVAL, access_of(c, b).index);
    return;
  }
  if (b && b->captured && is_derived_this(b)) {
    emit_u16(c, OP_GET_CELL, b->reg);
    return;
  }
  BindingKind kind = b ? b->kind : BIND_THIS;
  emit_op(c, kind == BIND_THIS ? OP_PUSH_THIS : kind == BIND_HOME ? OP_PUSH_CALLEE
                                                                  : OP_PUSH_NEW_TARGET);
}

/* super() binds a derived constructor's `this`: value on top -> value. A second call
 * finds it bound and throws. */
void emit_bind_this(Compiler *c, Binding *b) {
  emit_load_implicit(c, b);
  emit_op(c, OP_CHECK_THIS_UNBOUND);
  bool own = !b || owner_state(c, b) == c->fs;
  if (own && (!b || !b->captured)) emit_op(c, OP_SET_THIS);
  else emit_u16(c, own ? OP_SET_CELL : OP_SET_UPVAL, own ? b->reg : access_of(c, b).index);
}

/* An identifier, `this` or `new.target` (whose implicit bindings arrows capture). */
void emit_load_name(Compiler *c, const Node *n) {
  Binding *b = n->as.ident.binding;
  if (n->kind == NODE_IDENTIFIER && n->as.ident.early_param) {
    compile_mark_node(c, n);
    emit_u16(c, OP_THROW_TDZ, compile_const_atom(c, n->as.ident.name));
    return;
  }
  if (n->kind == NODE_IDENTIFIER) {
    emit_load_binding(c, b, n->as.ident.name, compile_pos_of(n));
    return;
  }
  if (n->kind == NODE_THIS && is_derived_this(b)) {
    emit_load_implicit(c, b);
    compile_mark_node(c, n);
    emit_op(c, OP_CHECK_THIS);
    return;
  }
  bool own = !b || owner_state(c, b) == c->fs;
  if (own) {
    emit_op(c, n->kind == NODE_THIS ? OP_PUSH_THIS : OP_PUSH_NEW_TARGET);
    return;
  }
  emit_u16(c, OP_GET_UPVAL, access_of(c, b).index);
}

/* ==== Scopes ==== */

static bool is_lexical(BindingKind k) {
  return k == BIND_LET || k == BIND_CONST || k == BIND_CLASS;
}

/* A captured binding whose register already holds its value (a parameter, the
 * arguments object) moves the value into a fresh Cell. */
static void box_register(Compiler *c, int reg) {
  emit_u16(c, OP_GET_LOCAL, reg);
  emit_u16(c, OP_NEW_CELL, reg);
  emit_u16(c, OP_SET_CELL, reg);
  emit_op(c, OP_POP);
}

//> vm.compile-enter-scope
/* Entering a scope: every binding gets a register (once), captured ones a new Cell
 * (holding the TDZ marker), and let/const/class that may be read early the hole. */
static void init_binding(Compiler *c, Binding *b) {
  bool fresh = b->reg < 0;
  if (fresh) compile_bind_register(c, b, compile_alloc_register(c));
  if (b->kind == BIND_PARAM) { /* a plain parameter's register already holds it */
    if (proto_maps_arguments(c->fs->proto)) return; /* already a Cell: alias_parameters */
    if (b->captured && !fresh) box_register(c, b->reg);
    else if (b->captured) emit_u16(c, OP_NEW_CELL, b->reg); /* a destructured one */
    return;
  }
  if (b->captured) {
    emit_u16(c, OP_NEW_CELL, b->reg);
    if (b->kind == BIND_VAR) { /* var starts undefined, not in the TDZ */
      emit_op(c, OP_PUSH_UNDEFINED);
      emit_u16(c, OP_SET_CELL, b->reg);
      emit_op(c, OP_POP);
    }
  } else if (is_lexical(b->kind) && b->tdz_check) {
    emit_op(c, OP_PUSH_HOLE);
    emit_u16(c, OP_SET_LOCAL, b->reg);
    emit_op(c, OP_POP);
  }
}

void compile_enter_scope(Compiler *c, Scope *s) {
  if (!s || s->globals) return;
  for (Binding *b = s->first; b; b = b->next) init_binding(c, b);
  if (s->eval_vars) init_eval_vars(c, s->eval_vars);
}
//< vm.compile-enter-scope

/* Function declarations are instantiated before the code of their scope runs. */
void compile_hoist_functions(Compiler *c, NodeList *body) {
  for (int i = 0; i < body->count; i++) {
    Node *s = body->items[i];
    while (s->kind == NODE_LABELED) s = s->as.labeled.body;
    if (s->kind != NODE_FUNCTION || !(s->as.function.flags & FN_DECLARATION)) continue;
    Node *id = s->as.function.id;
    emit_function(c, s);
    int how = id->as.ident.binding ? VAR_VAR : STORE_GLOBAL_FUNCTION;
    emit_store_binding(c, id->as.ident.binding, id->as.ident.name, how, compile_pos_of(id));
    emit_op(c, OP_POP);
  }
}

/* Script top level: var names become global properties before anything runs, and
 * let/const names enter the global lexical record uninitialised (their TDZ). */
static void hoist_global_vars(Compiler *c, Scope *s) {
  for (Binding *b = s->first; b; b = b->next) { /* every name is checked before any is made */
    bool lexical = b->kind == BIND_LET || b->kind == BIND_CONST || b->kind == BIND_CLASS;
    if (b->kind != BIND_VAR && b->kind != BIND_FUNCTION && !lexical) continue;
    int name = compile_const_atom(c, b->name);
    bool function = b->kind == BIND_FUNCTION || (b->decl && b->decl->kind == NODE_FUNCTION);
    if (function) emit_u16u16(c, OP_CHECK_GLOBAL_FN, (uint16_t)name, c->eval_globals);
    else emit_u16(c, lexical ? OP_CHECK_GLOBAL_LET : OP_CHECK_GLOBAL_VAR, (uint16_t)name);
  }
  for (Binding *b = s->first; b; b = b->next) {
    bool lexical = b->kind == BIND_LET || b->kind == BIND_CONST || b->kind == BIND_CLASS;
    if (b->kind != BIND_VAR && !lexical) continue;
    if (!lexical && eval_declare(c, b->name, false)) continue;
    emit_op(c, lexical ? OP_PUSH_HOLE : OP_PUSH_UNDEFINED);
    emit_u16(c, lexical ? OP_DEFINE_LET : OP_DEFINE_GLOBAL, compile_const_atom(c, b->name));
    emit_op(c, OP_POP);
  }
}

/* ==== Functions ==== */

static FunctionProto *proto_new(Compiler *c, const Node *n, const char *name, uint32_t flags) {
  FunctionProto *p = function_proto_new(c->vm);
  p->name = atom_from_cstr(c->vm, name ? name : "");
  p->filename = c->filename;
  p->flags = flags;
  p->arguments_register = -1;
  p->rest_register = -1;
  p->source = c->kept_source; /* for Function.prototype.toString */
  p->source_start = n->offset;
  p->source_end = n->end;
  if (n->kind == NODE_FUNCTION && n->parenthesized) { /* (function () {}): not the parens */
    p->source_start = (uint32_t)(n->as.function.source_start - c->source);
    p->source_end = n->as.function.source_end;
  }
  p->line = (uint32_t)n->line;
  p->column = (uint32_t)n->column;
  return p;
}

static void state_begin(Compiler *c, FuncState *fs, Node *node, Scope *scope,
                        FunctionProto *proto) {
  *fs = (FuncState){.enclosing = c->fs, .node = node, .scope = scope, .proto = proto,
                    .return_register = -1, .completion_register = -1};
  c->fs = fs;
}

static const char *reg_name(const FuncState *fs, int reg) {
  return reg < fs->reg_name_capacity && fs->reg_names[reg] ? fs->reg_names[reg] : "";
}

//> vm.compile-names
/* The proto's variable names, packed into one allocation: a NUL-terminated name per
 * register, then one per upvalue ("" for a temporary); NULL when nothing has a name.
 * Kept always: it costs a few bytes per variable and no instruction at run time. */
static char *pack_names(const FuncState *fs) {
  size_t size = 0;
  bool any = fs->upval_count > 0;
  for (int r = 0; r < fs->registers; r++) {
    size += strlen(reg_name(fs, r)) + 1;
    any |= reg_name(fs, r)[0] != 0;
  }
  for (int u = 0; u < fs->upval_count; u++) size += strlen(fs->upval_bindings[u]->name) + 1;
  if (!any) return NULL;
  char *names = mem_alloc(size), *at = names;
  for (int r = 0; r < fs->registers + fs->upval_count; r++) {
    const char *name = r < fs->registers ? reg_name(fs, r)
                                         : fs->upval_bindings[r - fs->registers]->name;
    size_t n = strlen(name) + 1;
    memcpy(at, name, n);
    at += n;
  }
  return names;
}
//< vm.compile-names

/* Copies what the proto needs out of the state and frees the rest. */
static FunctionProto *state_end(Compiler *c) {
  FuncState *fs = c->fs;
  FunctionProto *p = fs->proto;
  if (fs->max_depth > LIMIT_U16)
    compile_error(c, fs->node, "expression too deeply nested (limit %s)", "65535");
  p->register_count = (uint16_t)fs->registers;
  p->max_stack = (uint16_t)fs->max_depth;
  p->upval_count = (uint32_t)fs->upval_count;
  p->upvals = fs->upvals; /* ownership moves to the proto */
  p->names = pack_names(fs);
  free(fs->reg_names);
  free(fs->upval_bindings);
  free(fs->const_slots);
  c->fs = fs->enclosing;
  return p;
}

/* The implicit bindings of a non-arrow function, when something uses them. */
static void init_implicit(Compiler *c, Scope *s) {
  Binding *args = s->arguments_binding;
  if (args) {
    compile_bind_register(c, args, compile_alloc_register(c));
    c->fs->proto->arguments_register = args->reg;
    if (args->captured) box_register(c, args->reg);
  }
  Binding *implicit[3] = {s->this_binding, s->new_target_binding, s->home_binding};
  static const Opcode load[3] = {OP_PUSH_THIS, OP_PUSH_NEW_TARGET, OP_PUSH_CALLEE};
  for (int i = 0; i < 3; i++) {
    Binding *b = implicit[i];
    if (!b || !b->captured) continue; /* the function itself uses PUSH_THIS */
    compile_bind_register(c, b, compile_alloc_register(c));
    emit_u16(c, OP_NEW_CELL, b->reg);
    emit_op(c, load[i]);
    emit_u16(c, OP_SET_CELL, b->reg);
    emit_op(c, OP_POP);
  }
}

/* Registers 0..n-1 receive the arguments; a simple parameter is its own register. */
static void assign_param_registers(Compiler *c, Node *fn, int param_count) {
  NodeList *params = &fn->as.function.params;
  c->fs->registers = param_count;
  for (int i = 0; i < params->count; i++) {
    Node *p = params->items[i];
    if (p->kind != NODE_IDENTIFIER) continue;
    Binding *b = scope_find_own(fn->as.function.scope, p->as.ident.name);
    if (b && b->param_index == i) compile_bind_register(c, b, i);
  }
}

/* Defaults, patterns and the rest parameter, in order (after cells exist). */
static void compile_params(Compiler *c, Node *fn) {
  NodeList *params = &fn->as.function.params;
  for (int i = 0; i < params->count; i++) {
    Node *p = params->items[i];
    if (p->kind == NODE_IDENTIFIER) continue;
    if (p->kind == NODE_REST && p->as.unary.operand->kind == NODE_IDENTIFIER) continue;
    if (p->kind == NODE_REST) {
      int reg = compile_alloc_register(c);
      c->fs->proto->rest_register = reg;
      emit_u16(c, OP_GET_LOCAL, reg);
      compile_pattern_assign(c, p->as.unary.operand, VAR_VAR, NULL);
      continue;
    }
    emit_u16(c, OP_GET_LOCAL, i);
    compile_pattern_assign(c, p, VAR_VAR, NULL);
  }
}

/* A rest parameter that is a plain name lives directly in rest_register. */
static void bind_simple_rest(Compiler *c, Node *fn) {
  NodeList *params = &fn->as.function.params;
  if (params->count == 0) return;
  Node *last = params->items[params->count - 1];
  if (last->kind != NODE_REST || last->as.unary.operand->kind != NODE_IDENTIFIER) return;
  Binding *b = last->as.unary.operand->as.ident.binding;
  compile_bind_register(c, b, compile_alloc_register(c));
  c->fs->proto->rest_register = b->reg;
}

static int formal_count(const Node *fn) {
  const NodeList *params = &fn->as.function.params;
  int n = params->count;
  if (n > 0 && params->items[n - 1]->kind == NODE_REST) n--;
  return n;
}

/* Are there parameters other than plain names (defaults, patterns, a patterned rest)? */
static bool has_complex_params(const Node *fn) {
  const NodeList *params = &fn->as.function.params;
  for (int i = 0; i < params->count; i++) {
    const Node *p = params->items[i];
    if (p->kind == NODE_REST && p->as.unary.operand->kind == NODE_IDENTIFIER) continue;
    if (p->kind != NODE_IDENTIFIER) return true;
  }
  return false;
}

/* A named function expression sees its own name: the running closure. */
static void init_callee(Compiler *c, Node *fn) {
  Scope *name_scope = fn->as.function.scope->parent;
  if (!name_scope || name_scope->kind != SCOPE_FUNCTION_NAME || name_scope->owner != fn) return;
  Binding *callee = name_scope->first;
  if (!callee->referenced) return;
  compile_bind_register(c, callee, compile_alloc_register(c));
  emit_op(c, OP_PUSH_CALLEE);
  if (callee->captured) emit_u16(c, OP_NEW_CELL, callee->reg);
  emit_u16(c, callee->captured ? OP_SET_CELL : OP_SET_LOCAL, callee->reg);
  emit_op(c, OP_POP);
}

/* A body with a scope of its own (parameter expressions): its bindings are made, and
 * a var named like a parameter starts with the parameter's value. */
static void enter_body_scope(Compiler *c, Node *fn) {
  Scope *body = fn->as.function.body_scope;
  compile_enter_scope(c, body);
  for (Binding *b = body->first; b; b = b->next) {
    Binding *param = b->kind == BIND_VAR ? scope_find_own(body->parent, b->name) : NULL;
    if (!param || param->kind != BIND_PARAM) continue;
    emit_load_binding(c, param, b->name, compile_pos_of(fn));
    emit_store_binding(c, b, b->name, VAR_VAR, compile_pos_of(fn));
    emit_op(c, OP_POP);
  }
}

/* With a mapped arguments object, every parameter lives in a Cell it shares. */
static void share_parameters(Scope *s) {
  for (Binding *b = s->first; b; b = b->next)
    if (b->kind == BIND_PARAM) b->captured = true;
}

//> vm.compile-prologue
/* The code a function runs before its body: cells for captured parameters and
 * locals, its own name, implicit bindings, defaults and destructured parameters,
 * the body's own scope if it has one, then the function declarations of the body. */
static void compile_prologue(Compiler *c, Node *fn) {
  struct Function *f = &fn->as.function;
  assign_param_registers(c, fn, formal_count(fn));
  bind_simple_rest(c, fn);
  init_callee(c, fn);
  init_implicit(c, f->scope);
  if (proto_maps_arguments(c->fs->proto)) share_parameters(f->scope);
  compile_enter_scope(c, f->scope);
  if (has_complex_params(fn)) compile_params(c, fn);
  if (f->body_scope != f->scope) enter_body_scope(c, fn);
  compile_hoist_functions(c, &f->body);
}
//< vm.compile-prologue

FunctionProto *compile_function(Compiler *c, Node *fn) {
  struct Function *f = &fn->as.function;
  FuncState fs;
  state_begin(c, &fs, fn, f->scope, proto_new(c, fn, f->name, (uint32_t)f->flags));
  fs.eval_vars = f->scope->eval_vars;
  fs.proto->param_count = (uint16_t)formal_count(fn);
  fs.proto->length = (uint16_t)f->param_count;
  bool suspends = f->flags & (FN_GENERATOR | FN_ASYNC);
  if (f->flags & FN_CONSTRUCTOR) compile_constructor_start(c, fn);
  if ((f->flags & FN_ASYNC) && !(f->flags & FN_GENERATOR))
    emit_op(c, OP_ASYNC_START); /* a throwing default rejects */
  compile_prologue(c, fn);
  if (f->flags & FN_GENERATOR) compile_generator_start(c);
  if (f->flags & FN_DEFAULT_CTOR) compile_default_constructor(c, fn);
  compile_body(c, &f->body);
  NodeList *body = &f->body;
  if (f->flags & FN_DERIVED) {
    emit_op(c, OP_PUSH_UNDEFINED);
    compile_return_value(c);
  } else if (suspends) {
    emit_op(c, OP_PUSH_UNDEFINED);
    emit_op(c, OP_GEN_RETURN);
  } else if (body->count == 0 || body->items[body->count - 1]->kind != NODE_RETURN) {
    emit_op(c, OP_RETURN_UNDEFINED);
  }
  return state_end(c);
}

/* A nested function becomes a constant of its parent, instantiated by CLOSURE. */
void emit_function(Compiler *c, Node *fn) {
  if (!compile_stack_ok(c)) return; /* functions nest in functions */
  FunctionProto *proto = compile_function(c, fn);
  emit_u16(c, OP_CLOSURE, compile_const_value(c, value_from_thing(proto)));
}

/* ==== The program ==== */

/* Direct eval code inside with statements: each caller's name of kind BIND_WITH (in
 * list order, innermost first) becomes a WithScope the eval code's names look through.
 * One allocation holds them and the stand-in scopes whose first binding they are. */
static WithScope *eval_caller_withs(Scope *caller) {
  int n = 0;
  for (Binding *b = caller->first; b; b = b->next) n += b->kind == BIND_WITH;
  if (!n) return NULL;
  WithScope *w = mem_calloc((size_t)n, sizeof *w + sizeof(Scope));
  Scope *scopes = (Scope *)(w + n);
  int i = 0;
  for (Binding *b = caller->first; b; b = b->next) {
    if (b->kind != BIND_WITH) continue;
    scopes[i] = (Scope){.kind = SCOPE_WITH, .owner = caller->owner, .first = b, .last = b};
    w[i] = (WithScope){&scopes[i], i + 1 < n ? &w[i + 1] : NULL, b->reg};
    i++;
  }
  return w;
}

static FunctionProto *compile_program(Compiler *c, Node *program) {
  Scope *scope = program->as.program.scope;
  uint32_t flags = FN_TOPLEVEL | (scope_is_strict(scope) ? FN_STRICT : 0);
  FuncState fs, caller = {.node = c->eval_outer}; /* direct eval: the caller's names */
  if (c->eval_outer) c->fs = &caller, caller.eval_vars = scope->parent->eval_vars;
  WithScope *caller_withs = c->eval_outer ? eval_caller_withs(scope->parent) : NULL;
  c->withs = caller_withs;
  state_begin(c, &fs, program, scope, proto_new(c, program, "", flags));
  fs.eval_vars = scope->eval_vars;
  c->eval_globals = program->as.program.eval_lexicals != NULL;
  bool module = c->mode == COMPILE_MODULE;
  fs.proto->param_count = fs.proto->length = module ? 5 : 0;
  fs.registers = module ? 5 : 0;
  for (Binding *b = scope->first; b && module; b = b->next)
    if (b->kind == BIND_PARAM) compile_bind_register(c, b, b->param_index);
  init_implicit(c, scope);
  if (scope->globals) hoist_global_vars(c, scope);
  compile_enter_scope(c, scope);
  compile_enter_scope(c, program->as.program.eval_lexicals);
  compile_hoist_functions(c, &program->as.program.body);
  if (module) {
    compile_body(c, &program->as.program.body);
    emit_op(c, OP_RETURN_UNDEFINED);
    return state_end(c);
  }
  fs.completion_register = compile_alloc_register(c); /* a script returns its completion value */
  compile_body(c, &program->as.program.body);
  emit_u16(c, OP_GET_LOCAL, fs.completion_register);
  emit_op(c, OP_RETURN);
  FunctionProto *proto = state_end(c);
  c->fs = NULL; /* not the caller's names */
  c->withs = NULL;
  free(caller_withs);
  return proto;
}

static Value syntax_error(VM *vm, const char *filename, const ParseError *err) {
  if (err->stack_overflow) return vm_throw_stack_overflow(vm); /* node's RangeError */
  vm_throw_error(vm, ERR_SYNTAX, "%s", err->message);
  vm->exception_site =
      (SourceSite){vm_intern_filename(vm, filename), err->line, err->column, err->length};
  return VALUE_EXCEPTION;
}

Parser *vm_parser_new(VM *vm, const char *source, size_t length, ParseMode mode) {
  Parser *parser = parse_new(source, length, mode, vm->stack_limit);
  parse_set_regexp_check(parser, vm->regexp_hooks.check);
  return parser;
}

//> vm.compile-entry
Value vm_compile(VM *vm, const char *source, size_t length, const char *filename,
                 CompileMode mode) {
  ParseMode pmode = mode == COMPILE_MODULE ? PARSE_MODULE : PARSE_SCRIPT;
  Parser *parser = vm_parser_new(vm, source, length, pmode);
  ParseError err = {0};
  Node *program = parse_program(parser, &err);
  return compile_tree(vm, parser, program, &err, source, length, filename, mode, NULL);
}
//< vm.compile-entry

/* The second half of vm_compile, shared with Function() and eval (vm/eval.c). */
Value compile_tree(VM *vm, Parser *parser, Node *program, ParseError *err, const char *source,
                   size_t length, const char *filename, CompileMode mode, Node *eval_outer) {
  ParseMode pmode = mode == COMPILE_MODULE ? PARSE_MODULE : PARSE_SCRIPT;
  if (!program || scope_analyze(parser, program, pmode, err) != 0) {
    parse_free(parser);
    return syntax_error(vm, filename, err);
  }
  vm->gc_paused++; /* half-built protos are not reachable from any root yet */
  Compiler c = {.vm = vm, .source = source, .length = length, .mode = mode,
                .filename = vm_intern_filename(vm, filename),
                .kept_source = vm_keep_source(vm, source, length), .eval_outer = eval_outer};
  FunctionProto *proto = compile_program(&c, program);
  Value result = VALUE_EXCEPTION; /* eval code's upvalues are the caller's: vm/eval.c */
  if (!c.failed) result = value_from_object(&closure_new(vm, proto, proto->upval_count)->base);
  vm->gc_paused--;
  parse_free(parser);
  return result;
}
