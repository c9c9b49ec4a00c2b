/* internal.h - the engine's data structures, shared by the files of vm/ only.
 * Book: chapter 3, "Values and objects"; chapter 5, "The VM loop";
 *       chapter 6, "Garbage collection".
 *
 * Stages above vm/ never include this file: they use vm/vm.h. Everything that
 * lives in the GC heap starts with a GcHeader; the collector (gc.c) knows how
 * to trace each GcType.
 */
#ifndef TN_VM_INTERNAL_H
#define TN_VM_INTERNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lexer/stack.h"
#include "vm/opcodes.h"
#include "vm/value.h"
#include "vm/vm.h"

/* ==== Broken invariants ==== */

void vm_panic(const char *file, int line, const char *msg) __attribute__((noreturn));
#define PANIC(msg) vm_panic(__FILE__, __LINE__, (msg))
#ifdef TN_DEBUG
#define ASSERT(c) ((c) ? (void)0 : vm_panic(__FILE__, __LINE__, "assertion failed: " #c))
#else
#define ASSERT(c) ((void)0)
#endif

/* ==== The heap ==== */

//> vm.gc-header
typedef enum GcType {
  GC_STRING,
  GC_SYMBOL,
  GC_SHAPE,
  GC_OBJECT,         /* every kind of JavaScript object; see ObjectClass */
  GC_FUNCTION_PROTO, /* compiled code of one function */
  GC_CELL,           /* a captured variable */
  GC_ACCESSOR,       /* a getter/setter pair stored in a property slot */
} GcType;

typedef struct GcHeader {
  struct GcHeader *next; /* every heap thing is on one list, for the sweep */
  uint8_t type;          /* GcType */
  uint8_t marked;
  uint32_t size;         /* bytes gc_alloc gave it (saturated at UINT32_MAX), for accounting */
} GcHeader;
//< vm.gc-header

/* ==== Strings ==== */

//> vm.string-struct
typedef struct String {
  GcHeader gc;
  uint32_t length; /* in UTF-16 code units */
  uint32_t hash;   /* 0 until computed */
  uint8_t wide;    /* 0: data holds one byte per unit (Latin-1); 1: uint16_t units */
  uint8_t atom;    /* 1 if this string is the interned copy */
  uint8_t data[];  /* length bytes, or length uint16_t units; then a 0 terminator */
} String;
//< vm.string-struct

static inline const uint8_t *string_latin1(const String *s) { return s->data; }
static inline const uint16_t *string_wide(const String *s) { return (const uint16_t *)s->data; }
static inline uint16_t string_unit(const String *s, uint32_t i) {
  return s->wide ? string_wide(s)[i] : s->data[i];
}

typedef struct Symbol {
  GcHeader gc;
  String *description; /* NULL for Symbol() */
  uint8_t is_private;  /* a class's #name: a key no reflection lists (classes.c) */
} Symbol;

/* ==== Objects ==== */

/* Property attributes, stored per key in the shape. */
enum {
  ATTR_WRITABLE = 1,
  ATTR_ENUMERABLE = 2,
  ATTR_CONFIGURABLE = 4,
  ATTR_ACCESSOR = 8, /* the slot holds an Accessor */
  ATTR_DEFAULT = ATTR_WRITABLE | ATTR_ENUMERABLE | ATTR_CONFIGURABLE,
  ATTR_HIDDEN = ATTR_WRITABLE | ATTR_CONFIGURABLE, /* built-in methods: not enumerable */
};

typedef struct Shape Shape; /* defined in vm/shape.h */

/* The engine's classes, from vm/vm.h's list (the same numbers as VMClass); ids from
 * CLASS_BUILTIN_COUNT on are registered per VM. What each class is: vm/class.c. */
typedef enum ObjectClass {
#define CLASS_ENUM(name) CLASS_##name = VM_CLASS_##name,
  VM_FOR_EACH_CLASS(CLASS_ENUM)
#undef CLASS_ENUM
  CLASS_BUILTIN_COUNT = VM_CLASS_BUILTIN_COUNT,
} ObjectClass;

//> vm.object-struct
typedef struct Object {
  GcHeader gc;
  uint8_t klass;      /* ObjectClass: its row in the VM's class table (class.c) */
  uint8_t extensible; /* 0 after Object.preventExtensions */
  uint8_t flags;      /* class-specific */
  uint8_t watched;    /* on a prototype chain an add-property cache relies on (interp.c) */
  Shape *shape;       /* which keys, in which slots, with which attributes */
  struct Object *proto;
  Value *slots;       /* property values, indexed by the shape */
  uint32_t slot_capacity;
} Object;
//< vm.object-struct

//> vm.array-struct
typedef struct Array {
  Object base;
  Value *elements; /* indices [0, min(length, capacity)); VALUE_HOLE marks a hole. A sparse
                      array (see object.c) has length > capacity: check both bounds */
  uint32_t length;
  uint32_t capacity;
} Array;
//< vm.array-struct

/* How many elements are stored densely: a far write can leave length > capacity. */
static inline uint32_t array_dense_length(const Array *a) {
  return a->length < a->capacity ? a->length : a->capacity;
}

typedef struct FunctionProto FunctionProto;

typedef struct Cell {
  GcHeader gc;
  Value value;
} Cell;

//> vm.mapped-arguments
/* A sloppy function with plain parameters that uses `arguments` gets a mapped arguments
 * object (ECMA-262 10.4.4): while index i < count is mapped, arguments[i] and the i-th
 * parameter are one variable, the parameter's Cell. A mapped index is served from its
 * Cell (object.c: find_in_mapped), not from the shape; deleting it, or redefining it as
 * an accessor or read-only, ends the mapping and leaves an ordinary property. */
typedef struct MappedArguments {
  Object base; /* base.flags has ARGUMENTS_MAPPED */
  uint32_t count; /* min(argc, parameters) */
  struct {
    Cell *cell;    /* NULL: no longer mapped */
    uint8_t attrs; /* enumerable/configurable as redefined; always writable */
  } map[];
} MappedArguments;
enum { ARGUMENTS_MAPPED = 1 }; /* Object.flags of a CLASS_ARGUMENTS */
static inline bool is_mapped_arguments(const Object *o) {
  return o->klass == CLASS_ARGUMENTS && (o->flags & ARGUMENTS_MAPPED);
}
bool proto_maps_arguments(const FunctionProto *p); /* interp.c */
//< vm.mapped-arguments

