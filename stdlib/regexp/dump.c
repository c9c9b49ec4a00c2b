/* dump.c - the names and sizes of the RegExp opcodes, and a disassembler that prints a
 * compiled pattern one instruction per line. Book: chapter 14, "Regular expressions".
 *
 * The listing shows the code index of each instruction, its name and its operands;
 * characters are shown as 'c' when printable ASCII and U+XXXX otherwise. Entry point:
 * regexp_disassemble (regexp.h).
 */
#include <stdio.h>

#include "stdlib/regexp/internal.h"

const char *const regexp_op_names[] = {
#define RE_OP_NAME(name, n) #name,
    RE_OPCODES(RE_OP_NAME)
#undef RE_OP_NAME
};

const uint8_t regexp_op_sizes[] = {
#define RE_OP_SIZE(name, n) n,
    RE_OPCODES(RE_OP_SIZE)
#undef RE_OP_SIZE
};

static void print_char(FILE *out, uint32_t c) {
  if (c >= 0x20 && c < 0x7F && c != '\'')
    fprintf(out, " '%c'", (int)c);
  else
    fprintf(out, " U+%04X", (unsigned)c);
}

static void print_class(FILE *out, const ReClass *k) {
  fprintf(out, " [");
  for (int i = 0; i < k->n && i < 8; i++) {
    uint32_t lo = k->r[2 * i], hi = k->r[2 * i + 1];
    print_char(out, lo);
    if (hi != lo) {
      fprintf(out, "-");
      print_char(out, hi);
    }
  }
  fprintf(out, k->n > 8 ? " ... %d ranges ]" : " ]", k->n);
}

static bool is_char_op(uint32_t op) {
  return op == OP_CHAR || op == OP_CHAR_B || op == OP_CHAR2 || op == OP_CHAR2_B || op == OP_CP_U ||
         op == OP_CP_U_B;
}

/* One instruction at code[pc]; returns the index of the next one. */
static int print_insn(const RegExp *re, FILE *out, int pc) {
  const uint32_t *insn = re->code + pc;
  uint32_t op = insn[0];
  fprintf(out, "%4d  %s", pc, regexp_op_names[op]);
  int n = regexp_op_sizes[op];
  if (op == OP_STRING || op == OP_STRING_B) {
    for (uint32_t i = 0; i < insn[1]; i++) print_char(out, insn[2 + i]);
    n += (int)insn[1];
  } else if (is_char_op(op)) {
    for (int i = 1; i <= n; i++) print_char(out, insn[i]);
  } else if (op == OP_CLASS || op == OP_CLASS_B || op == OP_CLASS_U || op == OP_CLASS_U_B) {
    print_class(out, &re->classes[insn[1]]);
  } else {
    for (int i = 1; i <= n; i++) fprintf(out, " %d", (int32_t)insn[i]);
  }
  fprintf(out, "\n");
  return pc + 1 + n;
}

void regexp_disassemble(const RegExp *re, void *out) {
  for (int pc = 0; pc < re->code_len;) pc = print_insn(re, (FILE *)out, pc);
}
