/* ast.h - the abstract syntax tree the parser builds and the compiler reads.
 * Book: chapter 2, "Parsing".
 *
 * Every node is a Node: a kind, a source position, and a union with one
 * struct per kind. Nodes, lists and strings live in the parser's arena and
 * die with it (parse_free). Identifier names are UTF-8 and NUL-terminated;
 * string literal values are UTF-16 because JavaScript strings may hold lone
 * surrogates that UTF-8 cannot carry.
 *
 * The scope pass (parser/scope.c) runs after parsing and fills the fields
 * marked "scope:" below.
 */
#ifndef TN_AST_H
#define TN_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Node Node;
typedef struct Scope Scope;
typedef struct Binding Binding;

/* A growable array of node pointers, allocated in the arena. */
typedef struct NodeList {
  Node **items;
  int count;
  int capacity;
} NodeList;

/* A string in UTF-16 code units (string literals, template pieces). */
typedef struct U16Str {
  const uint16_t *units;
  uint32_t length;
} U16Str;

//> parser.node-kinds
typedef enum NodeKind {
  /* Expressions */
  NODE_NUMBER,      /* number */
  NODE_STRING,      /* string */
  NODE_TEMPLATE,    /* template: quasis (cooked pieces) + expressions */
  NODE_TAGGED_TEMPLATE, /* tagged: tag + template */
  NODE_REGEXP,      /* regexp: pattern + flags */
  NODE_IDENTIFIER,  /* ident */
  NODE_THIS,
  NODE_SUPER,
  NODE_NULL,
  NODE_TRUE,
  NODE_FALSE,
  NODE_ARRAY,       /* list: elements; a NULL element is a hole */
  NODE_OBJECT,      /* list: NODE_PROPERTY and NODE_SPREAD */
  NODE_PROPERTY,    /* property: key, value, kind, computed, shorthand */
  NODE_FUNCTION,    /* function: declarations, expressions, arrows, methods */
  NODE_CLASS,       /* class */
  NODE_UNARY,       /* unary: op, operand  (- + ! ~ typeof void delete) */
  NODE_UPDATE,      /* update: op, prefix, operand  (++ --) */
  NODE_BINARY,      /* binary: op, left, right  (arithmetic, comparison, in, instanceof) */
  NODE_LOGICAL,     /* binary: op, left, right  (&& || ??) */
  NODE_ASSIGN,      /* assign: op, target, value  (= += ... &&= ||= ??=) */
  NODE_CONDITIONAL, /* conditional: test, then, otherwise */
  NODE_CALL,        /* call: callee, args, optional */
  NODE_NEW,         /* call: callee, args */
  NODE_MEMBER,      /* member: object, property, computed, optional */
  NODE_SEQUENCE,    /* list: expressions */
  NODE_SPREAD,      /* unary: operand  (...x in calls, arrays, objects) */
  NODE_YIELD,       /* unary: operand (may be NULL), delegate in op */
  NODE_AWAIT,       /* unary: operand */
  NODE_NEW_TARGET,
  NODE_PRIVATE_NAME, /* ident: "#x" (with its #), binding: the class's private name */
  NODE_ARRAY_PATTERN,  /* list: elements (NULL = elision; NODE_REST last) */
  NODE_OBJECT_PATTERN, /* list: NODE_PROPERTY (value is the target) and NODE_REST */
  NODE_ASSIGN_PATTERN, /* assign: target = value (a default in a pattern or parameter) */
  NODE_REST,           /* unary: operand (the target) */

  /* Statements */
  NODE_PROGRAM,     /* program: body */
  NODE_VAR,         /* var: kind, declarators */
  NODE_DECLARATOR,  /* declarator: target, init */
  NODE_EXPRESSION,  /* unary: operand (an expression statement) */
  NODE_BLOCK,       /* block: body */
  NODE_EMPTY,
  NODE_IF,          /* conditional: test, then, otherwise */
  NODE_FOR,         /* loop: init, test, update, body */
  NODE_FOR_IN,      /* for_each: left, right, body */
  NODE_FOR_OF,      /* for_each: left, right, body */
  NODE_WHILE,       /* loop: test, body */
  NODE_DO_WHILE,    /* loop: test, body */
  NODE_RETURN,      /* unary: operand (may be NULL) */
  NODE_BREAK,       /* jump: label (may be NULL) */
  NODE_CONTINUE,    /* jump: label (may be NULL) */
  NODE_THROW,       /* unary: operand */
  NODE_TRY,         /* try_stmt: block, param, handler, finalizer */
  NODE_SWITCH,      /* switch_stmt: discriminant, cases */
  NODE_CASE,        /* case_clause: test (NULL for default), body */
  NODE_LABELED,     /* labeled: label, body */
  NODE_WITH,        /* with_stmt: object, body (sloppy code only) */
  NODE_DEBUGGER,
  NODE_KIND_COUNT
} NodeKind;
//< parser.node-kinds

/* Operators use the lexer's token kinds (TOK_PLUS, TOK_STAR_STAR, TOK_PLUS_ASSIGN,
 * TOK_TYPEOF, ...), stored as int so that this header does not need lexer.h. */

typedef enum VarKind { VAR_VAR, VAR_LET, VAR_CONST } VarKind;

typedef enum PropertyKind {
  PROP_INIT, PROP_GET, PROP_SET, PROP_METHOD,
  PROP_STATIC_BLOCK, /* class `static { ... }`: key NULL, value a NODE_FUNCTION (FN_METHOD) */
} PropertyKind;