typedef struct Accessor {
  GcHeader gc;
  Value getter; /* undefined or a function */
  Value setter;
} Accessor;

typedef struct Closure {
  Object base;
  FunctionProto *proto;
  Value home_object; /* for super lookups; undefined otherwise */
  Value fields;      /* a class constructor's instance elements (classes.c), else undefined */
  uint32_t cell_count;
  Cell *cells[];     /* captured variables, as described by proto->upvals */
} Closure;

typedef struct Native {
  Object base;
  NativeFn fn;
  Value data;  /* a value the function can reach as vm_native_data(vm) */
  uint8_t is_constructor;
  int16_t magic; /* its table row's magic number (vm_native_magic) */
} Native;

typedef struct Bound {
  Object base;
  Value target;
  Value bound_this;
  uint32_t argc;
  Value argv[];
} Bound;

/* Boxed primitives, Date (a number), and similar objects with one hidden value. */
typedef struct Boxed {
  Object base;
  Value primitive;
} Boxed;

/* An object of a registered class: its native part belongs to the host (stdlib/). */
typedef struct HostObject {
  Object base;
  void *data; /* traced and freed by the class's VMClassDef hooks */
} HostObject;

/* An ArrayBuffer's bytes, and a view of them: a typed array or a DataView (typedarray.c). */
typedef struct ArrayBuffer {
  Object base;
  uint8_t *data;     /* mem_calloc'd; NULL while empty */
  size_t length;     /* byteLength */
  size_t max_length; /* maxByteLength; == length unless resizable */
  uint8_t resizable;
} ArrayBuffer;

typedef struct ArrayView {
  Object base;
  ArrayBuffer *buffer;
  size_t offset;    /* byteOffset */
  size_t length;    /* elements (bytes for a DataView), unless tracking */
  uint8_t tracking; /* a length-tracking view: the length follows a resizable buffer */
} ArrayView;

static inline bool class_is_typed(uint8_t klass) {
  return klass >= CLASS_INT8_ARRAY && klass <= CLASS_FLOAT64_ARRAY;
}
/* A view's length in elements now: 0 when the buffer shrank below its window. */
size_t view_length(const ArrayView *v);
/* Element i (< view_length) of the typed array v, as a number. */
Value typed_get(const ArrayView *v, size_t i);
/* Store the number d at element i, when i is still a valid index (d was converted first,
 * and that may have shrunk the buffer). */
void typed_set(ArrayView *v, double i, double d);
/* Whether the string key is a CanonicalNumericIndexString ("-0", "1.5", "NaN"...). */
bool typed_numeric_key(VM *vm, const String *key);

/* A promise (promise.c). Reactions wait in a side array while it is pending. */
typedef struct PromiseReaction {
  Value capability;   /* undefined, the derived built-in Promise, or [promise, resolve, reject] */
  Value on_fulfilled; /* a function, undefined (pass the value on), or a Generator to resume */
  Value on_rejected;
} PromiseReaction;

typedef enum PromiseState { PROMISE_PENDING, PROMISE_FULFILLED, PROMISE_REJECTED } PromiseState;

typedef struct Promise {
  Object base;
  uint8_t state;   /* PromiseState */
  uint8_t handled; /* [[PromiseIsHandled]] */
  Value result;
  PromiseReaction *reactions;
  uint32_t reaction_count, reaction_capacity;
} Promise;

/* A suspended (or running) generator or async function (generator.c): while it is
 * suspended its frame's registers and operand stack wait in `saved`. */
typedef enum GeneratorKind { GEN_SYNC, GEN_ASYNC_FUNCTION, GEN_ASYNC_GENERATOR } GeneratorKind;
typedef enum GeneratorState {
  GEN_SUSPENDED_START, GEN_SUSPENDED_YIELD, GEN_EXECUTING, GEN_COMPLETED,
  GEN_AWAITING,        /* at an await: only the promise job resumes it */
  GEN_AWAITING_RETURN, /* an async generator awaiting the value of a return() */
} GeneratorState;
typedef enum ResumeMode { RESUME_NEXT, RESUME_THROW, RESUME_RETURN } ResumeMode;

typedef struct Generator {
  Object base;
  uint8_t kind, state;  /* GeneratorKind, GeneratorState */
  uint8_t resume_mode;  /* ResumeMode: how the frame was last resumed (RESUME reads it) */
  struct Closure *function;
  Value this_value;
  Value promise;        /* async functions: the promise the call returned */
  Value queue;          /* async generators: requests [mode, value, promise], oldest first */
  uint32_t pc;          /* where the frame continues, as an offset into the code */
  int argc;
  Value *saved;         /* registers, then the operand stack */
  uint32_t saved_count, saved_capacity;
} Generator;

/* CreateAsyncFromSyncIterator's object: the sync iterator record it walks for await. */
typedef struct AsyncFromSync {
  Object base;
  Value iter, next;
} AsyncFromSync;
/* A Proxy exotic object (proxy.c). Its own shape stays empty and its proto NULL: every
 * internal method goes to the handler or the target, so no inline cache can ever match
 * it. Revoking sets both fields to null. */
typedef struct Proxy {
  Object base;
  Value target;
  Value handler;
} Proxy;

enum { PROXY_CALLABLE = 1, PROXY_CONSTRUCTOR = 2 }; /* a Proxy's Object.flags: its target's */

/* ==== The class table (class.c) ==== */

//> vm.exotic-methods
/* An exotic object's internal methods (ECMA-262 6.1.7.2), for a class whose objects are
 * not ordinary: proxies, and objects with virtual properties of their own kind. object.c
 * and reflect.c consult them on the slow path only (an ordinary object never pays more
 * than one flag test); a NULL entry means the ordinary method. Keys are property keys
 * (atoms or symbols); each returns its result or VALUE_EXCEPTION. */
