/* scope.h - scope analysis: which declaration every identifier refers to.
 * Book: chapter 2, "Parsing" (the scope pass), and chapter 4, "Compiling".
 *
 * After parsing, scope_analyze() builds a tree of Scopes, declares a Binding
 * for every name a program declares, points every NODE_IDENTIFIER (and every
 * NODE_THIS / NODE_NEW_TARGET, through the same `as.ident.binding` field) at
 * its Binding, and marks the bindings that nested functions capture. A NULL
 * binding means "global". The compiler (vm/compile.c) reads the result and
 * fills in the register numbers. parser/parser.h includes this file.
 */
#ifndef TN_SCOPE_H
#define TN_SCOPE_H

#include "parser/ast.h"

typedef enum ScopeKind {
  SCOPE_FUNCTION, /* a function body (or the module / script); params, var, body lexicals */
  SCOPE_FUNCTION_NAME, /* holds only a named function expression's own name */
  SCOPE_BODY,     /* the body of a function with parameter expressions (defaults, computed
                     keys in patterns): its var and lexical declarations, apart from the
                     parameters' scope, whose closures must not see them */
  SCOPE_BLOCK,    /* { ... } with let/const/class/function inside */
  SCOPE_CATCH,    /* catch (param) { body }: the param and the body's lexicals */
  SCOPE_FOR,      /* the head of for (let ...;;), for (const x of ...), for (let k in ...) */
  SCOPE_SWITCH,   /* the lexical declarations of all the cases of a switch */
  SCOPE_CLASS,    /* a class's own name, seen from inside the class (a const binding) */
  SCOPE_WITH,     /* the body of with (o): one hidden binding, "%with", holding the object
                     that a name resolved past it is looked up in first */
} ScopeKind;

typedef enum BindingKind {
  BIND_VAR,        /* var, hoisted to the function scope; starts undefined */
  BIND_LET,        /* let: starts uninitialised (TDZ) */
  BIND_CONST,      /* const: TDZ; assignment throws at run time */
  BIND_CLASS,      /* class declaration: like let */
  BIND_FUNCTION,   /* function declaration: hoisted with its value */
  BIND_PARAM,      /* a formal parameter (also the module wrapper's five) */
  BIND_CATCH,      /* a catch clause's parameter */
  BIND_CALLEE,     /* a named function expression's own name: read-only, the function */
  BIND_THIS,       /* implicit: `this` of a non-arrow function (for arrows to capture) */
  BIND_ARGUMENTS,  /* implicit: the arguments object of a non-arrow function */
  BIND_NEW_TARGET, /* implicit: new.target of a non-arrow function */
  BIND_PRIVATE,    /* a class's private name #x (in its class scope): a private symbol */
  BIND_HOME,       /* implicit: the method or constructor itself, whose home object and
                      prototype `super` reads (for arrows inside it to capture) */
  BIND_WITH,       /* hidden: a with statement's object (SCOPE_WITH) */
} BindingKind;

//> parser.binding-struct
struct Binding {
  const char *name;
  BindingKind kind;
  Scope *scope;        /* the scope that declares it */
  Binding *next;       /* the next binding of the same scope, in declaration order */
  Node *decl;          /* the declaring node: NODE_FUNCTION or NODE_CLASS, else the name */
  int param_index;     /* BIND_PARAM: which argument (the last one wins for duplicates) */
  bool referenced;     /* something refers to it (an unused function name needs no slot) */
  bool captured;       /* some nested function refers to it: it lives in a Cell */
  bool tdz_check;      /* some read may run before the initialisation: check for the hole */
  bool tdz_check_local; /* ... even a read in the declaring function itself (else only
                           the reads from nested functions need the check) */
  uint32_t safe_after; /* reads at or after this byte offset (same function) see it set */
  Binding *annexb_var; /* a block-level function's var twin in the function scope (sloppy) */
  bool caller_var;     /* a direct eval's view of its caller: a binding of the caller's
                          function scope, which the eval code's var declarations join */
  bool shadowable;     /* ... a binding outside it, which an eval var may hide */
  int reg;             /* compiler: its register in the owning function, -1 = not yet */
};
//< parser.binding-struct

struct Scope {
  ScopeKind kind;
  Scope *parent;
  Node *owner;         /* the NODE_FUNCTION or NODE_PROGRAM whose frame holds the bindings */
  Binding *first, *last;
  int count;
  bool is_arrow;       /* SCOPE_FUNCTION of an arrow: no this/arguments/new.target of its own */
  bool is_toplevel;    /* SCOPE_FUNCTION of the program */
  bool globals;        /* script top level: declarations are globals, not bindings */
  bool eval_caller;    /* the names a direct eval's caller sees (EvalContext.outer) */
  bool in_heritage;    /* SCOPE_CLASS whose `extends` is being visited: privates hidden */
  bool catch_pattern;  /* SCOPE_CATCH of a destructuring parameter: a var may not share a
                          name with it (only a plain `catch (e)` allows var e, Annex B) */
  /* A sloppy function (or module) with a direct eval: the hidden binding "%vars" holding
   * the object where the eval code's new var declarations live (in an eval_caller scope:
   * the caller's). */
  Binding *eval_vars;
  /* Implicit bindings of a non-arrow function scope, created when first referenced. */
  Binding *this_binding, *arguments_binding, *new_target_binding, *home_binding;
  /* Names declared with var (or Annex B functions) inside this scope or nested ones,
   * hoisted through it: a later let of the same name here is a redeclaration. */
  struct ScopeName *hoisted;
};

typedef struct ScopeName {
  const char *name;
  Node *decl; /* the declaring identifier or NODE_FUNCTION */
  struct ScopeName *next;
} ScopeName;

/* parser/parser.h includes this file at its end, after Parser, ParseError and
 * ParseMode are declared. */

/* Analyse a parsed program. Fills the scope fields of the AST (scopes and
 * bindings live in the parser's arena). Returns 0, or -1 with err set to a
 * SyntaxError message and position ("Identifier 'x' has already been declared"). */
int scope_analyze(Parser *p, Node *program, ParseMode mode, ParseError *err);

/* The scope's binding called name, or NULL. */
Binding *scope_find_own(const Scope *s, const char *name);

/* Is code in s strict ("use strict" in the program or function, or a strict function)? */
bool scope_is_strict(const Scope *s);

#endif