typedef enum FunctionFlags {
  FN_ARROW = 1 << 0,
  FN_ASYNC = 1 << 1,
  FN_GENERATOR = 1 << 2,
  FN_METHOD = 1 << 3,      /* object or class method, getter, setter */
  FN_CONSTRUCTOR = 1 << 4, /* a class constructor */
  FN_DERIVED = 1 << 5,     /* a constructor of a class with `extends` */
  FN_DECLARATION = 1 << 6, /* a function declaration statement */
  FN_STRICT = 1 << 7,      /* strict code ("use strict", or inside a class) */
  FN_EXPRESSION_BODY = 1 << 8, /* arrow with an expression body: body has one NODE_RETURN */
  FN_SIMPLE_PARAMS = 1 << 9,   /* no defaults, rest or patterns in the parameter list */
  FN_TOPLEVEL = 1 << 10,       /* the function the compiler makes of a whole script or module */
  /* Classes */
  FN_CLASS_FIELD = 1 << 11,    /* a field's initializer, wrapped as a method returning it */
  FN_DEFAULT_CTOR = 1 << 12,   /* a constructor the class did not write (the parser makes it) */
  FN_NAMES_VALUE = 1 << 13,    /* a field initializer whose anonymous function or class takes
                                  the field's computed key as its name */
  FN_STATIC_BLOCK = 1 << 14,   /* a class `static { ... }` block, run as a method */
} FunctionFlags;

//> parser.node-struct
struct Node {
  NodeKind kind;
  int line, column; /* 1-based; column counts UTF-16 units like V8 */
  uint32_t offset;  /* byte offset of the node's first token in the source */
  uint32_t end;     /* byte offset just past its last token */
  bool parenthesized; /* written in parentheses: `(a) = 1` is fine, `({a}) = 1` is not */
  union {
    double number;
    U16Str string;
    struct {
      const char *name;
      Binding *binding;  /* scope: NULL = global */
      bool early_param;  /* a read, in the parameter list, of a parameter not yet set */
    } ident;
    struct { U16Str pattern; const char *flags; } regexp;
    struct { NodeList quasis; /* NODE_STRING, cooked */ NodeList raws; NodeList expressions; } template;
    struct { Node *tag; Node *template; } tagged;
    struct { NodeList items; } list;
    struct {
      Node *key; Node *value; PropertyKind kind;
      bool computed, shorthand, is_static; /* is_static: class members */
    } property;
    struct Function {
      const char *name;     /* NULL when anonymous; inferred names are filled in */
      Node *id;             /* the NODE_IDENTIFIER of a declaration or named expression */
      NodeList params;      /* identifiers or patterns */
      NodeList body;        /* statements */
      int flags;            /* FunctionFlags */
      int param_count;      /* the `length` property: params before the first default/rest */
      Scope *scope;         /* scope: the function's own scope (parameters, var) */
      Scope *body_scope;    /* scope: the body's declarations: scope itself, or a SCOPE_BODY
                               below it when the parameters contain expressions */
      bool uses_arguments, uses_this, has_direct_eval; /* scope */
      const char *source_start; /* points into the source, for Function.prototype.toString */
      uint32_t source_end;  /* the byte offset after its last token (parentheses around it
                               are not part of its text, though they are of the node's) */
    } function;
    struct {
      const char *name; Node *id; Node *superclass; Node *constructor; /* NODE_FUNCTION or NULL */
      NodeList members; /* NODE_PROPERTY; is_static; fields have kind PROP_INIT */
      Scope *scope;
      uint32_t source_start, source_end; /* its text, for toString (not the parentheses
                                            the node's range may grow to include) */
    } class_;
    struct { int op; Node *operand; } unary;
    struct { int op; bool prefix; Node *operand; } update;
    struct { int op; Node *left, *right; } binary;
    struct { int op; Node *target, *value; } assign;
    struct { Node *test, *then, *otherwise; } conditional;
    struct { Node *callee; NodeList args; bool optional;
             Scope *eval_scope; /* scope: a direct eval's innermost scope, else NULL */ } call;
    struct { Node *object, *property; bool computed, optional; } member;
    struct {
      NodeList body; Scope *scope; /* scope: the module or script scope */
      Scope *eval_lexicals; /* scope: sloppy eval code whose vars are global: its let,
                               const and class (a block inside scope), else NULL */
      int flags; /* FN_STRICT when the code starts with "use strict" */
    } program;
    struct { VarKind kind; NodeList declarators; } var;
    struct { Node *target, *init; } declarator;
    struct { NodeList body; Scope *scope; /* scope: NULL when it declares nothing */ } block;
    struct { Node *init, *test, *update, *body; Scope *scope; } loop;
    struct {
      Node *left, *right, *body;
      Scope *scope;
      bool is_await; /* for await (... of ...) */
    } for_each;
    struct { const char *label; } jump;
    struct { Node *block, *param, *handler, *finalizer; Scope *scope; } try_stmt;
    struct { Node *discriminant; NodeList cases; Scope *scope; } switch_stmt;
    struct { Node *test; NodeList body; } case_clause;
    struct { const char *label; Node *body; } labeled;
    struct { Node *object, *body; Scope *scope; /* scope: SCOPE_WITH, its object */ } with_stmt;
  } as;
};
//< parser.node-struct

#endif