typedef struct ExoticMethods {
  Value (*get_prototype_of)(VM *vm, Object *o);              /* an object, or null */
  Value (*set_prototype_of)(VM *vm, Object *o, Value proto); /* true/false */
  Value (*is_extensible)(VM *vm, Object *o);                 /* true/false */
  Value (*prevent_extensions)(VM *vm, Object *o);            /* true/false */
  Value (*get_own_property)(VM *vm, Object *o, Value key, PropertyInfo *out); /* found? */
  Value (*define_own_property)(VM *vm, Object *o, Value key, const PropertyDescriptor *d);
  Value (*has_property)(VM *vm, Object *o, Value key); /* true/false */
  Value (*get)(VM *vm, Object *o, Value key, Value receiver);
  Value (*set)(VM *vm, Object *o, Value key, Value v, Value receiver); /* true/false */
  Value (*delete_property)(VM *vm, Object *o, Value key);              /* true/false */
  Value (*own_keys)(VM *vm, Object *o); /* an Array of every own key, in order */
} ExoticMethods;
//< vm.exotic-methods

//> vm.class-def
enum {
  CLASS_CALLABLE = 1, /* a function: typeof says "function", calls and `new` work on it */
  CLASS_INNER = 2,    /* a Boxed: a [[PrimitiveValue]]-like hidden value (vm_inner_value) */
  CLASS_INDEXED = 4,  /* serves index keys and `length` virtually (arrays, boxed strings) */
  CLASS_EXOTIC = 8,   /* its row's `exotic` methods replace the ordinary ones */
};

/* One row of the class table: everything the engine decides by an object's class. */
typedef struct ClassDef {
  const char *name; /* what V8 calls the class (inspect: "[Arguments: null prototype]") */
  const char *tag;  /* Object.prototype.toString's builtinTag: "[object Arguments]" */
  uint16_t size;    /* bytes of an object vm_object_of_class makes; 0: own constructor */
  uint8_t flags;    /* CLASS_CALLABLE, CLASS_INNER, CLASS_INDEXED, CLASS_EXOTIC */
  void (*trace)(VM *vm, Object *o);      /* mark what the class adds to Object; NULL: nothing */
  size_t (*finalize)(VM *vm, Object *o); /* free the side arrays; returns the bytes they had
                                            accounted (gc_account); NULL: nothing to free */
  const VMClassDef *host; /* a registered class: the host's definition; NULL otherwise */
  const ExoticMethods *exotic; /* CLASS_EXOTIC: its internal methods; NULL otherwise */
} ClassDef;
//< vm.class-def

extern const ClassDef class_builtins[CLASS_BUILTIN_COUNT];

/* o's CLASS_* flags; only built-in classes have any, so no VM is needed. */
static inline uint8_t class_flags(const Object *o) {
  return o->klass < CLASS_BUILTIN_COUNT ? class_builtins[o->klass].flags : 0;
}
void class_table_init(VM *vm); /* vm_new: the built-in rows */

/* ==== Proxies (proxy.c) ==== */

extern const ExoticMethods proxy_methods;
void proxy_trace(VM *vm, Object *o);
/* V8's rendering of a value in a TypeError: a primitive's text, #<Ctor> (reflect.c). */
char *reflect_describe(VM *vm, Value v);
/* [[Call]] and [[Construct]] of a proxy with a trap: the result, or VALUE_HOLE when the
 * handler has no such trap (then *target gets the target to call instead). */
Value proxy_call(VM *vm, Object *o, Value this_value, int argc, const Value *argv, Value *target);
Value proxy_construct(VM *vm, Object *o, int argc, const Value *argv, Value new_target,
                      Value *target);
void class_table_free(VM *vm);

/* ==== Compiled code ==== */

typedef struct HandlerEntry {
  uint32_t start, end;   /* try range [start, end) in code offsets */
  uint32_t handler;      /* where to continue, with the exception pushed */
  uint32_t stack_depth;  /* operand-stack depth to restore before the push */
} HandlerEntry;

typedef struct LineEntry {
  uint32_t pc; /* this and later instructions, up to the next entry, */
  uint32_t line, column; /* come from this source position (1-based) */
  uint32_t name; /* 0, or 1 + the constant index of how V8 names the operand of the
                    instruction at pc, for "o.m is not a function" (see vm_site_name) */
} LineEntry;

typedef struct UpvalDesc {
  uint8_t from_register; /* 1: the parent frame's registers[index] holds the Cell */
  uint16_t index;        /* 0: the parent closure's cells[index] */
} UpvalDesc;

//> vm.function-proto
struct FunctionProto {
  GcHeader gc;
  String *name;         /* "" when anonymous */
  const char *filename; /* the script's path; a stable copy from vm_intern_filename */
  uint8_t *code;
  uint32_t code_length, code_capacity;
  Value *constants;     /* numbers, strings, atoms, nested FunctionProtos */
  uint32_t constant_count, constant_capacity;
  HandlerEntry *handlers;
  uint32_t handler_count, handler_capacity;
  LineEntry *lines;
  uint32_t line_count, line_capacity;
  UpvalDesc *upvals;
  uint32_t upval_count;
  uint16_t param_count;     /* registers [0, param_count) receive the arguments */
  uint16_t register_count;  /* parameters plus locals */
  uint16_t max_stack;       /* the deepest the operand stack gets */
  uint16_t length;          /* the function's `length` property */
  uint16_t slot_hint;       /* as a constructor: the slots its last object ended with */
  int32_t arguments_register; /* -1, or where the arguments object goes on entry */
  int32_t rest_register;      /* -1, or where the rest-parameter array goes on entry */
  uint32_t flags;           /* FunctionFlags from parser/ast.h */
  const char *source;       /* the whole script (owned elsewhere), for toString */
  uint32_t source_start, source_end;
  uint32_t line, column;    /* where the function starts in the source (disassembler, gdb) */
  char *names;              /* each register's, then each upvalue's variable name, NUL-
                               terminated ("" = a temporary), or NULL (compile.c: pack_names) */
};
//< vm.function-proto

/* ==== Frames and the VM ==== */

/* The tracer's memory (trace.c): the last source line it printed, and the natives
 * called from bytecode that have not returned yet. */
#define TRACE_NATIVES_MAX 32
typedef struct TraceNative {
  int depth;                  /* vm->frame_count at the call: the caller's frame */
  const FunctionProto *proto; /* the caller (compared, never read) */
  const uint8_t *resume;      /* the caller's next instruction: reaching it = returned */
  char name[40];
} TraceNative;

typedef struct TraceState {
  unsigned options;          /* VM_TRACE_* (vm.h) */
  const char *file;          /* the file and line printed last (file: interned) */
  int line;
  const char *text_source, *text_at; /* where line text_line of text_source starts */
  uint32_t text_line;
  TraceNative natives[TRACE_NATIVES_MAX];
  int native_count;
} TraceState;

//> vm.frame-struct
typedef struct Frame {
  Object *function;   /* the Closure running (or the Native, for a native frame) */
  FunctionProto *proto;  /* NULL for a native frame */
  const uint8_t *pc;  /* saved before every call out, for stack traces and gdb */
  Value *registers;   /* parameters, then locals; the operand stack follows */
  Value this_value;
  Value new_target;   /* undefined for a plain call */
  int argc;           /* how many arguments the caller passed */
  uint8_t is_construct; /* return the new object unless the function returns one */
  uint8_t is_entry;   /* vm_call started a loop here: return to C when it returns */
  struct Generator *gen; /* a generator or async function's frame: its object; else NULL */
} Frame;
//< vm.frame-struct

#define VM_STACK_SIZE (1024 * 1024) /* values */
#define VM_FRAMES_MAX 10000         /* JavaScript call depth before RangeError */
/* The handle stack grows as needed: C code that recurses as deeply as a value nests
 * (JSON, inspect) holds a few handles per level, and the C stack allows 100,000s of
 * levels. Past this many something leaks. */
#define VM_HANDLES_MAX (1 << 22)

/* Well-known atoms the engine looks up by name. */
#define FOR_EACH_COMMON_ATOM(A) \
  A(length) A(prototype) A(constructor) A(name) A(message) A(stack) A(toString) \
  A(valueOf) A(value) A(done) A(next) A(get) A(set) A(cause) A(code) A(errno)        \
  A(syscall) A(path) A(callee) A(empty, "") A(anonymous) A(undefined)

typedef struct AtomTable {
  String **entries; /* open addressing; NULL = empty, tombstones = (String *)1 */
  uint32_t count, capacity;
} AtomTable;

typedef struct Pin {
  Value value;
  int32_t next_free; /* -1 when in use */
} Pin;

/* One inline-cache entry: at the instruction pc, objects of this shape keep the
 * property in slots[slot]. Entries from before the last collection are stale. */
typedef struct PropCache {
  const uint8_t *pc;
  struct Shape *shape;
  struct Object *holder;      /* NULL: the property is the object's own; else its prototype's */
  union {
    struct Shape *holder_shape; /* the prototype's shape when the entry was made */
    Value *deep;                /* slot == CACHE_DEEP: where the value is (see interp.c) */
  };
  uint32_t slot;
  uint32_t epochs[2];         /* vm->cache_epoch when made; an add or deep entry: vm->proto_epoch */
} PropCache;

#define CACHE_DEEP UINT32_MAX /* PropCache.slot of a read found further up the chain, or nowhere */

#define PROP_CACHE_SIZE 1024 /* a power of two */
#define NAMED_CACHE_SIZE 256  /* vm_get_str's and vm_set_str's entries, by atom: a power of two */

/* atom_from_cstr remembers the atoms of the C strings it was given (the library names
 * properties with literals: vm_get_str(vm, o, "_events")), by the string's address; a
 * hit is checked against the atom's text, and entries die with the cache epoch. */
typedef struct AtomCacheEntry {
  const char *text;
  struct String *atom;
  uint32_t epoch;
} AtomCacheEntry;

#define ATOM_CACHE_SIZE 256 /* a power of two */

/* object_set's memory of the adds C code made (vm_set_str(vm, o, "_events", ...)), as
 * SET_PROP keeps its own per instruction: see object.c. */
typedef struct AddCacheEntry {
  struct Shape *from, *to;
  struct Object *proto;
  Value key;
  uint32_t epochs[2]; /* vm->cache_epoch and vm->proto_epoch when made */
} AddCacheEntry;

#define ADD_CACHE_SIZE 256 /* a power of two */
#define GC_MIN_THRESHOLD ((size_t)1 << 20) /* never collect more often than every 1 MiB */
#define RECYCLE_CLASSES 16 /* gc.c's free lists: things of 16, 32, ... 256 bytes */

//> vm.vm-struct
struct VM {
  /* The value stack: frames' registers and operand stacks, one after another. */
  Value *stack;
  Value *sp;          /* next free slot */
  Frame *frames;
  int frame_count;

  PropCache *prop_cache; /* GET_PROP/SET_PROP inline caches, indexed by pc */
  PropCache named_cache[NAMED_CACHE_SIZE]; /* vm_get_str's, by the name's atom */
  PropCache named_set_cache[NAMED_CACHE_SIZE]; /* vm_set_str's */
  uint32_t cache_epoch;  /* bumped by every collection */
  uint32_t proto_epoch;  /* bumped when a watched object's keys or prototype change */

  Value exception;    /* the pending exception while a native returns VALUE_EXCEPTION */
  int has_exception;
  int terminating;    /* vm_terminate: unwind past every handler */
  uint32_t serial;    /* this VM's number among those made (VMKey's atoms are per VM) */
  volatile sig_atomic_t interrupt; /* vm_interrupt: stop at the next JUMP */
  uintptr_t stack_limit; /* the C-stack guard (lexer/stack.h): recursion stops below this */

  /* The heap */
  GcHeader *heap;     /* every allocated thing */
  size_t bytes_allocated, next_gc;
  size_t heap_limit;  /* bytes; past it the process ends with Node's heap report */
  int gc_stress;      /* TINYNODE_GC_STRESS=1: collect at every allocation */
  int gc_paused;      /* >0 while the heap must not move on */
  struct FreeBlock *recycled[RECYCLE_CLASSES]; /* small blocks to reuse, by size (gc.c) */
  size_t recycled_bytes;
  Value *gray;        /* the mark stack */
  size_t gray_count, gray_capacity;
  Object *weak_tables; /* during a collection: the WeakMaps and WeakSets marked so far */
  struct WeakRefObject *weak_refs;   /* ... and the WeakRefs (weakref.c) */
  struct RegistryObject *registries; /* ... and the FinalizationRegistries */
  Value *kept;        /* WeakRef targets kept alive until the job ends (vm_clear_kept_objects) */
  uint32_t kept_count, kept_capacity;
  Value *dirty_registries; /* registries with cleanups pending, in the order found */
  uint32_t dirty_count, dirty_capacity;

  AtomTable atoms;
  AtomCacheEntry atom_cache[ATOM_CACHE_SIZE]; /* C strings seen by atom_from_cstr */
  AddCacheEntry add_cache[ADD_CACHE_SIZE];    /* object_set's adds */
  Shape *root_shape;  /* the empty shape every object starts from */
  Shape *native_shape; /* {length, name}: every native function's, made by the first one */
  ClassDef *classes;  /* the class table, indexed by Object.klass (class.c) */
  uint32_t class_count, class_capacity;

  /* Roots held by C code */
  Value *handles;     /* a stack; see vm_handle_* */
  int handle_count, handle_capacity;
  Pin *pins;          /* host-held values (timer callbacks, pending I/O) */
  int32_t pin_count, pin_capacity, pin_free;

#define VM_ATOM_FIELD(n, ...) String *atom_##n;
  FOR_EACH_COMMON_ATOM(VM_ATOM_FIELD)
#undef VM_ATOM_FIELD
  Object *intrinsics[INTRINSIC_COUNT]; /* the realm's prototypes and global object */
  Value host_intrinsics[INTRINSIC_HOST_END - INTRINSIC_HOST_FIRST]; /* vm_set_intrinsic */
  Value symbol_iterator, symbol_async_iterator, symbol_has_instance,
      symbol_to_primitive, symbol_to_string_tag, symbol_match, symbol_match_all, symbol_replace,
      symbol_search, symbol_split, symbol_species, symbol_is_concat_spreadable, symbol_unscopables;

  VMHooks hooks;
  VMRegExpHooks regexp_hooks; /* vm_set_regexp_hooks */
  FILE *trace_out;    /* --trace: print each instruction here; NULL = off */
  TraceState trace;   /* what the tracer remembers between instructions (trace.c) */
  FILE *gc_trace_out; /* --trace-gc: a line per collection here; NULL = off */
  uint32_t gc_count;  /* collections so far (--trace-gc numbers them) */
  SourceSite exception_site; /* where the last exception was thrown */
  int32_t array_values_pin, array_next_pin; /* vm_register_array_iteration; -1 before */
  int32_t lexicals_pin; /* a script's top-level let/const: the global lexical record */
  Value promise_job;  /* the native that runs every promise job (promise.c) */
  Value promise_ctor; /* %Promise%, once the stdlib registers it (vm_register_promise) */
  char **filenames;   /* vm_intern_filename's copies */
  int filename_count;
  char **sources;     /* vm_keep_source's copies */
  int source_count;
  struct VMStateEntry *states; /* vm_state: the layers above's C state, by type */
  int state_count;
};
//< vm.vm-struct

/* vm's row for o's class. */
static inline const ClassDef *class_of(const VM *vm, const Object *o) {
  return &vm->classes[o->klass];
}

/* o's internal methods if it is an exotic object, else NULL (one flag test). */
static inline const ExoticMethods *exotic_of(const VM *vm, const Object *o) {
  return (class_flags(o) & CLASS_EXOTIC) ? vm->classes[o->klass].exotic : NULL;
}

/* ==== Strings (string.c) ==== */

String *string_new_latin1(VM *vm, const uint8_t *bytes, uint32_t length);
String *string_new_wide(VM *vm, const uint16_t *units, uint32_t length); /* narrows if it can */
String *string_from_utf8(VM *vm, const char *utf8, size_t length);
char *string_to_utf8(const String *s, size_t *out_length); /* malloc'd, NUL-terminated */
String *string_concat(VM *vm, String *a, String *b);
String *string_substring(VM *vm, String *s, uint32_t start, uint32_t end);
bool string_equal(const String *a, const String *b);
int string_compare(const String *a, const String *b); /* <0, 0, >0 by code units */
uint32_t string_hash(String *s);
String *atom_intern(VM *vm, String *s);            /* the interned copy of s */
String *atom_from_cstr(VM *vm, const char *utf8);  /* interned */
bool string_to_array_index(const String *s, uint32_t *index); /* "0".."4294967294" */
void atom_table_sweep(VM *vm);                     /* drop unmarked atoms (gc.c calls) */
String *atom_lookup(VM *vm, String *s);            /* the existing atom for s, or NULL */
String *atom_lookup_latin1(VM *vm, const uint8_t *bytes, uint32_t length); /* no allocation */

/* ==== Objects (object.c) ==== */

Shape *shape_new_root(VM *vm); /* the empty shape; sets vm->root_shape (vm_new calls it first) */
Object *object_new(VM *vm, Object *proto);               /* CLASS_OBJECT */
Object *object_new_class(VM *vm, ObjectClass klass, size_t size, Object *proto);
Array *array_new(VM *vm, uint32_t capacity);
Closure *closure_new(VM *vm, FunctionProto *proto, uint32_t cell_count);
Native *native_new(VM *vm, Value name, NativeFn fn, int length); /* name: an atom */
/* vm/eval.c: the global eval function; CALL_EVAL's work (slot: callee this args...
 * names), VALUE_HOLE when the callee is not %eval% and the call is an ordinary one. */
Object *eval_function_new(VM *vm);
Value eval_call(VM *vm, Frame *frame, Value *slot, int argc);
Value eval_call_spread(VM *vm, Frame *frame, Value *slot); /* callee this argsArray names */
/* The var objects of sloppy direct eval (DYN_* instructions): name's value in vars or
 * its prototypes (the hole if none has it); storing into the one that has it (false if
 * none); declaring a var (keeping a value it has) or a function. */
Value eval_vars_get(Value vars, Value name);
/* `delete name` on the var objects: true once deleted from the one holding it, else hole. */
Value eval_vars_delete(VM *vm, Value vars, Value name);
bool eval_vars_set(VM *vm, Value vars, Value name, Value v);
void eval_vars_declare(VM *vm, Value vars, Value name, Value v, bool function);
Cell *cell_new(VM *vm, Value value);
Accessor *accessor_new(VM *vm, Value getter, Value setter);
FunctionProto *function_proto_new(VM *vm);
Symbol *symbol_new(VM *vm, String *description);

/* ==== with.c: a with statement's object environment ==== */
/* The hole when obj does not bind name (no property, or listed in its
 * Symbol.unscopables); VALUE_EXCEPTION when a getter or proxy trap threw. */
Value with_get(VM *vm, Value obj, Value name);
Value with_set(VM *vm, Value obj, Value name, Value v, bool strict); /* true: stored */
Value with_delete(VM *vm, Value obj, Value name);

/* Own-property primitives. key is an atom string or a symbol. */
int object_find_slot(Object *o, Value key, uint8_t *attrs); /* -1 if absent */
Value object_get_own(Object *o, Value key, bool *found);    /* raw slot value */
bool object_define_own(VM *vm, Object *o, Value key, Value v, uint8_t attrs);
bool object_delete_own(VM *vm, Object *o, Value key);
void object_reserve_slots(VM *vm, Object *o, uint32_t count); /* room for count, no GC */
/* The keys in spec order (integer keys ascending, strings, then symbols) as an Array. */
Array *object_own_keys(VM *vm, Object *o, int flags); /* flags: VM_KEYS_* (vm.h) */

/* Full [[Get]] / [[Set]] with prototype chains, getters, setters and arrays.
 * They may run JavaScript and return VALUE_EXCEPTION. */
Value object_get(VM *vm, Object *o, Value key, Value receiver);
Value object_set(VM *vm, Object *o, Value key, Value v, Value receiver); /* true/false/exception */
/* May o take a remembered add: it has shape `from` and prototype `proto`, both epochs
 * are still current, and it takes ordinary adds? */
static inline bool object_add_allowed(const VM *vm, const Object *o, const Shape *from,
                                      const Object *proto, const uint32_t epochs[2]) {
  return o->shape == from && proto && o->proto == proto && epochs[0] == vm->cache_epoch &&
         epochs[1] == vm->proto_epoch && o->extensible && !o->watched &&
         !(class_flags(o) & (CLASS_INDEXED | CLASS_EXOTIC));
}
/* Replays a remembered add on o (SET_PROP's cache or object_set's): if it is allowed
 * (above), o gains the last key of shape `to` with value v. False, doing nothing,
 * otherwise. */
bool object_replay_add(VM *vm, Object *o, Shape *from, Object *proto, Shape *to,
                       const uint32_t epochs[2], Value v);
/* May o's add of key, just made (its shape was before), be replayed on any object with
 * shape before and o's prototype? Then the prototype chain is watched from now on. */
bool object_add_replayable(VM *vm, Object *o, Shape *before, Value key);
/* A watched object's keys, attributes or prototype are about to change. */
static inline void object_touch(VM *vm, Object *o) {
  if (o->watched) vm->proto_epoch++;
}
Value object_has(VM *vm, Object *o, Value key);                          /* true/false/exception */

/* Dense array elements. */
bool array_protos_plain(const Array *a); /* no prototype has an index property */
bool array_push(VM *vm, Array *a, Value v);
bool array_set_length(VM *vm, Array *a, uint32_t length);
/* ArraySetLength's conversions of a new length v: ToUint32(v), then ToNumber(v) again (an
 * object's valueOf runs twice, as the specification has it); RangeError unless the two
 * agree. The length as a number, or VALUE_EXCEPTION. */
Value array_length_convert(VM *vm, Value v);

/* ==== The collector (gc.c) ==== */

void *gc_alloc(VM *vm, size_t size, GcType type); /* zeroed, on the heap list */
void gc_collect(VM *vm);
void gc_free_all(VM *vm);
/* Blocks of the heap's things and their slots: recycled by size class (gc.c). */
void *gc_block_alloc(VM *vm, size_t bytes); /* uninitialised */
void gc_block_free(VM *vm, void *p, size_t bytes); /* bytes: as allocated; p may be NULL */
void *gc_block_resize(VM *vm, void *p, size_t old_bytes, size_t bytes); /* p may be NULL */
void gc_mark_value(VM *vm, Value v);
void gc_mark_values(VM *vm, const Value *v, size_t n);
void gc_mark_thing(VM *vm, GcHeader *thing);
/* Side arrays (slots, elements, shape tables) count towards the heap: add (or, negative,
 * remove) bytes. Never collects; past the heap limit it makes the next gc_alloc collect. */
void gc_account(VM *vm, ptrdiff_t delta);
/* At a point where everything live is rooted: collect if past the heap limit, and die
 * with the heap-limit fatal error if that did not help. */
void gc_check_limit(VM *vm);
size_t gc_heap_limit_from_env(void); /* TINYNODE_MAX_HEAP_MB in bytes (4 GiB by default) */

/* ==== Buffers and views (typedarray.c): the class hooks ==== */

void view_trace(VM *vm, Object *o);        /* a view: its buffer */
size_t buffer_finalize(VM *vm, Object *o); /* a buffer: its bytes */

/* ==== Maps and sets (collection.c): the class hooks and the weak tables ==== */

void collection_trace(VM *vm, Object *o);      /* Map, Set: every key and value */
void collection_trace_weak(VM *vm, Object *o); /* WeakMap, WeakSet: onto vm->weak_tables */
size_t collection_finalize(VM *vm, Object *o);
void collection_iterator_trace(VM *vm, Object *o);
size_t collection_iterator_finalize(VM *vm, Object *o);
/* After marking: mark the value of each weak entry whose key is marked; true if that
 * marked anything (then trace, and ask again). */
bool collection_mark_ephemerons(VM *vm);
/* Then drop the weak entries whose keys died, and empty vm->weak_tables. */
void collection_sweep_weak(VM *vm);

/* ==== WeakRef and FinalizationRegistry (weakref.c): the class hooks ==== */

void weakref_trace(VM *vm, Object *o);  /* a WeakRef: onto vm->weak_refs, target unmarked */
void registry_trace(VM *vm, Object *o); /* a registry: its callback and holdings */
size_t registry_finalize(VM *vm, Object *o);
void weakref_mark_roots(VM *vm);        /* the kept targets and the dirty registries */
/* After marking: clear dead WeakRefs, move dead cells' holdings to their registries'
 * pending lists; true if a registry newly has cleanups to run. */
bool weakref_sweep(VM *vm);

/* ==== Conversions (conv.c) ==== */

enum { CONV_HINT_DEFAULT, CONV_HINT_NUMBER, CONV_HINT_STRING };
Value conv_to_primitive(VM *vm, Value v, int hint);
Value conv_to_property_key(VM *vm, Value v);         /* an atom string or a symbol */
Value conv_loose_equals(VM *vm, Value a, Value b);   /* true/false/exception */
Value conv_prototype_for_primitive(VM *vm, Value v);
String *conv_number_to_string(VM *vm, double d);
double conv_string_to_number(String *s);
bool conv_is_space(uint16_t unit);
int32_t conv_to_int32(double d);
uint32_t conv_to_uint32(double d);

/* ==== The realm and errors (vm.c, error.c) ==== */

/* A copy of name that lives as long as the VM (for FunctionProto and SourceSite). */
const char *vm_intern_filename(VM *vm, const char *name);
/* A copy of a compiled script's text that lives as long as the VM (Function toString). */
const char *vm_keep_source(VM *vm, const char *source, size_t length);
/* vm_interrupt's request has come: node's SIGINT error, thrown as a termination. */
Value error_interrupted(VM *vm);

/* ==== The interpreter (interp.c) ==== */

Value interp_run(VM *vm, int entry_frame);
/* obj[key] and obj[key] = v for any value obj; key is already a property key. */
Value interp_get_property(VM *vm, Value obj, Value key);
Value interp_get_named(VM *vm, Value obj, Value atom); /* the same, through named_cache */
Value interp_set_named(VM *vm, Value obj, Value atom, Value v, bool strict); /* named_set_cache */
Value interp_set_property(VM *vm, Value obj, Value key, Value v, bool strict);
/* Can v be called with `new` (a class, a plain function, a constructor native)? */
bool interp_is_constructor(Value v);
/* A new object whose prototype is ctor.prototype (or the fallback intrinsic). */
Value interp_ordinary_create(VM *vm, Value ctor, Intrinsic fallback);

/* ==== Classes (classes.c) ==== */

/* DEFINE_METHOD's operand. */
enum {
  CLASS_METHOD_GET = 1, CLASS_METHOD_SET = 2, /* neither: a plain method */
  CLASS_METHOD_ENUMERABLE = 4,                /* an object literal's */
  CLASS_METHOD_NAME = 8,                      /* a computed key: name the function after it */
  CLASS_METHOD_PRIVATE = 16,                  /* static #m(): not writable */
};
/* ADD_FIELD's operand: what kind of instance element. */
enum { CLASS_FIELD, CLASS_PRIVATE_METHOD, CLASS_PRIVATE_GETTER, CLASS_PRIVATE_SETTER };

/* CLASS_CREATE: F's prototype object and F's own prototype from parent; *proto_out. */
Value class_create(VM *vm, Value parent, Value ctor, bool extends, Value *proto_out);
Value class_define_method(VM *vm, Value obj, Value key, Value fn, int flags);
/* SetFunctionName: fn.name = key ("[desc]" for a symbol), after prefix ("get "), or NULL. */
Value class_name_function(VM *vm, Value fn, Value key, const char *prefix);
Value class_add_field(VM *vm, Value ctor, Value key, Value fn, int kind);
/* InitializeInstanceElements(obj, F): F's private methods, then its fields, in order. */
Value class_init_fields(VM *vm, Value obj, Value ctor);
Value class_static_init(VM *vm, Value ctor, Value key, Value fn);
Value class_super_ctor(VM *vm, Value fn);
Value class_super_get(VM *vm, Value this_value, Value key, Value home);
Value class_super_set(VM *vm, Value this_value, Value key, Value v, Value home, bool strict);
Value class_derived_result(VM *vm, Value v, Value this_value, bool outermost);
/* Error.stackTraceLimit: frames to show, or -1 when it is not a number (error.c). */
int error_trace_limit(VM *vm);
/* The frames below the `hide` innermost ones as call-site records (vm_call_site_records). */
Value error_call_site_records(VM *vm, int hide);
bool error_has_stack_hook(VM *vm); /* Error.prepareStackTrace is a function */
/* An Error made by super(): its stack's header again, now that the constructors ran. */
void error_refresh_header(VM *vm, Value error);
/* Private names: obj.#x, obj.#x = v and #x in obj. missing is V8's message when obj
 * lacks the name (it depends on what #x is, which the compiler knows). */
Value class_private_get(VM *vm, Value obj, Value key, Value missing);
Value class_private_set(VM *vm, Value obj, Value key, Value v, Value missing);
Value class_private_in(VM *vm, Value key, Value obj);
Value class_this_error(VM *vm); /* `this` before super(): V8's ReferenceError */
Value class_call_error(VM *vm, Closure *ctor); /* A() without new */
Value class_super_call_error(VM *vm, Value parent, Value new_target); /* not a constructor */
/* ==== Promises and generators (promise.c, generator.c) ==== */

void promise_init(VM *vm); /* vm_new: the job native */
Value promise_new(VM *vm, Object *proto);
void promise_fulfill(VM *vm, Promise *p, Value value);
void promise_reject(VM *vm, Promise *p, Value reason);
/* The promise resolve function's steps (thenables are adopted in a job). */
void promise_resolve(VM *vm, Promise *p, Value resolution);
/* PerformPromiseThen; capability as in PromiseReaction. */
void promise_then(VM *vm, Promise *p, Value on_fulfilled, Value on_rejected, Value capability);
/* PromiseResolve(%Promise%, v): v itself if it is a built-in promise; else a new one. */
Value promise_resolve_value(VM *vm, Value v);
/* Await: the frame's generator resumes when v settles. Exception if v's `then` or
 * `constructor` throws. */
Value generator_await(VM *vm, Generator *g, Value v);
/* Resume a suspended generator from C (a promise job, or a native next()): runs it until it
 * yields, awaits, returns or throws, and returns what its caller gets. */
Value generator_resume(VM *vm, Generator *g, ResumeMode mode, Value value);
/* The start of a resumption with the frame's slots at `slot`: VALUE_HOLE when the frame
 * was pushed (the caller runs it), else the answer of a generator that cannot run. */
Value generator_resume_at(VM *vm, Generator *g, Value *slot, ResumeMode mode, Value value);
/* GENERATOR_START: the generator object of the running frame, suspended at its start. */
Value generator_start(VM *vm, Frame *f, Value *sp, const uint8_t *pc);
/* ASYNC_START: the running frame becomes an async function's, with a pending promise. */
void generator_async_start(VM *vm, Frame *f);
/* GEN_RETURN: what the caller of a finished generator or async function gets. */
Value generator_finish(VM *vm, Generator *g, Value v);
/* An exception leaves g's frame: an async function rejects its promise (returned); a
 * generator is finished and VALUE_EXCEPTION says to go on unwinding. */
Value generator_unwind(VM *vm, Generator *g);
/* DELEGATE: one step of yield* on slots iter next received mode. VALUE_HOLE when the
 * inner iterator is done (then slots hold iter next value mode', mode' 2 for a return). */
Value generator_delegate(VM *vm, Value *slots);
/* YIELD in an async generator: settle the oldest request with {value: v, done: false}.
 * True when another request is waiting: the frame goes on at once with its mode and
 * value in g->resume_mode and *v; false: the frame suspends. */
bool async_generator_yield(VM *vm, Generator *g, Value *v);
/* An async generator finished (returned v, or threw the pending exception if threw):
 * settle the oldest request, then answer the ones still queued. */
void async_generator_finish(VM *vm, Generator *g, Value v, bool threw);
/* CLOSURE of a generator or async function: its [[Prototype]] and `prototype`. */
void generator_closure_init(VM *vm, Closure *c);
/* GENERATOR_START / ASYNC_START: a generator object for the running frame. */
Generator *generator_new(VM *vm, Closure *fn, GeneratorKind kind, Object *proto);
/* Copies the frame's registers and operand stack [registers, sp) into g. */
void generator_save(VM *vm, Generator *g, Frame *f, Value *sp, const uint8_t *pc);
/* Puts a saved generator frame back above sp as the top frame (is_entry unset); NULL
 * with a RangeError pending when there is no room. */
Frame *generator_restore(VM *vm, Generator *g, Value *slot);

/* GetMethod(iter, name): undefined when absent, TypeError when not callable. */
Value iter_get_method(VM *vm, Value iter, const char *name);
Value iter_result_not_object(VM *vm, Value result); /* V8's TypeError; VALUE_EXCEPTION */
Value iter_close_no_throw(VM *vm, Value iter); /* close, then "does not provide a 'throw'" */

/* ==== Async iteration (async_iterator.c) ==== */

/* A sync iterator record (iter, next) as an async iterator: the AsyncFromSync object. */
Value async_from_sync_new(VM *vm, Value iter, Value next);
/* ITER_VALUE: VALUE_HOLE when result says done, else its value (TypeError unless an object). */
Value async_iter_value(VM *vm, Value result);
/* ITER_RETURN: iter.return()'s result, or VALUE_HOLE when iter has no return method. */
Value async_iter_return(VM *vm, Value iter);
Value async_iter_result_check(VM *vm, Value result); /* ITER_RESULT_CHECK */
/* DELEGATE_CALL on slots iter next v mode: the inner call's result, to be awaited. */
Value async_delegate_call(VM *vm, Value *slots);
/* DELEGATE_STEP on slots iter next v mode r (r awaited): r's value when the inner
 * iterator goes on; VALUE_HOLE when done (slots then hold iter next value mode'). */
Value async_delegate_step(VM *vm, Value *slots);

/* ==== Diagnostics (disasm.c, error.c) ==== */

/* --trace: print the instruction at pc of f, about to run with the stack ending at sp. */
void trace_instruction(VM *vm, Frame *f, const uint8_t *pc, Value *sp);
/* Print the instruction at offset (no newline); returns its size in bytes. */
int disasm_instruction(VM *vm, FunctionProto *proto, uint32_t offset, FILE *out);
/* The variable held in register r, or captured as upvalue u, of proto; NULL if none. */
const char *proto_register_name(const FunctionProto *proto, uint32_t r);
const char *proto_upvalue_name(const FunctionProto *proto, uint32_t u);
/* The name of an object's constructor, found without running code (NULL if none). */
String *error_constructor_name(VM *vm, Object *o);
/* How V8 names an object in a message, without running code: #<Point>, [object Array],
 * TypeError: bad, or a function's source text (error.c). */
void error_describe_object(VM *vm, Value obj, char *out, size_t size);
/* A short, side-effect-free rendering of any value, for --trace and gdb. */
void debug_print_value(VM *vm, Value v, FILE *out);
/* The source position of the instruction at offset. */
void proto_position(const FunctionProto *proto, uint32_t offset, int *line, int *column);
/* V8's rendering of the callee (CALL, NEW) or iterable (GET_ITERATOR, ARRAY_SPREAD) of
 * the instruction containing offset ("o.m", "f(...)", "o[k]"), or NULL if unknown. On the
 * GET_PROP/GET_ELEM reading a destructuring pattern's first property it is the text of
 * the destructured value ("Cannot destructure property 'a' of 'obj.x' as it is
 * undefined."), "" when there is no expression (a parameter: show the value). */
String *vm_site_name(const FunctionProto *proto, uint32_t offset);

#endif
